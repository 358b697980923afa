/**
 * A production build checks Markdown files in the content gate's own process
 * (src/content/gate-process.ts). Its verdicts must be the ones the loader would reach in-process,
 * for every file of the real content, and a failing file must stop the build with the same line.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import {
  MARKDOWN_COLLECTIONS,
  gateCollection,
  helplineNamer,
  markdownGate,
  readingOfFile,
  type GateVerdict,
} from '../../src/content/content-gate';
import { askForReadings, deferReading, finishReadings, laterReading } from '../../src/content/later-readings';
import { displayPath } from '../../src/lib/content-error';
import { gradeSummary, isLater, readingWarning, withReading } from '../../src/lib/content-report';
import {
  GATE_V8_FLAGS,
  gateNodeArgs,
  gateProcess,
  startGateProcess,
  stopGateProcess,
} from '../../src/content/gate-process';
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
/** A news post that reads well above the news aim, so the build warns about it. */
const HARD = join(contentDir, 'news', 'hard-to-read.md');
writeFileSync(
  HARD,
  [
    '---',
    'title: A post that is hard to read',
    'date: 2024-03-02T10:00:00+00:00',
    'author: Test Author',
    'category: News',
    'summary: The build must warn about how hard this post is to read.',
    '---',
    'Notwithstanding considerable organisational complexity, our administrative committee unanimously',
    'recommended comprehensive modifications, acknowledging substantial interdependencies between',
    'geographically distributed volunteering opportunities and institutional accountability.',
    '',
  ].join('\n'),
);

/** Each Markdown file of the content, with its collection. */
const files = MARKDOWN_COLLECTIONS.flatMap((collection) =>
  readdirSync(join(contentDir, collection))
    .filter((name) => name.endsWith('.md'))
    .map((name) => ({ collection, file: join(contentDir, collection, name) })),
);

/** The loader's gate for a collection of the content. */
const gateOf = (collection: string, options?: { readingLater?: boolean }) =>
  markdownGate(
    collection,
    COLLECTIONS.find((c) => c.name === collection)!.schema(readSiteLists(contentDir, SETTINGS_FILE)),
    contentDir,
    undefined,
    options,
  );

/**
 * A file's verdict, or its error's message, checked in this process (no gate process running):
 * by default with its reading level left for later, as the gate's process gives it.
 */
async function inProcess(collection: string, file: string, readingLater = true): Promise<GateVerdict | string> {
  expect(gateProcess(contentDir)).toBeUndefined();
  return gateOf(collection, { readingLater })
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

  it('starts Node with the gate’s V8 flags, which this Node takes', () => {
    const run = spawnSync(process.execPath, gateNodeArgs('process.stdout.write(JSON.stringify(process.execArgv));'), {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(expect.arrayContaining(GATE_V8_FLAGS));
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

describe('reading levels, worked out after the content is synced', () => {
  /** A logger that keeps each line with its level. */
  const logTo = (lines: string[]) => ({
    info: (line: string) => lines.push(`info: ${line}`),
    warn: (line: string) => lines.push(`warn: ${line}`),
  });
  /** How the integration works out a level the process did not send. */
  const workOut = (file: string) => readingOfFile(file, helplineNamer(contentDir));
  const newsSchema = () => COLLECTIONS.find((c) => c.name === 'news')!.schema(readSiteLists(contentDir, SETTINGS_FILE));

  it('are worked out by the process for every file, and complete each verdict as the loader would in-process', async () => {
    const whole = await Promise.all(files.map(({ collection, file }) => inProcess(collection, file, false)));
    startGateProcess({ contentDir });
    const remote = gateProcess(contentDir)!;
    const verdicts = await Promise.all(
      files.map((request) => remote.check(request).catch((error: unknown) => (error as Error).message)),
    );
    expect(
      verdicts.filter((verdict) => typeof verdict !== 'string' && verdict !== undefined && isLater(verdict)),
    ).toHaveLength(files.length - 1);
    const readings = await remote.readings();
    expect([...readings.keys()].sort()).toEqual(files.map(({ file }) => file).sort());
    const completed = files.map(({ collection, file }, i) => {
      const verdict = verdicts[i];
      return typeof verdict === 'string' || verdict === undefined || !isLater(verdict)
        ? verdict
        : withReading(collection, verdict, readings.get(file)!);
    });
    expect(completed).toEqual(whole);
    // The news post that reads too hard has its warning, as in-process.
    expect(whole[files.findIndex(({ file }) => file === HARD)]).toMatchObject({
      warnings: [expect.stringMatching(/^reads at grade \d+\.\d, above the news aim of 7\.0/)],
    });
  });

  it('are printed at the end of a cold build, and kept for the next build, which prints them as it syncs', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'gate-readings-'));
    const readingsFile = join(cacheDir, 'content-readings.json');
    const meta = new Map<string, string>();
    const cache = {
      get: (key: string) => meta.get(key),
      set: (key: string, value: string) => void meta.set(key, value),
    };
    const sync = (lines: string[]) =>
      gateCollection('news', [{ filePath: HARD }], newsSchema(), logTo(lines), contentDir, {
        expected: ['news'],
        cache,
        gate: markdownGate('news', newsSchema(), contentDir, cache),
        readingsFile,
      });
    const shown = displayPath(HARD);
    const level = readingOfFile(HARD, helplineNamer(contentDir));
    const warning = `warn: Content warning in ${shown}: ${readingWarning('news', level.grade)!}`;
    try {
      // A cold build: the process runs, so the verdict waits for its reading level, and so do its
      // warning and the summary.
      startGateProcess({ contentDir });
      const during: string[] = [];
      await sync(during);
      expect(during).toEqual(['info: Silenced content rules: none.']);
      // Once the content is synced (astro:build:start), and at the end of the build.
      askForReadings(contentDir);
      expect(gateProcess(contentDir)).toBeDefined();
      const atEnd: string[] = [];
      await finishReadings(logTo(atEnd), workOut, readingsFile);
      expect(gateProcess(contentDir)).toBeUndefined();
      expect(atEnd).toEqual([
        warning,
        `info: ${gradeSummary([{ collection: 'news', file: shown, grade: level.grade }])}`,
      ]);
      const { digest } = JSON.parse(meta.get(`content-gate:${shown}`)!) as { digest: string };
      const { grade, words, sentences } = level;
      expect(JSON.parse(readFileSync(readingsFile, 'utf8'))).toEqual({ [digest]: { grade, words, sentences } });

      // The next build takes the verdict from its cache, still without its reading level, and
      // finds the level in the file (changed here, to show where it comes from).
      writeFileSync(readingsFile, JSON.stringify({ [digest]: { grade: 9.9, words: 3, sentences: 1 } }));
      const rebuild: string[] = [];
      await sync(rebuild);
      expect(rebuild).toEqual([
        `warn: Content warning in ${shown}: ${readingWarning('news', 9.9)!}`,
        `info: ${gradeSummary([{ collection: 'news', file: shown, grade: 9.9 }])}`,
        'info: Silenced content rules: none.',
      ]);
      await finishReadings(logTo(rebuild), workOut, readingsFile);
      expect(rebuild).toHaveLength(3);

      // Without the file (a cold build that stopped early), it works the level out again and keeps it.
      rmSync(readingsFile);
      const again: string[] = [];
      await sync(again);
      expect(again[0]).toBe(warning);
      await finishReadings(logTo(again), workOut, readingsFile);
      expect(JSON.parse(readFileSync(readingsFile, 'utf8'))).toEqual({ [digest]: { grade, words, sentences } });
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('are an error where nothing can work one out (the report page), never a blank grade', async () => {
    await expect(
      laterReading(HARD, { digest: 'unknown' }, undefined, join(contentDir, 'no-readings.json')),
    ).rejects.toThrow(/hard-to-read\.md has no reading level: content sync left it for later/);
  });

  it('are worked out by the integration at the end of the build when the process left one out', async () => {
    deferReading({ collection: 'news', file: HARD, shown: displayPath(HARD) });
    const lines: string[] = [];
    await contentGateProcess().hooks['astro:build:done']?.({ logger: logTo(lines) } as unknown as Parameters<
      NonNullable<AstroIntegration['hooks']['astro:build:done']>
    >[0]);
    const { grade } = readingOfFile(HARD, helplineNamer(contentDir));
    expect(lines).toEqual([
      `warn: Content warning in ${displayPath(HARD)}: ${readingWarning('news', grade)!}`,
      `info: ${gradeSummary([{ collection: 'news', file: displayPath(HARD), grade }])}`,
    ]);
  });

  it('stop the process at once when no level was left for later', () => {
    startGateProcess({ contentDir });
    askForReadings(contentDir);
    expect(gateProcess(contentDir)).toBeUndefined();
  });

  it('fail where they are awaited when the process stops before sending them', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'gate-readings-'));
    try {
      startGateProcess({ contentDir });
      const verdict = await gateOf('news').check(HARD);
      expect(isLater(verdict)).toBe(true);
      deferReading({ collection: 'news', file: HARD, shown: displayPath(HARD) });
      askForReadings(contentDir);
      stopGateProcess();
      await expect(finishReadings(logTo([]), workOut, join(cacheDir, 'content-readings.json'))).rejects.toThrow(
        /^The content gate's process stopped/,
      );
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
