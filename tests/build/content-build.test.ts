/**
 * The end-to-end proof, with the real `astro build`, that content decides what is published:
 * a valid tree builds (and a paused service, full groups and an overdue topic show as they
 * should), while a file that breaks its schema or hides unsafe HTML stops the build with one line
 * and publishes nothing at all. Every other bad-content case is checked in-process by
 * tests/unit/content-loader.test.ts against the same loaders.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, buildSite, makeContentTree, removeTemporaryFolders, type BuildResult } from '../support/build';
import { filesIn } from '../support/files';

const BAD = join(ROOT, 'tests/fixtures/bad');

afterAll(removeTemporaryFolders);

/** The build's one "Content error" line. */
function errorLine(result: BuildResult): string | undefined {
  return result.output.split('\n').find((line) => line.includes('Content error in'));
}

describe('a valid tree, with a paused service, full groups and an overdue topic', () => {
  const overdue = 'a-z/overdue-topic.md';
  const build = (() => {
    let result: BuildResult | undefined;
    return () => {
      if (result) return result;
      const tree = makeContentTree({ [overdue]: join(ROOT, 'tests/fixtures/review', overdue) });
      const settingsFile = join(tree, 'settings/site.yaml');
      writeFileSync(
        settingsFile,
        readFileSync(settingsFile, 'utf8').replace('acceptingReferrals: true', 'acceptingReferrals: false'),
      );
      const group = readFileSync(join(tree, 'services/fixture-group.md'), 'utf8');
      writeFileSync(
        join(tree, 'services/paused-group.md'),
        group
          .replace('title: Fixture Peer Support Group', 'title: Paused Fixture Group')
          .replace('---\n', '---\nactive: false\n'),
      );
      // Built as a fresh clone is, with no repository for the live editor (npm test sets one).
      result = buildSite(tree, { CMS_REPO: '', REPOSITORY_URL: '' });
      return result;
    };
  })();
  const page = (path: string) => readFileSync(join(build().outDir, path, 'index.html'), 'utf8');

  it('without CMS_REPO or REPOSITORY_URL, warns once and /admin/ says what to set instead of starting Decap', () => {
    const warnings = build()
      .output.split('\n')
      .filter((line) => line.includes('[content editor]'));
    expect(warnings, build().output).toHaveLength(1);
    expect(warnings[0]).toContain('Set CMS_REPO to the GitHub repository');
    const admin = page('admin').replace(/<[^>]+>/g, ' ');
    expect(admin).toContain('The content editor is not set up yet');
    expect(admin).toContain('Set CMS_REPO to the GitHub repository, as owner/name');
  });

  it('builds and publishes the fixture pages', () => {
    expect(build().status, build().output).toBe(0);
    expect(page('urgent-help')).toContain('116\u00a0123');
    expect(page('news/fixture-post')).toContain('<h1');
  });

  it("`astro build` alone writes the search index and the editor's code", () => {
    const out = build().outDir;
    const entry = JSON.parse(readFileSync(join(out, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(entry.languages['en-gb']?.page_count).toBeGreaterThan(5);
    expect(existsSync(join(out, 'pagefind/pagefind.js'))).toBe(true);
    expect(build().output).toMatch(/\[pagefind\] read \d+ pages and wrote the search index/);
    expect(existsSync(join(out, 'admin/decap/decap-cms.js'))).toBe(true);
    // Only the build the editor loads: not the package's second build for bundlers, nor source maps.
    expect(filesIn(join(out, 'admin/decap')).filter((file) => /(^|\/)cms\.js$|\.map$/.test(file))).toEqual([]);
  });

  it('shows the groups-full notice and publishes nothing about the paused service', () => {
    for (const path of ['services', 'services/fixture-group']) {
      expect(page(path), path).toContain('not taking new members at the moment');
    }
    expect(existsSync(join(build().outDir, 'services/paused-group'))).toBe(false);
    expect(page('services')).not.toContain('Paused Fixture Group');
    expect(page('services/area/millbrook')).not.toContain('Paused Fixture Group');
    expect(readFileSync(join(build().outDir, 'sitemap-0.xml'), 'utf8')).not.toContain('paused-group');
  });

  it('still publishes the overdue topic, and warns once, naming the topic and its file', () => {
    const warning = build()
      .output.split('\n')
      .filter((l) => l.includes('Review overdue'));
    expect(warning, build().output).toHaveLength(1);
    expect(warning[0]).toContain(`Overdue topic (`);
    expect(warning[0]).toContain(`${overdue}, due 2023-01-10)`);
    expect(page('a-z/overdue-topic').replace(/<[^>]+>/g, '')).toContain('Next review due: 10 January 2023.');
  });
});

describe('bad content stops the real build', () => {
  it('a missing field: one line naming the file and field, and no page published', () => {
    const file = 'news/image-without-alt.md';
    const result = buildSite(makeContentTree({ [file]: join(BAD, file) }));
    expect(result.status).not.toBe(0);
    expect(errorLine(result), result.output).toContain(
      `${file}: field "imageAlt" is required when there is a hero image`,
    );
    expect(filesIn(result.outDir).filter((f) => /\.(html|xml)$/.test(f))).toEqual([]);
  });

  it('a <script> in a post: named, and the attack is in no output file', () => {
    const file = 'news/raw-script.md';
    const result = buildSite(makeContentTree({ [file]: join(BAD, file) }));
    expect(result.status).not.toBe(0);
    expect(errorLine(result), result.output).toContain(`${file}: field "body" contains a <script> element`);
    const published = filesIn(result.outDir);
    expect(published.filter((f) => /\.(html|xml)$/.test(f))).toEqual([]);
    expect(published.filter((f) => readFileSync(f, 'utf8').includes("alert('x')"))).toEqual([]);
  });
});
