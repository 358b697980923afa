/**
 * One Astro process at a time may sync content in this project. Every Astro process writes the
 * project's one `.astro/` folder when it syncs (the folder is fixed to the project root:
 * node_modules/astro/dist/core/config/settings.js, `dotAstroDir`), and Astro 7 writes
 * `.astro/content-assets.mjs` through a temporary file of a fixed name that it then renames
 * (node_modules/astro/dist/content/mutable-data-store.js, `writeAssetImports`). Two processes at
 * once can rename each other's file away, and one stops with ENOENT. `npm test` runs the fixture
 * builds and the CMS round trip side by side, so every Astro process a test starts holds this
 * lock while it may sync: a build for its whole run, a dev server until it is stopped.
 *
 * The lock is a folder (made atomically by mkdir) holding the owner's process id; a lock whose
 * owner has died is taken over.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { alive } from '../../tools/processes.ts';

const LOCK = resolve(import.meta.dirname, '../../node_modules/.cache/astro-sync.lock');
const OWNER = join(LOCK, 'pid');
/** Longer than any build or dev-server test holds it on a busy machine. */
const WAIT_MS = 10 * 60_000;
const POLL_MS = 100;

/** Takes the lock if it is free (or its owner has died); true when taken. */
function tryTake(): boolean {
  mkdirSync(dirname(LOCK), { recursive: true });
  try {
    mkdirSync(LOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    let owner = 0;
    try {
      owner = Number(readFileSync(OWNER, 'utf8'));
    } catch {
      // Just made by another process, which has not written its id yet.
    }
    if (owner > 0 && !alive(owner)) rmSync(LOCK, { recursive: true, force: true });
    return false;
  }
  writeFileSync(OWNER, String(process.pid));
  return true;
}

function release(): void {
  rmSync(LOCK, { recursive: true, force: true });
}

function timedOut(): Error {
  return new Error(
    `Waited ${String(WAIT_MS / 60_000)} minutes for another Astro process to finish (lock ${LOCK}); remove the folder if no test is running`,
  );
}

/** Runs `run` (which starts Astro and waits for it) holding the lock; blocks until it is free. */
export function withAstroLockSync<T>(run: () => T): T {
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  const deadline = Date.now() + WAIT_MS;
  while (!tryTake()) {
    if (Date.now() > deadline) throw timedOut();
    Atomics.wait(sleeper, 0, 0, POLL_MS);
  }
  try {
    return run();
  } finally {
    release();
  }
}

/** Waits for the lock and returns the function that releases it (for a server's whole life). */
export async function takeAstroLock(): Promise<() => void> {
  const deadline = Date.now() + WAIT_MS;
  while (!tryTake()) {
    if (Date.now() > deadline) throw timedOut();
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
  return release;
}
