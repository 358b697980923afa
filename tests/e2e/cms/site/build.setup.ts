/**
 * After the editing journeys, the content copy they changed is built once, as Netlify would build
 * it after an editor publishes (`astro build`, which writes the search index too); the checks in this
 * folder read that build.
 */
import { expect, test as setup } from '@playwright/test';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite } from '../../../support/build';
import { BUILT_SITE, CONTENT, REPO } from '../support';

setup('the edited content builds, with its search index', () => {
  setup.setTimeout(300_000);
  const build = buildSite(CONTENT, {}, `${REPO}/rebuild`);
  expect(build.status, build.output).toBe(0);
  expect(existsSync(join(build.outDir, 'pagefind', 'pagefind.js')), 'the build wrote no search index').toBe(true);
  writeFileSync(BUILT_SITE, build.outDir);
});
