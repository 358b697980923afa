/**
 * The content safety gate, end to end with the real `astro build` (two builds): a Samaritans
 * guideline phrase stops the build with one line naming the file, the line and the words; and an
 * .mdx file in a CMS-edited collection, which MDX would run as code (it would print
 * `process.env` into the page and the feed), stops the build instead of publishing or being
 * quietly left out. Every rule, the silencing comment and line numbers are tested in-process in
 * tests/unit/content-gate.test.ts.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, buildSite, makeContentTree, removeTemporaryFolders, type BuildResult } from '../support/build';

const FIXTURES = join(ROOT, 'tests/fixtures/content-gate');

afterAll(removeTemporaryFolders);

/** The build's "Content error" lines. */
function errorLines(result: BuildResult): string[] {
  return result.output.split('\n').filter((line) => line.includes('Content error in'));
}

/** Every file the build wrote (none when it stopped early). */
function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the content safety gate in a real build', () => {
  it.concurrent('stops at a guideline phrase, naming the file, the line and the words', () => {
    const file = 'news/guideline-phrase.md';
    const result = buildSite(makeContentTree({ [file]: join(FIXTURES, file) }));
    expect(result.status, result.output).not.toBe(0);
    expect(errorLines(result)).toEqual([
      expect.stringMatching(
        /Content error in .*news\/guideline-phrase\.md: line 11 uses "committed suicide"; write "took their own life" or "died by suicide" instead$/,
      ),
    ]);
    expect(filesIn(result.outDir).filter((f) => f.endsWith('.html'))).toEqual([]);
  });

  it.concurrent('stops at an .mdx file in a CMS-edited collection instead of running its code', () => {
    const file = 'news/runs-code.mdx';
    const secret = 'GATE-SECRET-8d1f';
    const result = buildSite(makeContentTree({ [file]: join(FIXTURES, file) }), { CONTENT_GATE_SECRET: secret });
    expect(result.status, result.output).not.toBe(0);
    expect(errorLines(result)).toEqual([
      expect.stringMatching(
        /Content error in .*news\/runs-code\.mdx: \.mdx files can run code when the site is built, so this folder accepts only \.md; rename it to \.md/,
      ),
    ]);
    const leaked = filesIn(result.outDir).filter((f) => {
      const text = readFileSync(f, 'utf8');
      return text.includes(secret) || text.includes('EXPORT-RAN-42');
    });
    expect(leaked).toEqual([]);
  });
});
