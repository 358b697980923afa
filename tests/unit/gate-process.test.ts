/**
 * A production build checks Markdown files in the content gate's own process
 * (src/content/gate-process.ts). Its verdicts must be the ones the loader would reach in-process,
 * for every file of the real content, and a failing file must stop the build with the same line.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { MARKDOWN_COLLECTIONS, markdownGate, type FileVerdict } from '../../src/content/content-gate';
import { gateProcess, startGateProcess, stopGateProcess } from '../../src/content/gate-process';
import { helplineContext, registryFingerprint, thawContentFingerprints } from '../../src/content/helplines';
import { readSiteLists } from '../../src/content/site-lists';
import { CONTENT_DIR, SETTINGS_FILE } from '../../src/config';
import { contentGateProcess } from '../../src/integrations/content-gate';
import { isColdBuildCommand } from '../../src/integrations/content-gate-start';
import { COLLECTIONS } from '../../src/schemas/collections';
import { ROOT } from '../support/build';

/** The real content, with one news post that uses a Samaritans guideline phrase. */
const contentDir = mkdtempSync(join(tmpdir(), 'gate-process-'));
cpSync(join(ROOT, 'content'), contentDir, { recursive: true });
const BAD = join(contentDir, 'news', 'guideline-phrase.md');
cpSync(join(ROOT, 'tests/fixtures/content-gate/news/guideline-phrase.md'), BAD);

/** Each Markdown file of the content, with its collection. */
const files = MARKDOWN_COLLECTIONS.flatMap((collection) =>
  readdirSync(join(contentDir, collection))
    .filter((name) => name.endsWith('.md'))
    .map((name) => ({ collection, file: join(contentDir, collection, name) })),
);

/** A file's verdict, or its error's message, checked in this process (no gate process running). */
async function inProcess(collection: string, file: string): Promise<FileVerdict | string> {
  expect(gateProcess(contentDir)).toBeUndefined();
  const declaration = COLLECTIONS.find((c) => c.name === collection);
  const schema = declaration!.schema(readSiteLists(contentDir, SETTINGS_FILE));
  return markdownGate(collection, schema, contentDir)
    .check(file)
    .catch((error: unknown) => (error as Error).message);
}

afterEach(stopGateProcess);
// Each test starts Node and loads the gate (about a second, more on a busy machine).
vi.setConfig({ testTimeout: 30_000 });
afterAll(() => rmSync(contentDir, { recursive: true, force: true }));

describe('the content gate’s own process', () => {
  it('has the real content to check', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('gives every file the verdict the loader gives it in-process, in whatever order it is asked', async () => {
    const expected = await Promise.all(files.map(({ collection, file }) => inProcess(collection, file)));
    startGateProcess({ contentDir });
    const remote = gateProcess(contentDir);
    expect(remote).toBeDefined();
    // Asked in reverse, all at once, while it works through them in its own order.
    const answers = await Promise.all(
      files.map((request) => remote!.check(request).catch((error: unknown) => (error as Error).message)).reverse(),
    );
    expect(answers.reverse()).toEqual(expected);
  });

  it('gives back a file it has not started, when asked to, and the loader’s gate checks it itself', async () => {
    const expected = await Promise.all(files.map(({ collection, file }) => inProcess(collection, file)));
    startGateProcess({ contentDir });
    const remote = gateProcess(contentDir)!;
    const replies = vi.spyOn(remote, 'check');
    /** The loader's gate for a collection, while the process runs. */
    const gateOf = (collection: string) =>
      markdownGate(
        collection,
        COLLECTIONS.find((c) => c.name === collection)!.schema(readSiteLists(contentDir, SETTINGS_FILE)),
        contentDir,
      );
    // All at once, as the process starts: it has begun its first file, and no other.
    const answers = await Promise.all(
      files
        .map(({ collection, file }) =>
          gateOf(collection)
            .check(file)
            .catch((error: unknown) => (error as Error).message),
        )
        .reverse(),
    );
    expect(answers.reverse()).toEqual(expected);
    expect(replies).toHaveBeenCalledTimes(files.length);
    const given = await Promise.all(
      replies.mock.results.map((result) => (result.value as Promise<unknown>).catch(() => 'error')),
    );
    // Given back (undefined) and checked there: both happened.
    expect(given.filter((reply) => reply === undefined).length).toBeGreaterThan(0);
    expect(given.filter((reply) => reply !== undefined).length).toBeGreaterThan(0);
  });

  it('stops on a failing file with the same one line, as a ContentError', async () => {
    const line = await inProcess('news', BAD);
    expect(line).toMatch(/^Content error in .*guideline-phrase\.md: line 11 uses "committed suicide"/);
    startGateProcess({ contentDir });
    const error = await gateProcess(contentDir)!
      .check({ collection: 'news', file: BAD })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'ContentError', message: line });
  });

  it('is what the loader’s gate asks while it runs, for that content folder only', async () => {
    startGateProcess({ contentDir });
    const remote = gateProcess(contentDir)!;
    expect(gateProcess(join(ROOT, 'content'))).toBeUndefined();
    const asked = vi.spyOn(remote, 'check');
    const declaration = COLLECTIONS.find((c) => c.name === 'news');
    const gate = markdownGate('news', declaration!.schema(readSiteLists(contentDir, SETTINGS_FILE)), contentDir);
    await expect(gate.check(BAD)).rejects.toMatchObject({ name: 'ContentError' });
    expect(asked).toHaveBeenCalledWith({ collection: 'news', file: BAD, giveBack: true });
    stopGateProcess();
    expect(gateProcess(contentDir)).toBeUndefined();
  });

  it('is started by the integration for a cold build only, and stopped once the content is synced', () => {
    const hooks = contentGateProcess().hooks;
    const cacheDir = mkdtempSync(join(tmpdir(), 'gate-cache-'));
    const logged: string[] = [];
    /** Runs the integration's setup hook as `astro <command>` would, with this cache folder. */
    const setup = (command: string) =>
      void hooks['astro:config:setup']?.({
        command,
        config: { cacheDir: pathToFileURL(`${cacheDir}/`) },
        logger: { info: (line: string) => logged.push(line) },
      } as unknown as Parameters<NonNullable<AstroIntegration['hooks']['astro:config:setup']>>[0]);
    try {
      setup('dev');
      expect(gateProcess(CONTENT_DIR)).toBeUndefined();
      setup('build');
      expect(gateProcess(CONTENT_DIR)).toBeDefined();
      expect(logged).toEqual(['checking every Markdown file in a process of its own (no content store yet)']);
      void hooks['astro:build:start']?.(
        {} as Parameters<NonNullable<AstroIntegration['hooks']['astro:build:start']>>[0],
      );
      expect(gateProcess(CONTENT_DIR)).toBeUndefined();
      // Started early from the command line (content-gate-start.ts), but the config says dev.
      startGateProcess({ contentDir: CONTENT_DIR });
      setup('dev');
      expect(gateProcess(CONTENT_DIR)).toBeUndefined();
      // A rebuild: Astro's content store is in the cache folder, and only changed files are checked.
      writeFileSync(join(cacheDir, 'data-store.json'), '{}');
      setup('build');
      expect(gateProcess(CONTENT_DIR)).toBeUndefined();
      // Started early, but the resolved cache folder holds a content store: stopped.
      startGateProcess({ contentDir: CONTENT_DIR });
      setup('build');
      expect(gateProcess(CONTENT_DIR)).toBeUndefined();
      expect(logged).toHaveLength(1);
    } finally {
      void hooks['astro:build:done']?.({} as Parameters<NonNullable<AstroIntegration['hooks']['astro:build:done']>>[0]);
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('is started as the config loads only by `astro build` with no content store', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'gate-cache-'));
    const astro = join(ROOT, 'node_modules/astro/bin/astro.mjs');
    try {
      expect(isColdBuildCommand([process.execPath, astro, 'build'], cacheDir)).toBe(true);
      // `npm run build` and `npx astro build` run node_modules/.bin/astro.
      expect(
        isColdBuildCommand([process.execPath, join(ROOT, 'node_modules/.bin/astro'), 'build', '--silent'], cacheDir),
      ).toBe(true);
      expect(isColdBuildCommand([process.execPath, astro, 'dev'], cacheDir)).toBe(false);
      expect(isColdBuildCommand([process.execPath, astro, 'preview'], cacheDir)).toBe(false);
      expect(isColdBuildCommand([process.execPath, astro], cacheDir)).toBe(false);
      // Another program whose first argument is "build" (a test runner loading the config).
      expect(
        isColdBuildCommand([process.execPath, join(ROOT, 'node_modules/vitest/vitest.mjs'), 'build'], cacheDir),
      ).toBe(false);
      writeFileSync(join(cacheDir, 'data-store.json'), '{}');
      expect(isColdBuildCommand([process.execPath, astro, 'build'], cacheDir)).toBe(false);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('is imported by astro.config.ts before anything else, so the process starts before the config’s other modules load', () => {
    const config = readFileSync(join(ROOT, 'astro.config.ts'), 'utf8');
    const imports = [...config.matchAll(/^import\b[^;]*?['"]([^'"]+)['"];?$/gm)].map((match) => match[1]);
    expect(imports[0]).toBe('./src/integrations/content-gate-start');
  });

  it('has a build take the helpline and phone number fingerprints once, and the dev server follow every edit', () => {
    const hooks = contentGateProcess().hooks;
    const contentDir = mkdtempSync(join(tmpdir(), 'gate-fingerprints-'));
    const cacheDir = mkdtempSync(join(tmpdir(), 'gate-cache-'));
    // A content store: a rebuild, so no gate process starts.
    writeFileSync(join(cacheDir, 'data-store.json'), '{}');
    const setup = (command: string) =>
      void hooks['astro:config:setup']?.({
        command,
        config: { cacheDir: pathToFileURL(`${cacheDir}/`) },
        logger: { info: () => undefined },
      } as unknown as Parameters<NonNullable<AstroIntegration['hooks']['astro:config:setup']>>[0]);
    mkdirSync(join(contentDir, 'helplines'));
    mkdirSync(join(contentDir, 'services'));
    const registryFile = join(contentDir, 'helplines', 'line.yaml');
    const settingsFile = join(contentDir, SETTINGS_FILE);
    mkdirSync(dirname(settingsFile), { recursive: true });
    let edits = 0;
    /** An edit that changes each file's size, so its fingerprint changes. */
    const edit = () => {
      edits += 1;
      writeFileSync(registryFile, `name: Line\n${'#'.repeat(edits)}\n`);
      writeFileSync(settingsFile, `phone: '0113 496 00${String(10 + edits)}'\n`);
    };
    const fingerprints = () => [
      registryFingerprint(contentDir),
      [...helplineContext(contentDir, SETTINGS_FILE).ownDials],
    ];
    try {
      edit();
      setup('dev');
      const before = fingerprints();
      edit();
      expect(fingerprints()).not.toEqual(before);
      setup('build');
      const frozen = fingerprints();
      edit();
      expect(fingerprints()).toEqual(frozen);
      void hooks['astro:build:done']?.({} as Parameters<NonNullable<AstroIntegration['hooks']['astro:build:done']>>[0]);
      expect(fingerprints()).not.toEqual(frozen);
    } finally {
      thawContentFingerprints();
      rmSync(contentDir, { recursive: true, force: true });
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
