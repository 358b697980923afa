/**
 * After the editing journeys, the content copy they changed is built once, as Netlify would build
 * it after an editor publishes (`astro build`, which writes the search index too); the checks in this
 * folder read that build. Netlify keeps the build caches from one deploy to the next, so this build
 * starts from the caches of the editor's build of the same copy before the edits
 * (tests/harness/test-cms.ts): Astro's content layer re-reads only the files whose digest changed
 * (a quarter of a cold build's CPU here), and the checks below read what those edits published.
 */
import { expect, test as setup } from '@playwright/test';
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite } from '../../../support/build';
import { BUILT_SITE, CONTENT, REPO } from '../support';

setup('the edited content builds, with its search index', () => {
  setup.setTimeout(300_000);
  const work = `${REPO}/rebuild`;
  cpSync(`${REPO}/editor-cache`, join(work, 'cache'), { recursive: true });
  cpSync(`${REPO}/editor-vite`, join(work, 'vite'), { recursive: true });
  // In the project copy the editor was built in (tests/harness/test-cms.ts): the content store names
  // each file relative to the project, so only there does it match.
  const build = buildSite(CONTENT, {}, work, join(REPO, 'project'));
  expect(build.status, build.output).toBe(0);
  expect(existsSync(join(build.outDir, 'pagefind', 'pagefind.js')), 'the build wrote no search index').toBe(true);
  writeFileSync(BUILT_SITE, build.outDir);
});
