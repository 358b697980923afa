// `npm start`: builds the whole site (pages and search index), then serves it for local editing:
// the Astro dev server on http://127.0.0.1:4321/ (search uses the index just built) and the CMS
// at http://127.0.0.1:4321/admin/ on its local backend (decap-server on 127.0.0.1:8081).
//
// Stopping: Ctrl+C, a SIGTERM or SIGINT to the `npm start` process, or that process going away
// stops everything this script started. Each child runs in its own process group, and a stop
// signals the whole group, so grandchildren (npm, Astro and Pagefind's indexer) go too and nothing
// is left listening on either port.
//
// How a signal to npm reaches us: npm 11 runs a script as `sh -c "<script>"` and, on SIGINT or
// SIGTERM, signals only that shell (@npmcli/run-script, lib/signal-manager.js: `proc.kill(signal)`
// for each running script; lib/run-script-pkg.js then re-sends the signal to npm itself). A shell
// does not pass it on: on SIGTERM it dies and leaves us orphaned, on SIGINT it waits for us
// forever. So package.json's script is `exec node tools/start.ts`: the shell becomes this process,
// and npm's signal lands here. And for a parent that goes away without a signal (npm killed
// outright, a closed session), this checks every half second that the processes above it are
// still there, and stops when one has gone.
//
// Options: --no-build skips the build (serve the last one); PORT and CMS_LOCAL_PORT move the two
// servers (the dev server's editor then talks to decap-server on CMS_LOCAL_PORT).
import { execFileSync, spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { startCmsServer } from './cms-server.ts';
import { alive } from './processes.ts';

const require = createRequire(import.meta.url);
// Astro's own CLI, run by this Node (npx would add an npm process that does not pass signals on).
const astroCli = join(dirname(require.resolve('astro/package.json')), 'bin/astro.mjs');
const { values: options } = parseArgs({ options: { 'no-build': { type: 'boolean', default: false } } });
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const port = Number(process.env['PORT'] ?? 4321);
const cmsPort = Number(process.env['CMS_LOCAL_PORT'] ?? 8081);

/** Children still running; each leads its own process group (spawned with `detached`). */
const children = new Set<ChildProcess>();
let stopping = false;
let exitCode = 0;

/** Remembers a child, and stops everything if it dies on its own (a crashed server is no use alone). */
function track(child: ChildProcess, name: string): ChildProcess {
  children.add(child);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (stopping) {
      if (children.size === 0) process.exit(exitCode);
    } else if (name !== 'build') {
      console.error(`${name} stopped (${signal ?? `exit code ${String(code)}`}); stopping the rest.`);
      stop(code || 1);
    }
  });
  return child;
}

/** Signals a child's whole process group. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Stops every child (gently, then by force after 5 s) and exits once they have all gone. */
function stop(code: number): void {
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

/** The parent of a process, read from /proc on Linux and from `ps` elsewhere; undefined if unknown. */
function parentOf(pid: number): number | undefined {
  try {
    // /proc/<pid>/stat: "pid (command) state ppid …"; the command may hold spaces, so read after ")".
    const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    try {
      return Number(execFileSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8' }).trim()) || undefined;
    } catch {
      return undefined;
    }
  }
}

/**
 * The processes whose end should stop us: our parent and, when npm runs us (through a shell), npm
 * too. Never pid 1 (or a subreaper's init): that is where orphans go, not a parent that started us.
 */
function watchedAncestors(): number[] {
  const watched = [process.ppid];
  const grandparent = process.env['npm_lifecycle_event'] ? parentOf(process.ppid) : undefined;
  if (grandparent && grandparent > 1) watched.push(grandparent);
  return watched.filter((pid) => pid > 1);
}

// A child in its own process group must not read the terminal (that would stop it), so stdin is
// closed; output still goes to the terminal.
const stdio: StdioOptions = ['ignore', 'inherit', 'inherit'];

// 128 + the signal's number, as a shell reports a process stopped by it.
process.on('SIGINT', () => stop(130));
process.on('SIGTERM', () => stop(143));
process.on('SIGHUP', () => stop(129));

const ancestors = watchedAncestors();
const firstParent = process.ppid;
setInterval(() => {
  if (process.ppid !== firstParent || !ancestors.every(alive)) {
    console.error('npm start was stopped from outside; stopping the servers.');
    stop(129);
  }
}, 500).unref();

if (!options['no-build']) {
  console.log('Building the site and its search index…');
  const build = track(spawn('npm', ['run', 'build', '--silent'], { stdio, env, detached: true }), 'build');
  const code = await new Promise<number | null>((resolve) => build.on('exit', (exit) => resolve(exit)));
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

console.log(`\nSite:   http://127.0.0.1:${String(port)}/`);
console.log(`Editor: http://127.0.0.1:${String(port)}/admin/ (saves into content/; press Ctrl+C to stop)\n`);
