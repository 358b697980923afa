/**
 * The service worker is bundled and given its list of saved files on the build's end, or taken
 * from Astro's cache folder when the pages it saves and its code did not change (a rebuild after a
 * news post). What it does in a browser is tested in tests/e2e/offline.spec.ts.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SERVICE_WORKER_FILE, writeServiceWorker } from '../../src/integrations/service-worker';

const work = mkdtempSync(join(tmpdir(), 'service-worker-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A built site with the two pages the worker saves and the script they load. */
function site(name: string, urgentHelp: string): string {
  const dist = join(work, name);
  for (const folder of ['urgent-help', 'offline', '_astro']) mkdirSync(join(dist, folder), { recursive: true });
  const page = (body: string) =>
    `<!doctype html><html><head><script src="/_astro/a.B1.js"></script></head><body>${body}</body></html>`;
  writeFileSync(join(dist, 'urgent-help/index.html'), page(urgentHelp));
  writeFileSync(join(dist, 'offline/index.html'), page('You are offline.'));
  writeFileSync(join(dist, '_astro/a.B1.js'), 'console.log(1);');
  return dist;
}

const worker = (dist: string) => readFileSync(join(dist, SERVICE_WORKER_FILE), 'utf8');

describe('the service worker on a rebuild', () => {
  const cache = join(work, 'cache');

  it('is made the first time, saving both pages and their script', async () => {
    const dist = site('first', 'Call 999.');
    const report = await writeServiceWorker(dist, cache);
    expect(report).toMatchObject({
      reused: false,
      files: ['urgent-help/index.html', 'offline/index.html', '_astro/a.B1.js'],
    });
    expect(worker(dist)).toContain('urgent-help/index.html');
    expect(readdirSync(join(cache, 'service-worker'))).toHaveLength(1);
  });

  it('is the same worker, from the cache, when the saved pages did not change', async () => {
    const report = await writeServiceWorker(site('second', 'Call 999.'), cache);
    expect(report.reused).toBe(true);
    expect(worker(join(work, 'second'))).toBe(worker(join(work, 'first')));
  });

  it('is made again when a saved page changed, with the page’s new revision', async () => {
    const dist = site('third', 'Call 999, or 111.');
    const report = await writeServiceWorker(dist, cache);
    expect(report.reused).toBe(false);
    expect(worker(dist)).not.toBe(worker(join(work, 'first')));
    // Only the latest worker is kept.
    expect(readdirSync(join(cache, 'service-worker'))).toHaveLength(1);
  });

  it('is the same worker when made without a cache', async () => {
    const dist = site('fourth', 'Call 999, or 111.');
    await writeServiceWorker(dist);
    expect(worker(dist)).toBe(worker(join(work, 'third')));
  });
});
