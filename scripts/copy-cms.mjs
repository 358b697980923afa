// Copies the pinned Decap CMS bundle from node_modules into public/admin/decap/ (git-ignored), so
// /admin loads the CMS from this site and never from a CDN.
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const from = join('node_modules', 'decap-cms', 'dist');
const to = join('public', 'admin', 'decap');

if (!existsSync(from)) {
  console.error('Decap CMS is not installed: run `npm install` first.');
  process.exit(1);
}
rmSync(to, { recursive: true, force: true });
mkdirSync(to, { recursive: true });
// The package ships two builds: decap-cms.js (with its numbered chunks) is the one /admin loads;
// cms.js and its chunks are for bundlers, so they stay behind (about half the size).
const unused = /(^|[/\\])(\d+\.)?cms\.(js|css)(\.LICENSE\.txt)?$|\.map$/;
cpSync(from, to, { recursive: true, filter: (src) => !unused.test(src) });
