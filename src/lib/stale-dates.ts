/**
 * Dates in a published news post that have passed but are still written as if they were to come:
 * "Sam will call you before the end of August" a year later, or a "When:" line for a session that
 * is over. The build warns about them (src/content/news-dates.ts), so an editor updates the post
 * instead of readers turning up to something that has already happened.
 *
 * Pure: the day of the build (or `now`) is passed in, never read from the clock. Days are London days as ISO
 * strings ("2026-12-01"), compared as text.
 */
import { addDays, londonDay } from './schedule/dates';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

const MONTH = `(${MONTHS.join('|')})`;

/** "Saturday 21 November 2026", "21st November", "21 November, 2026". */
const DAY_DATE = new RegExp(
  `\\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}(?:,?\\s+(\\d{4}))?\\b`,
  'gi',
);

/** A whole month as a deadline or a time: "before the end of August", "in March 2026". */
const MONTH_DATE = new RegExp(`\\b(?:end of|by|until|in|during|this|next)\\s+${MONTH}(?:\\s+(\\d{4}))?\\b`, 'gi');

/** Words that say something is still to come. */
const FORWARD =
  /\b(will|join us|upcoming|coming up|come along|see you|hope to see|we are running|we're running|are holding|book now|booking)\b/i;

/** A "When:" line of an event listing: `- **When:** Saturday 21 November 2026`. */
const WHEN_LINE = /^\s*(?:[-*]\s*)?\*\*When:?\*\*/i;

/** Words that say the line already knows the date has passed. */
const PAST = /\b(took place|has taken place|have taken place|happened|was held|is over|has passed)\b/i;

/** A date that has passed but is written as still to come. */
export interface StaleDate {
  /** Line in the body (1-based). */
  line: number;
  /** The date as written. */
  text: string;
  /** The last day it could mean, as an ISO day. */
  day: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The last day of a month, as an ISO day. */
function lastDayOfMonth(year: number, month: number): string {
  const next = month === 12 ? `${String(year + 1)}-01-01` : `${String(year)}-${pad(month + 1)}-01`;
  return addDays(next, -1);
}

/**
 * The first day `make(year)` on or after `from` when no year is written: a post from August that
 * says "in March" means the next March.
 */
function resolveYear(year: string | undefined, from: string, make: (year: number) => string): string {
  if (year) return make(Number(year));
  const start = Number(from.slice(0, 4));
  const candidate = make(start);
  return candidate >= from ? candidate : make(start + 1);
}

/**
 * How long after a date has passed a post still reads as current: within this many days, a stale
 * promise is reported. An older post is read as the archive it is (its date shows on the page),
 * unless it was updated after the date passed, which makes it look current again.
 */
export const RECENT_DAYS = 365;

/** The days a post's dates are measured against, each an ISO day (London). */
export interface PostDays {
  /** The post's date: a date written without a year is the first one on or after it. */
  published: string;
  /** The post's "updated" date, if it has one. */
  updated?: string | undefined;
  /** The build's day. */
  today: string;
}

/**
 * The dates in a post's Markdown that have passed by `today` but sit on a line written as still to
 * come (a "will", a "join us", a "When:" line), and not marked as past on that line. Only dates that
 * passed within {@link RECENT_DAYS}, or before the post was last updated, are reported.
 * @param body The Markdown body.
 * @param days The post's own days and the build's day.
 */
export function findStaleDates(body: string, days: PostDays): StaleDate[] {
  const { published, updated, today } = days;
  const recent = addDays(today, -RECENT_DAYS);
  const stale = (day: string) => day < today && (day >= recent || (updated !== undefined && updated > day));
  const found: StaleDate[] = [];
  body.split('\n').forEach((text, index) => {
    if (!(FORWARD.test(text) || WHEN_LINE.test(text)) || PAST.test(text)) return;
    for (const match of text.matchAll(DAY_DATE)) {
      const month = MONTHS.indexOf((match[2] ?? '').toLowerCase() as (typeof MONTHS)[number]) + 1;
      const day = Number(match[1]);
      if (month === 0 || day < 1 || day > 31) continue;
      const iso = resolveYear(match[3], published, (y) => `${String(y)}-${pad(month)}-${pad(day)}`);
      if (stale(iso)) found.push({ line: index + 1, text: match[0], day: iso });
    }
    for (const match of text.matchAll(MONTH_DATE)) {
      const month = MONTHS.indexOf((match[1] ?? '').toLowerCase() as (typeof MONTHS)[number]) + 1;
      if (month === 0) continue;
      const iso = resolveYear(match[2], published, (y) => lastDayOfMonth(y, month));
      if (stale(iso)) found.push({ line: index + 1, text: match[0], day: iso });
    }
  });
  return found;
}

/** A news post's fields that say whether and when it is published, as its data holds them. */
export interface PostFields {
  date?: unknown;
  updated?: unknown;
  draft?: unknown;
}

/** A date field's value as a London day, or undefined when it is not a date. */
function dayOf(value: unknown): string | undefined {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? londonDay(value) : undefined;
}

/** Whether a post is published at `now`: not a draft, and dated on or before it. */
export function isPublishedBy(post: PostFields, now: Date): boolean {
  return post.draft !== true && dayOf(post.date) !== undefined && (post.date as Date).getTime() <= now.getTime();
}

/**
 * The passed dates a published post still offers ({@link findStaleDates}), as of `now`; none for a
 * draft or a post dated after `now`. The build (src/content/news-dates.ts) and the CMS preview
 * (src/browser/cms/previews.ts) both ask this.
 */
export function passedDatesOf(body: string, post: PostFields, now: Date): StaleDate[] {
  if (!isPublishedBy(post, now)) return [];
  return findStaleDates(body, {
    published: dayOf(post.date) ?? '',
    updated: dayOf(post.updated),
    today: londonDay(now),
  });
}
