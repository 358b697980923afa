/**
 * A rebuild with the last build's cache folder, as Netlify keeps it between deploys (three real
 * builds of one tree, in one project copy and one cache): pages whose content did not change are
 * copied from the last build (src/integrations/page-reuse.ts), and a page is rendered again
 * whenever anything it shows changed:
 * - publishing a change to one post's words renders that post's page, and copies the others;
 * - a new number for a helpline renders every page again, and the new number is published.
 * A fourth build, of the second build's content with no cache, shows the copied pages are the pages
 * a fresh build renders.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, buildSite, makeContentTree, removeTemporaryFolders, type BuildResult } from '../support/build';
import { copyProject } from '../support/project-copy';

const POST = join(ROOT, 'tests/fixtures/minimal/news/fixture-post.md');
/** Pages that offer themselves for reuse in this tree: two posts, one A–Z topic and the list of news. */
const PAGES = ['news/fixture-post', 'news/second-post', 'a-z/anxiety', 'news'];
const NEW_SENTENCE = 'The group now also meets on Thursday evenings.';

let work: string;
let project: string;
let tree: string;
const builds: BuildResult[] = [];
/** Each build's pages, read before the next build empties the output folder. */
const pages: Record<string, string>[] = [];

/** What the build says it copied: [copied, offered, kept]. */
function reuse(result: BuildResult): number[] {
  const line = result.output.split('\n').find((text) => text.includes('[page-reuse]')) ?? '';
  const match = /copied (\d+) of (\d+) pages from the last build; kept (\d+) for the next$/.exec(line);
  expect(match, result.output).not.toBeNull();
  return match!.slice(1).map(Number);
}

function build(): void {
  const result = buildSite(tree, {}, work, project);
  expect(result.status, result.output).toBe(0);
  builds.push(result);
  pages.push(
    Object.fromEntries(PAGES.map((page) => [page, readFileSync(join(result.outDir, page, 'index.html'), 'utf8')])),
  );
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'mmh-test-rebuild-'));
  project = copyProject(join(work, 'project'));
  tree = makeContentTree();
  const second = readFileSync(POST, 'utf8')
    .replace('title: A fixture post', 'title: A second post')
    .replace('Some text for the post.', 'Some text for the post.\n\n:helpline[samaritans]');
  writeFileSync(join(tree, 'news/second-post.md'), second);
  build();
  // One post's words change, as when an editor publishes a correction.
  writeFileSync(join(tree, 'news/fixture-post.md'), `${readFileSync(POST, 'utf8')}\n${NEW_SENTENCE}\n`);
  build();
  // A helpline's number changes in the registry.
  const samaritans = join(tree, 'helplines/samaritans.yaml');
  writeFileSync(samaritans, readFileSync(samaritans, 'utf8').replace('phone: 116 123', 'phone: 0800 068 4141'));
  build();
});

afterAll(() => {
  removeTemporaryFolders();
  rmSync(work, { recursive: true, force: true });
});

describe('a rebuild with the last build’s cache', () => {
  it('a first build renders every page and keeps them for the next', () => {
    const [copied, offered, kept] = reuse(builds[0]!);
    expect(copied).toBe(0);
    // Two posts, one topic, and the lists of news: all news and the posts' one category.
    expect(offered).toBe(5);
    expect(kept).toBe(offered);
  });

  it('after one post’s words change, renders that post and copies the other pages unchanged', () => {
    expect(reuse(builds[1]!)).toEqual([4, 5, 5]);
    expect(pages[0]!['news/fixture-post']).not.toContain(NEW_SENTENCE);
    expect(pages[1]!['news/fixture-post']).toContain(NEW_SENTENCE);
    expect(pages[1]!['news/second-post']).toBe(pages[0]!['news/second-post']);
    expect(pages[1]!['a-z/anxiety']).toBe(pages[0]!['a-z/anxiety']);
    expect(pages[1]!['news']).toBe(pages[0]!['news']);
  });

  it('after a helpline’s number changes, renders every page again and publishes the new number', () => {
    expect(reuse(builds[2]!)).toEqual([0, 5, 5]);
    expect(pages[1]!['news/second-post']).toContain('href="tel:116123"');
    expect(pages[2]!['news/second-post']).toContain('href="tel:08000684141"');
    expect(pages[2]!['news/second-post']).not.toContain('href="tel:116123"');
  });
});

describe('the pages a rebuild copies are the pages a fresh build renders', () => {
  it('the second build’s pages equal a build of the same content with no cache', () => {
    // The same tree as the second build, built from nothing.
    const fresh = makeContentTree();
    cpSync(join(tree, 'news'), join(fresh, 'news'), { recursive: true });
    writeFileSync(join(fresh, 'news/fixture-post.md'), `${readFileSync(POST, 'utf8')}\n${NEW_SENTENCE}\n`);
    const result = buildSite(fresh);
    expect(result.status, result.output).toBe(0);
    for (const page of PAGES) {
      expect(readFileSync(join(result.outDir, page, 'index.html'), 'utf8'), page).toBe(pages[1]![page]);
    }
  });
});
