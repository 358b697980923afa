/**
 * A copy of the project for one Astro process a test starts (a fixture build, the CMS round trip's
 * editor build and rebuild, a test dev server), as a fresh clone would be: the files the build and
 * `npm start` read, with node_modules linked, not copied.
 *
 * Astro writes its generated types and content modules into `.astro/` in the project's root
 * (node_modules/astro/dist/core/config/settings.js: `dotAstroDir = new URL(".astro/", config.root)`),
 * and two processes sharing one root break each other's files there. In its own copy, each process
 * has its own `.astro/`, so the tests' builds and dev servers run side by side, and never touch the
 * real project's, which the production build, the type check and ESLint use. A copy builds the same
 * pages as the project itself: every path Astro derives (scoped-style ids, script names) is relative
 * to the root, and the same in both.
 */
import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Root of the project. */
export const ROOT = resolve(import.meta.dirname, '../..');

/**
 * What a build and `npm start` read from the project root. A build in a copy that lacks a file it
 * needs stops with that file's name, so a new one is noticed at once.
 */
const PROJECT_FILES = [
  'astro.config.ts',
  'package.json',
  'tsconfig.json',
  'content-rules.yaml',
  'src',
  'public',
  'tools',
];

/** Copies the project into `dir` (made if missing) and returns it. */
export function copyProject(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const name of PROJECT_FILES) cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}
