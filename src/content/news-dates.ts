/**
 * The build's warning for a published news post that names a date which has passed as if it were
 * still to come (src/lib/stale-dates.ts finds them). "Now" is the build's BUILD_NOW, so a build
 * with BUILD_DATE set warns as of that day, and tests pass their own day.
 */
import { readFileSync } from 'node:fs';
import { BUILD_NOW } from '../config';
import { displayPath } from '../lib/content-error';
import { londonDay } from '../lib/schedule/dates';
import { findStaleDates } from '../lib/stale-dates';
import { markdownBody } from './frontmatter';
import { bodyOffset } from './helplines';

/** A loaded news entry: its file and its parsed data. */
export interface NewsEntryFile {
  /** Absolute path of the post's file. */
  file: string;
  data: Record<string, unknown>;
}

/** A date field's value as a London day, or undefined when it is not a date. */
function dayOf(value: unknown): string | undefined {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? londonDay(value) : undefined;
}

/**
 * Warns, one line per date, when a published post (not a draft, dated on or before `now`) says a
 * date that has passed as if it were still to come. The file is read again: the store keeps no raw
 * body, and this runs over every entry, cached or not, because the date moves on between builds.
 * @returns The warning lines, as printed.
 */
export function warnStaleDates(
  entry: NewsEntryFile,
  now: Date = BUILD_NOW,
  warn: (line: string) => void = (line) => console.warn(line),
): string[] {
  const published = dayOf(entry.data['date']);
  const date = entry.data['date'];
  if (!published || entry.data['draft'] === true || !(date instanceof Date) || date.getTime() > now.getTime()) return [];
  const raw = readFileSync(entry.file, 'utf8');
  const body = markdownBody(raw);
  const stale = findStaleDates(body, { published, updated: dayOf(entry.data['updated']), today: londonDay(now) });
  if (stale.length === 0) return [];
  const offset = bodyOffset(raw, body);
  const lines = stale.map(
    (found) =>
      `Content warning in ${displayPath(entry.file)}: line ${String(found.line + offset)} names "${found.text}" as if it were still to come, but that date has passed; say it has happened, or update the post`,
  );
  for (const line of lines) warn(line);
  return lines;
}
