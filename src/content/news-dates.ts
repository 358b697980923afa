/**
 * The build's warning for a published news post that names a date which has passed as if it were
 * still to come (src/lib/stale-dates.ts finds them). "Now" is the build's BUILD_NOW, so a build
 * with BUILD_DATE set warns as of that day, and tests pass their own day. The same warnings are
 * shown to editors in the content report (/admin/report/ and `npm run content:report`), as the
 * build log is not where volunteers look.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BUILD_NOW } from '../config';
import { displayPath } from '../lib/content-error';
import { isPublishedBy, passedDatesOf } from '../lib/stale-dates';
import { markdownBody } from './frontmatter';
import { bodyOffset } from './helplines';

/** A loaded news entry: its file and its parsed data. */
export interface NewsEntryFile {
  /** Absolute path of the post's file. */
  file: string;
  data: Record<string, unknown>;
}

/**
 * A published post's passed dates that it still offers as to come, one line each without the file
 * name, as the content report shows them ("line 30 names …").
 * @param raw The post's whole file, frontmatter included, so the lines are the file's lines.
 */
export function staleDateWarnings(raw: string, data: Record<string, unknown>, now: Date): string[] {
  const body = markdownBody(raw);
  const offset = bodyOffset(raw, body);
  return passedDatesOf(body, data, now).map(
    (found) =>
      `line ${String(found.line + offset)} names "${found.text}" as if it were still to come, but that date has passed; say it has happened, or update the post`,
  );
}

/**
 * This build's warnings by file, where the news loader leaves them for the content report page
 * (src/data/content-report.ts). The loader runs in the content layer, which Node's own loader
 * loads (src/content/native-load.ts), and the report page in Vite's bundle of the pages, each with
 * its own copy of this module, in one process: so the map hangs on `globalThis`, under a
 * `Symbol.for` key both copies share.
 */
const BY_FILE = Symbol.for('charity-site.stale-date-warnings');
type Shared = typeof globalThis & { [BY_FILE]?: Map<string, string[]> };

function warningsByFile(): Map<string, string[]> {
  const shared = globalThis as Shared;
  return (shared[BY_FILE] ??= new Map());
}

/** The stale-date warnings this build's news loader found in a post (none if it found none). */
export function staleDateWarningsOf(file: string): string[] {
  return warningsByFile().get(resolve(file)) ?? [];
}

/**
 * Warns, one line per date, when a published post (not a draft, dated on or before `now`) says a
 * date that has passed as if it were still to come, and keeps the warnings for the content report.
 * The file is read again: the store keeps no raw body, and this runs over every entry, cached or
 * not, because the date moves on between builds.
 * @returns The warning lines, as printed.
 */
export function warnStaleDates(
  entry: NewsEntryFile,
  now: Date = BUILD_NOW,
  warn: (line: string) => void = (line) => console.warn(line),
): string[] {
  const file = resolve(entry.file);
  const found = isPublishedBy(entry.data, now) ? staleDateWarnings(readFileSync(file, 'utf8'), entry.data, now) : [];
  if (found.length === 0) {
    warningsByFile().delete(file);
    return [];
  }
  warningsByFile().set(file, found);
  const lines = found.map((line) => `Content warning in ${displayPath(entry.file)}: ${line}`);
  for (const line of lines) warn(line);
  return lines;
}
