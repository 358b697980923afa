/**
 * `npm start` (tools/start.mjs) stops everything it started: after Ctrl+C in a terminal, or a
 * SIGTERM from whatever launched it, nothing is left listening on the dev server's port or
 * decap-server's. Runs the real script (without its build step) over the minimal content tree.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MINIMAL_TREE, ROOT } from '../support/build';

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

/** Starts `npm start --no-build` in its own process group, as a terminal runs a command. */
function start(port: number, cmsPort: number) {
  const child = spawn(process.execPath, [join(ROOT, 'tools/start.mjs'), '--no-build'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      CMS_LOCAL_PORT: String(cmsPort),
      CONTENT_DIR: MINIMAL_TREE,
      ASTRO_CACHE_DIR: join(work, `cache-${port}`),
      VITE_CACHE_DIR: join(work, `vite-${port}`),
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, output: () => output };
}

/** Waits until both servers accept connections (or the starter gives up). */
async function bothListening(port: number, cmsPort: number, started: ReturnType<typeof start>): Promise<void> {
  let gone = false;
  void started.exited.then(() => (gone = true));
  const deadline = Date.now() + 120_000;
  while (!((await listening(port)) && (await listening(cmsPort)))) {
    if (gone || Date.now() > deadline) throw new Error(`npm start did not come up:\n${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe.concurrent('stopping npm start', () => {
  it('Ctrl+C (SIGINT to the terminal’s process group) stops the dev server and decap-server', async () => {
    const [port, cmsPort] = [4591, 8591];
    const started = start(port, cmsPort);
    await bothListening(port, cmsPort, started);
    process.kill(-(started.child.pid as number), 'SIGINT');
    expect(await started.exited, started.output()).toEqual({ code: 130, signal: null });
    expect(await listening(port)).toBe(false);
    expect(await listening(cmsPort)).toBe(false);
  });

  it('SIGTERM from a parent process, to the starter alone, stops both servers too', async () => {
    const [port, cmsPort] = [4592, 8592];
    const started = start(port, cmsPort);
    await bothListening(port, cmsPort, started);
    started.child.kill('SIGTERM');
    expect(await started.exited, started.output()).toEqual({ code: 143, signal: null });
    expect(await listening(port)).toBe(false);
    expect(await listening(cmsPort)).toBe(false);
  });
});
