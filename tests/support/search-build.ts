/**
 * Builds the search fixture site: the minimal content tree plus tests/fixtures/search, with the
 * real Astro build and the real Pagefind CLI, into a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildSite, makeContentTree, ROOT } from './build.ts';

/** The search fixture's extra content. */
export const SEARCH_TREE = join(ROOT, 'tests/fixtures/search');

/** Builds the fixture site with its search index and returns the output folder. */
export function buildSearchFixture(): string {
  const extra: Record<string, string> = {};
  for (const area of ['a-z', 'news', 'services']) {
    for (const file of readdirSync(join(SEARCH_TREE, area))) {
      const source = join(SEARCH_TREE, area, file);
      extra[relative(SEARCH_TREE, source)] = source;
    }
  }
  const build = buildSite(makeContentTree(extra), { SEARCH_STAND_INS: '1' });
  if (build.status !== 0) throw new Error(`Search fixture build failed:\n${build.output}`);
  const pagefind = spawnSync(join(ROOT, 'node_modules/.bin/pagefind'), ['--site', build.outDir], { encoding: 'utf8' });
  if (pagefind.status !== 0) throw new Error(`Pagefind failed:\n${pagefind.stdout}\n${pagefind.stderr}`);
  return build.outDir;
}
