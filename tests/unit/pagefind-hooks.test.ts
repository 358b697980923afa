/**
 * The order of the search index's steps in the build (src/integrations/pagefind.ts): the
 * `astro:build:generated` hook returns once Pagefind has read the pages, so the hooks after it run
 * while Pagefind writes the index, and a failure never leaves the build waiting. Pagefind itself is
 * stood in for here; tests/build and tests/e2e/search build and search the real index.
 */
import type { AstroIntegrationLogger } from 'astro';
import { setTimeout as wait } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { KNOWN_PAGEFIND_VERSION } from '../../src/integrations/pagefind-chunks';

const steps: string[] = [];
/** Each Pagefind step's reply, released by the test. */
let release: Record<'add' | 'write', () => void>;
let addErrors: string[] = [];
let writeErrors: string[] = [];
/** Pagefind's chunk-size variable as it was when the stand-in's service was started. */
let chunkSizeAtStart: string | undefined;

/** Pagefind's Node API, stood in for: each step waits until the test releases its reply. */
const pagefindStandIn = () => ({
  createIndex: () => {
    chunkSizeAtStart = process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'];
    return Promise.resolve({
      errors: [],
      index: {
        addDirectory: () =>
          new Promise((resolveAdd) => {
            release.add = () => {
              steps.push('pages read');
              resolveAdd({ errors: addErrors, page_count: 3 });
            };
          }),
        writeFiles: () =>
          new Promise((resolveWrite) => {
            release.write = () => {
              steps.push('index written');
              resolveWrite({ errors: writeErrors, outputPath: '' });
            };
          }),
      },
    });
  },
  close: () => Promise.resolve(),
});
/** The re-cut, stood in for: its process is started, then handed the index or let go. */
const chunksStandIn = () => ({
  KNOWN_PAGEFIND_VERSION,
  startRecut: () => {
    steps.push('re-cut started');
    return {
      run: () => {
        steps.push('re-cut');
        return Promise.resolve();
      },
      cancel: () => {
        steps.push('re-cut let go');
        return Promise.resolve();
      },
    };
  },
});

// Unit test files share their modules (vitest.config.ts: no isolation), and another file may have
// loaded the real integration already: so the registry is reset, and the integration loaded afresh
// with the stand-ins, then both are put back for the files after this one.
let pagefindSearch: typeof import('../../src/integrations/pagefind').pagefindSearch;
let pagefindEnvironment: typeof import('../../src/integrations/pagefind').pagefindEnvironment;
beforeAll(async () => {
  vi.resetModules();
  vi.doMock('pagefind', pagefindStandIn);
  vi.doMock('../../src/integrations/pagefind-chunks', chunksStandIn);
  ({ pagefindSearch, pagefindEnvironment } = await import('../../src/integrations/pagefind'));
});
afterAll(() => {
  vi.doUnmock('pagefind');
  vi.doUnmock('../../src/integrations/pagefind-chunks');
  vi.resetModules();
});

const logger = { info: () => undefined, warn: () => undefined } as unknown as AstroIntegrationLogger;
const dir = new URL('file:///tmp/site/');

/** The integration's two hooks, as Astro calls them. */
function hooks() {
  const all = pagefindSearch().hooks as Record<string, (options: unknown) => Promise<void>>;
  return { generated: all['astro:build:generated']!, done: all['astro:build:done']! };
}

/** Lets every pending promise callback and I/O turn run. */
const settle = () => wait(10);

afterEach(() => {
  steps.length = 0;
  addErrors = [];
  writeErrors = [];
});

describe('the search index in the build', () => {
  it('lets the build go on once Pagefind has read the pages, and ends it once the index is written', async () => {
    release = { add: () => undefined, write: () => undefined };
    const { generated, done } = hooks();
    const generatedHook = generated({ dir, logger }).then(() => steps.push('generated hook returned'));
    await settle();
    expect(steps).toEqual([]);
    release.add();
    await generatedHook;
    expect(steps).toEqual(['pages read', 're-cut started', 'generated hook returned']);
    const doneHook = done({ dir, logger }).then(() => steps.push('done hook returned'));
    await settle();
    expect(steps).toEqual(['pages read', 're-cut started', 'generated hook returned']);
    release.write();
    await doneHook;
    expect(steps).toEqual([
      'pages read',
      're-cut started',
      'generated hook returned',
      'index written',
      're-cut',
      'done hook returned',
    ]);
  });

  it('starts the re-cut while Pagefind writes, and lets it go when the writing fails', async () => {
    release = { add: () => undefined, write: () => undefined };
    writeErrors = ['disk full'];
    const { generated, done } = hooks();
    const generatedHook = generated({ dir, logger });
    await settle();
    release.add();
    await generatedHook;
    const doneHook = done({ dir, logger });
    await settle();
    release.write();
    await expect(doneHook).rejects.toThrow('Pagefind could not write the search index (/tmp/site/): disk full');
    expect(steps).toEqual(['pages read', 're-cut started', 'index written', 're-cut let go']);
  });

  it('never leaves the build waiting when Pagefind fails, and fails it at the end with one line', async () => {
    release = { add: () => undefined, write: () => undefined };
    addErrors = ['could not parse news/a/index.html'];
    const { generated, done } = hooks();
    const generatedHook = generated({ dir, logger });
    await settle();
    release.add();
    await expect(generatedHook).resolves.toBeUndefined();
    await expect(done({ dir, logger })).rejects.toThrow(
      'Pagefind could not index the pages (/tmp/site/): could not parse news/a/index.html',
    );
    expect(steps).toEqual(['pages read']);
  });

  it("starts Pagefind with small chunks for the re-cut to read, and puts this process's environment back", async () => {
    release = { add: () => undefined, write: () => undefined };
    const { generated, done } = hooks();
    const generatedHook = generated({ dir, logger });
    await settle();
    release.add();
    await generatedHook;
    release.write();
    await done({ dir, logger });
    // package.json pins the installed Pagefind to the version the re-cut knows.
    expect(chunkSizeAtStart).toBe('2000');
    expect(process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE']).toBeUndefined();
  });

  it("leaves Pagefind's chunks at its own size for a version the re-cut does not know", () => {
    expect(pagefindEnvironment(KNOWN_PAGEFIND_VERSION)).toEqual({ PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: '2000' });
    expect(pagefindEnvironment('0.0.0')).toEqual({});
    expect(pagefindEnvironment(undefined)).toEqual({});
  });
});
