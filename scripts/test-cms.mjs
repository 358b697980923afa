// `npm run test:cms`: the CMS round trip in a real browser against a real decap-server, on a
// temporary copy of content/ so the real content is never touched (playwright.cms.config.ts says
// how). Extra arguments go to Playwright (e.g. `npm run test:cms -- -g phone`).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = mkdtempSync(join(tmpdir(), 'mmh-test-cms-'));
cpSync('content', join(repo, 'content'), { recursive: true });

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const run = (args, extra = {}) => spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...env, ...extra } });

let status = run(['scripts/copy-cms.mjs']).status;
if (status === 0) {
  status = run(
    ['node_modules/@playwright/test/cli.js', 'test', '-c', 'playwright.cms.config.ts', ...process.argv.slice(2)],
    { CMS_TEST_REPO: repo },
  ).status;
}
if (process.env.CMS_TEST_KEEP) console.log(`Kept the test copy in ${repo}`);
else rmSync(repo, { recursive: true, force: true });
process.exit(status ?? 1);
