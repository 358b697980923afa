/**
 * After the editing journeys, the content copy they changed is built once, as Netlify would build
 * it after an editor publishes, with its search index; the checks in this folder read that build.
 */
import { expect, test as setup } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { buildSite } from '../../../support/build';
import { BUILT_SITE, CONTENT, REPO, indexForSearch } from '../support';

setup('the edited content builds, with its search index', () => {
  setup.setTimeout(300_000);
  const build = buildSite(CONTENT, {}, `${REPO}/rebuild`);
  expect(build.status, build.output).toBe(0);
  indexForSearch(build.outDir);
  writeFileSync(BUILT_SITE, build.outDir);
});
