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
cpSync(from, to, { recursive: true, filter: (src) => !src.endsWith('.map') });
