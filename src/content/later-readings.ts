/**
 * Reading levels worked out after the content is synced. The reading grade only ever warns (the
 * rules and helpline checks are what stop a build), yet in a cold build it was about two fifths of
 * the gate's work while Astro waits for the content. So while the gate's own process runs
 * (src/content/gate-process.ts), every verdict leaves the reading level for later (a
 * `LaterVerdict`): that process works the levels out once it has checked the rules, on the core
 * that page generation leaves idle, and this module brings them back:
 * - the `content-gate` integration asks for them once the content is synced (`astro:build:start`);
 * - /admin/report/ waits for them as it renders (src/data/content-report.ts);
 * - at `astro:build:done` the integration prints their warnings and the reading-grade summary, and
 *   writes them to the cache folder, by the digest each verdict carries, for the next build.
 *
 * A later build takes its unchanged entries' verdicts from Astro's content store, still without
 * their reading levels: it finds them in that file, or (if it is missing) works them out itself.
 * Every path ends in the same figures `checkContentFile` gives.
 *
 * Shared through `globalThis`, as the gate's process is: Vite loads this module separately for the
 * config, the content layer and the pages.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ASTRO_CACHE_DIR } from '../config';
import { displayPath } from '../lib/content-error';
import { gradeSummary, readingWarning, type GradedPage, type LaterVerdict, type ReadingFigures } from '../lib/content-report';
import { gateProcess, stopGateProcess } from './gate-process';

/** Where the reading levels of a build are kept for the next, by verdict digest. */
export const READINGS_FILE = resolve(ASTRO_CACHE_DIR, 'content-readings.json');

/** A Markdown file whose reading level comes after the content is synced. */
export interface PendingReading {
  collection: string;
  /** The absolute path. */
  file: string;
  /** The file, as shown to editors (content/a-z/anxiety.md). */
  shown: string;
  digest?: string | undefined;
}

interface Later {
  /** Files whose reading level is still to come, in the order the gate met them. */
  pending: PendingReading[];
  /** The reading grades of the files that were not pending, for the summary. */
  graded: GradedPage[];
  /** The gate's process's reading levels, by absolute file, once asked for. */
  fromProcess?: Promise<Map<string, ReadingFigures>>;
  /** The reading levels an earlier build kept in `file`, by digest, once read. */
  stored?: { file: string; readings: Map<string, ReadingFigures> };
  /** Reading levels worked out here because neither of the above had them, by digest. */
  worked: Map<string, ReadingFigures>;
}

const LATER = Symbol.for('charity-site.later-readings');
type Shared = typeof globalThis & { [LATER]?: Later };

function later(): Later {
  const shared = globalThis as Shared;
  shared[LATER] ??= { pending: [], graded: [], worked: new Map() };
  return shared[LATER];
}

/** Notes a file whose reading level the gate's process works out once the content is synced. */
export function deferReading(pending: PendingReading): void {
  later().pending.push(pending);
}

/** Whether any file's reading level is still to come. */
export function readingsPending(): boolean {
  return later().pending.length > 0;
}

/** Keeps the grades known during sync for the summary, which waits for the pending ones. */
export function keepForSummary(graded: readonly GradedPage[]): void {
  later().graded = [...graded];
}

/**
 * Asks the gate's process for the reading levels it works out (see the module comment), and stops
 * it once they arrive; stops it at once when nothing is pending.
 */
export function askForReadings(contentDir: string): void {
  const state = later();
  const running = gateProcess(contentDir);
  if (!running || state.pending.length === 0 || state.fromProcess) {
    if (!state.fromProcess) stopGateProcess();
    return;
  }
  state.fromProcess = running.readings().finally(stopGateProcess);
  // A failure surfaces where the readings are awaited, with the process's own error line.
  state.fromProcess.catch(() => undefined);
}

/** The reading levels an earlier build kept in `file`, by digest (none if there is no file). */
function storedReadings(file: string): Map<string, ReadingFigures> {
  const state = later();
  if (state.stored?.file !== file) {
    let kept: Record<string, ReadingFigures> = {};
    try {
      // JSON leaves out an undefined grade (a page without prose), which reads back as undefined.
      kept = JSON.parse(readFileSync(file, 'utf8')) as Record<string, ReadingFigures>;
    } catch {
      // No file (the first build, or one that stopped early): the levels are worked out again.
    }
    state.stored = { file, readings: new Map(Object.entries(kept)) };
  }
  return state.stored.readings;
}

/** Works a file's reading level out in this process, as `checkContentFile` does. */
export type WorkOut = () => ReadingFigures;

/**
 * The reading level a verdict left for later: from the gate's process in this build, or from the
 * levels an earlier build kept (by the verdict's digest), or worked out by `workOut`. Without
 * `workOut` (the report page, which must not bundle the gate's code) a level nothing found is an
 * error: content sync works out every level the file lacks, so it means a bug.
 */
export async function laterReading(
  file: string,
  { digest }: Pick<LaterVerdict, 'digest'>,
  workOut?: WorkOut,
  readingsFile: string = READINGS_FILE,
): Promise<ReadingFigures> {
  const state = later();
  const fromProcess = (await state.fromProcess)?.get(file);
  if (fromProcess) return fromProcess;
  const known = digest === undefined ? undefined : (storedReadings(readingsFile).get(digest) ?? state.worked.get(digest));
  if (known) return known;
  if (!workOut) {
    throw new Error(
      `${displayPath(file)} has no reading level: content sync left it for later, and nothing worked it out (src/content/later-readings.ts)`,
    );
  }
  const { grade, words, sentences } = workOut();
  const worked = { grade, words, sentences };
  if (digest !== undefined) state.worked.set(digest, worked);
  return worked;
}

/** The logger the end of the build writes to (the integration's). */
interface Logger {
  info: (message: string) => void;
  warn: (message: string) => void;
}

/**
 * At the end of the build: prints the pending files' reading warnings and the reading-grade
 * summary, and keeps the levels for the next build in `readingsFile`. Does nothing when no reading
 * level was left for later.
 */
export async function finishReadings(
  logger: Logger,
  workOut: (file: string) => ReadingFigures,
  readingsFile: string = READINGS_FILE,
): Promise<void> {
  const state = later();
  try {
    const kept = new Map<string, ReadingFigures>();
    if (state.pending.length > 0) {
      const graded = [...state.graded];
      for (const pending of state.pending) {
        const reading = await laterReading(pending.file, pending, () => workOut(pending.file), readingsFile);
        const warning = readingWarning(pending.collection, reading.grade);
        if (warning) logger.warn(`Content warning in ${pending.shown}: ${warning}`);
        graded.push({ collection: pending.collection, file: pending.shown, grade: reading.grade });
        if (pending.digest !== undefined) kept.set(pending.digest, reading);
      }
      logger.info(gradeSummary(graded));
    } else if (state.worked.size > 0) {
      // A rebuild that had to work levels out (the file was missing): keep them with the rest.
      for (const [digest, reading] of storedReadings(readingsFile)) kept.set(digest, reading);
    } else {
      return;
    }
    for (const [digest, reading] of state.worked) kept.set(digest, reading);
    if (kept.size === 0) return;
    mkdirSync(dirname(readingsFile), { recursive: true });
    writeFileSync(readingsFile, JSON.stringify(Object.fromEntries(kept)));
  } finally {
    delete (globalThis as Shared)[LATER];
  }
}
