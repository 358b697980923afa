// `npm run test:cms`: the CMS round trip in a real browser against a real decap-server, on a
// temporary copy of content/ so the real content is never touched (playwright.cms.config.ts says
// how). Extra arguments go to Playwright (e.g. `npm run test:cms -- -g phone`).
//
// `npm test` runs it in two steps, so that the editor's build comes first and the production build
// then starts from its optimised pictures: `--build-only` makes the copy and builds the editor,
// writing the copy's folder to .build/cms-copy; `--built` runs the journeys on that copy and
// removes it.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { copyProject } from '../support/project-copy.ts';
import { useSuiteClock } from '../support/clock.ts';

const HANDOVER = '.build/cms-copy';
const buildOnly = process.argv.includes('--build-only');
const built = process.argv.includes('--built');
const playwrightArgs = process.argv.slice(2).filter((arg) => arg !== '--build-only' && arg !== '--built');

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
// The editor build, the rebuild and the checks are all as of the suite's one clock.
useSuiteClock(env);
const run = (args: string[], cwd: string, extra: Record<string, string> = {}) =>
  spawnSync(process.execPath, args, { stdio: 'inherit', cwd, env: { ...env, ...extra } });

const CMS_PORT = process.env['CMS_TEST_PORT'] ?? '8085';

let repo: string;
let status: number | null = 0;
if (built) {
  repo = readFileSync(HANDOVER, 'utf8').trim();
} else {
  repo = mkdtempSync(join(tmpdir(), 'mmh-test-cms-'));
  cpSync('content', join(repo, 'content'), { recursive: true });
  // The editor: the site built with the CMS saving through the test's decap-server. (Not the
  // Astro dev server: it reloads the editor's page whenever a saved file changes the content.)
  // Built in a copy of the project (tests/support/project-copy.ts), which the rebuild and the dev
  // server of the round trip use too, so it runs beside npm test's other Astro processes; and
  // Astro's content store, which names each file relative to the project, is the same for all three.
  console.log(`Building the editor against decap-server on 127.0.0.1:${CMS_PORT}…`);
  status = run(['node_modules/astro/bin/astro.mjs', 'build', '--silent'], copyProject(join(repo, 'project')), {
    CONTENT_DIR: join(repo, 'content'),
    OUT_DIR: join(repo, 'editor'),
    ASTRO_CACHE_DIR: join(repo, 'editor-cache'),
    VITE_CACHE_DIR: join(repo, 'editor-vite'),
    CMS_LOCAL: '1',
    CMS_LOCAL_PORT: CMS_PORT,
  }).status;
  if (status === 0) {
    // Astro keeps each optimised picture in `${cacheDir}/assets/`, named by the source's hash and
    // the transform (astro 7.3 `assets/build/generate.js`, `generateImageInternal`): the same file for
    // any build of the same picture. The production build (the default cacheDir) starts from the
    // editor build's pictures, as a Netlify build starts from the last build's cache, instead of
    // encoding the same 71 AVIF, WebP and JPEG files again (about 16 s on two cores).
    cpSync(join(repo, 'editor-cache', 'assets'), 'node_modules/.astro/assets', { recursive: true, force: false });
  }
  if (buildOnly) {
    mkdirSync(dirname(HANDOVER), { recursive: true });
    if (status === 0) writeFileSync(HANDOVER, repo);
    else rmSync(repo, { recursive: true, force: true });
    process.exit(status ?? 1);
  }
}
if (status === 0) {
  status = run(
    ['node_modules/@playwright/test/cli.js', 'test', '-c', 'playwright.cms.config.ts', ...playwrightArgs],
    '.',
    {
      CMS_TEST_REPO: repo,
      CMS_TEST_PORT: CMS_PORT,
    },
  ).status;
}
if (process.env['CMS_TEST_KEEP']) console.log(`Kept the test copy in ${repo}`);
else rmSync(repo, { recursive: true, force: true });
if (built) rmSync(HANDOVER, { force: true });
process.exit(status ?? 1);
