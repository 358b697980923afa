/**
 * Formatting shared by pages: UK dates and similar small helpers.
 */
import { londonDay } from './schedule/dates';

const UK_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});

/** Dates already formatted, by time: a page shows a dozen posts' dates, and Intl's format is slow. */
const ukDates = new Map<number, string>();

/** A date in UK form, e.g. "20 May 2020". */
export function formatUkDate(date: Date): string {
  const time = date.getTime();
  let text = ukDates.get(time);
  if (text === undefined) {
    text = UK_DATE.format(date);
    if (ukDates.size >= 10_000) ukDates.clear();
    ukDates.set(time, text);
  }
  return text;
}

/** A date as YYYY-MM-DD in UK time, for `<time datetime>` and structured data. */
export function isoDate(date: Date): string {
  return londonDay(date);
}

/** Turns a label into a URL slug ("Ashford Green" → "ashford-green"). */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Longest `<title>` we write: search engines cut longer ones short (html-validate's long-title). */
export const TITLE_MAX = 70;

/**
 * The text of a page's `<title>`: "Page | Charity". When that is too long (a long news headline),
 * the charity's name is dropped, and a title still too long is cut at a word with "…".
 */
export function documentTitle(title: string, charityName: string, max = TITLE_MAX): string {
  const full = `${title} | ${charityName}`;
  if (full.length <= max) return full;
  if (title.length <= max) return title;
  const cut = title.slice(0, max - 1);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > max / 2 ? cut.slice(0, atWord) : cut).replace(/[\s,:;–-]+$/, '')}…`;
}

const UK_WEEKDAY = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  timeZone: 'Europe/London',
});

/** A calendar day ("2026-12-01") with its weekday, as on UK calendars: "Tuesday 1 December". */
export function formatUkWeekday(day: string): string {
  // Midday UTC is the same calendar day in London all year round.
  return UK_WEEKDAY.format(new Date(`${day}T12:00:00Z`));
}
