/**
 * `npm start` (tools/start.ts) stops everything it started: after Ctrl+C in a terminal, a SIGTERM
 * or SIGINT sent to the `npm` process alone (what a process manager or an IDE's stop button
 * sends), or `npm` being killed outright, nothing is left listening on the dev server's port or
 * decap-server's, and nothing is left in npm's process group. Started the way a person starts it
 * (`npm start`, here with `-- --no-build` to skip the build) over the minimal content tree.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MINIMAL_TREE } from '../support/build';
import { copyProject } from '../support/project-copy';

const work = mkdtempSync(join(tmpdir(), 'mmh-test-start-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** True when something accepts connections on 127.0.0.1:port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A port nothing listens on now (the system picks it), so parallel runs never collide. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Whether any process is left in a process group. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `npm start -- --no-build` in its own process group, as a terminal runs a command, in its own
 * copy of the project (tests/support/project-copy.ts: its own `.astro/`, so the four run side by side).
 */
async function start() {
  const [port, cmsPort] = [await freePort(), await freePort()];
  const npm = spawn('npm', ['start', '--silent', '--', '--no-build'], {
    cwd: copyProject(join(work, `project-${String(port)}`)),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      CMS_LOCAL_PORT: String(cmsPort),
      CONTENT_DIR: MINIMAL_TREE,
      ASTRO_CACHE_DIR: join(work, `cache-${String(port)}`),
      VITE_CACHE_DIR: join(work, `vite-${String(port)}`),
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
    },
  });
  let output = '';
  npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => npm.on('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  // Up: both servers listen, and Astro has synced the content.
  const deadline = Date.now() + 120_000;
  while (!(output.includes('Synced content') && (await listening(port)) && (await listening(cmsPort)))) {
    if (gone || Date.now() > deadline) throw new Error(`npm start did not come up:\n${output}`);
    await sleep(250);
  }
  return { npm, pid: npm.pid as number, port, cmsPort, exited, output: () => output };
}

/**
 * Waits up to `seconds` for both ports to close and npm's process group to empty (npm, its shell
 * and tools/start.ts), then says what is still there.
 */
async function leftOver(started: Awaited<ReturnType<typeof start>>, seconds: number): Promise<string[]> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const left = [
      ...((await listening(started.port)) ? [`the dev server on ${String(started.port)}`] : []),
      ...((await listening(started.cmsPort)) ? [`decap-server on ${String(started.cmsPort)}`] : []),
      ...(groupAlive(started.pid) ? ['a process in npm’s group'] : []),
    ];
    if (left.length === 0 || Date.now() > deadline) return left;
    await sleep(250);
  }
}

// The starter checks its parents every half second and gives each server 5 s to stop before it
// kills it: 15 s is "a few seconds" with room for a busy machine, and far less than forever, which
// is what the orphaned servers did.
const STOP_SECONDS = 15;

describe.concurrent('stopping npm start', () => {
  it('Ctrl+C (SIGINT to the terminal’s process group) stops everything', async () => {
    const started = await start();
    process.kill(-started.pid, 'SIGINT');
    await started.exited;
    expect(await leftOver(started, STOP_SECONDS), started.output()).toEqual([]);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('%s to the npm process alone stops everything', async (signal) => {
    const started = await start();
    started.npm.kill(signal);
    await started.exited;
    expect(await leftOver(started, STOP_SECONDS), started.output()).toEqual([]);
  });

  it('npm killed outright (its parent gone) stops everything', async () => {
    const started = await start();
    started.npm.kill('SIGKILL');
    await started.exited;
    expect(await leftOver(started, STOP_SECONDS), started.output()).toEqual([]);
  });
});
