/**
 * Runs the real Astro build over a content tree of the tests' choosing (through CONTENT_DIR),
 * with its own output and cache folders so builds never touch the real site.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyProject, ROOT } from './project-copy';

export { ROOT };

/** A small, valid content tree that exercises every collection. */
export const MINIMAL_TREE = join(ROOT, 'tests/fixtures/minimal');

/** Temporary folders made by this test file, removed by {@link removeTemporaryFolders}. */
const temporary: string[] = [];

/** A new temporary folder, remembered for removal by {@link removeTemporaryFolders}. */
export function temporaryFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `mmh-test-${prefix}-`));
  temporary.push(dir);
  return dir;
}

/** Removes every temporary folder this test file made; call it from `afterAll`. */
export function removeTemporaryFolders(): void {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** The outcome of a build. */
export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
  contentDir: string;
}

/**
 * The environment for a build started from a test: Vitest's own variables (DEV=1, MODE, PROD,
 * NODE_ENV=test…) left out, so the build behaves as `npm run build` does.
 */
function builderEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL', 'NODE_ENV', 'VITEST', 'VITEST_MODE', 'TEST']) {
    delete env[name];
  }
  return env;
}

/** Copies the minimal tree (plus any extra files) into a fresh temporary content folder. */
export function makeContentTree(extra: Record<string, string> = {}): string {
  const dir = temporaryFolder('content');
  cpSync(MINIMAL_TREE, dir, { recursive: true });
  for (const [relative, source] of Object.entries(extra)) {
    mkdirSync(join(dir, relative, '..'), { recursive: true });
    cpSync(source, join(dir, relative));
  }
  return dir;
}

/**
 * Builds the site from `contentDir` with `astro build` and returns its status and output. The
 * build runs in a copy of the project (tests/support/project-copy.ts: its own `.astro/`, so builds
 * run side by side), made under `work` unless `project` names one already made; the output and
 * caches go in a temporary folder, or under `work` when given.
 */
export function buildSite(
  contentDir: string,
  env: Record<string, string> = {},
  work = temporaryFolder('build'),
  project = copyProject(join(work, 'project')),
): BuildResult {
  const outDir = join(work, 'dist');
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: project,
    encoding: 'utf8',
    env: {
      ...builderEnv(),
      ...env,
      CONTENT_DIR: contentDir,
      OUT_DIR: outDir,
      ASTRO_CACHE_DIR: join(work, 'cache'),
      VITE_CACHE_DIR: join(work, 'vite'),
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
    },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir, contentDir };
}
