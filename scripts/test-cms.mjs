// `npm run test:cms`: the CMS round trip in a real browser against a real decap-server, on a
// temporary copy of content/ so the real content is never touched. It builds the site with the
// CMS pointed at that decap-server, then runs the Playwright project in playwright.cms.config.ts.
// Extra arguments go to Playwright (e.g. `npm run test:cms -- -g phone`).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CMS_PORT = process.env.CMS_TEST_PORT ?? '8085';
// The editor build is served next to the main preview port (and one above it, for checking builds).
const PREVIEW_PORT = process.env.CMS_PREVIEW_PORT ?? String(Number(process.env.PREVIEW_PORT ?? 4399) + 1000);
const repo = mkdtempSync(join(tmpdir(), 'cms-test-'));
const site = join(repo, 'site');
const content = join(repo, 'content');

cpSync('content', content, { recursive: true });
// Until the A–Z has real topics, the tests edit a fixture topic.
if (!existsSync(join(content, 'a-z'))) cpSync('tests/fixtures/cms/a-z', join(content, 'a-z'), { recursive: true });

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const run = (args, extra = {}) => spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...env, ...extra } });

let status = run(['scripts/copy-cms.mjs']).status;
if (status === 0) {
  console.log(`Building the editor against decap-server on 127.0.0.1:${CMS_PORT} (content in ${content})…`);
  status = run(['node_modules/astro/bin/astro.mjs', 'build', '--silent'], {
    CONTENT_DIR: content,
    OUT_DIR: site,
    ASTRO_CACHE_DIR: join(repo, 'cache'),
    VITE_CACHE_DIR: join(repo, 'vite'),
    CMS_LOCAL: '1',
    CMS_LOCAL_PORT: CMS_PORT,
  }).status;
}
if (status === 0) {
  status = run(
    ['node_modules/@playwright/test/cli.js', 'test', '-c', 'playwright.cms.config.ts', ...process.argv.slice(2)],
    {
      CMS_TEST_REPO: repo,
      CMS_TEST_SITE: site,
      CMS_TEST_PORT: CMS_PORT,
      CMS_PREVIEW_PORT: PREVIEW_PORT,
    },
  ).status;
}
if (process.env.CMS_TEST_KEEP) console.log(`Kept the test copy in ${repo}`);
else rmSync(repo, { recursive: true, force: true });
process.exit(status ?? 1);
