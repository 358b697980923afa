// `npm start`: builds the whole site (pages and search index), then serves it for local editing:
// the Astro dev server on http://127.0.0.1:4321/ (search uses the index just built) and the CMS
// at http://127.0.0.1:4321/admin/ on its local backend (decap-server on 127.0.0.1:8081).
//
// Stopping: Ctrl+C, or SIGTERM from whatever started us, stops everything this script started.
// Each child runs in its own process group, and a stop signals the whole group, so grandchildren
// (npm, Astro and Pagefind's indexer) go too and nothing is left listening on either port.
//
// Options: --no-build skips the build (serve the last one); PORT and CMS_LOCAL_PORT move the two
// servers (the dev server's editor then talks to decap-server on CMS_LOCAL_PORT).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { startCmsServer } from './cms-server.mjs';

const require = createRequire(import.meta.url);
// Astro's own CLI, run by this Node (npx would add an npm process that does not pass signals on).
const astroCli = join(dirname(require.resolve('astro/package.json')), 'bin/astro.mjs');
const { values: options } = parseArgs({ options: { 'no-build': { type: 'boolean', default: false } } });
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const port = Number(process.env.PORT ?? 4321);
const cmsPort = Number(process.env.CMS_LOCAL_PORT ?? 8081);

/** Children still running; each leads its own process group (spawned with `detached`). */
const children = new Set();
let stopping = false;
let exitCode = 0;

/** Remembers a child, and stops everything if it dies on its own (a crashed server is no use alone). */
function track(child, name) {
  children.add(child);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (stopping) {
      if (children.size === 0) process.exit(exitCode);
    } else if (name !== 'build') {
      console.error(`${name} stopped (${signal ?? `exit code ${code}`}); stopping the rest.`);
      stop(code || 1);
    }
  });
  return child;
}

/** Signals a child's whole process group. */
function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Stops every child (gently, then by force after 5 s) and exits once they have all gone. */
function stop(code) {
  if (stopping) return;
  stopping = true;
  exitCode = code;
  if (children.size === 0) process.exit(code);
  for (const child of children) signalGroup(child, 'SIGTERM');
  setTimeout(() => {
    for (const child of children) signalGroup(child, 'SIGKILL');
    process.exit(code);
  }, 5000).unref();
}

// A child in its own process group must not read the terminal (that would stop it), so stdin is
// closed; output still goes to the terminal.
const stdio = ['ignore', 'inherit', 'inherit'];

// 128 + the signal's number, as a shell reports a process stopped by it.
process.on('SIGINT', () => stop(130));
process.on('SIGTERM', () => stop(143));
process.on('SIGHUP', () => stop(129));

if (!options['no-build']) {
  console.log('Building the site and its search index…');
  const build = track(spawn('npm', ['run', 'build', '--silent'], { stdio, env, detached: true }), 'build');
  const [code] = await new Promise((resolve) => build.on('exit', (...result) => resolve(result)));
  if (stopping) await new Promise(() => {}); // stop() exits the process.
  if (code !== 0) {
    console.error('The build failed: fix the error above, then run `npm start` again.');
    process.exit(code ?? 1);
  }
}

track(startCmsServer({ port: cmsPort, quiet: true, detached: true }), 'decap-server');
track(
  spawn(process.execPath, [astroCli, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    stdio,
    env: { ...env, CMS_LOCAL_PORT: String(cmsPort) },
    detached: true,
  }),
  'The dev server',
);

console.log(`\nSite:   http://127.0.0.1:${port}/`);
console.log(`Editor: http://127.0.0.1:${port}/admin/ (saves into content/; press Ctrl+C to stop)\n`);
