/**
 * Formatting shared by pages: UK dates and similar small helpers.
 */

const UK_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});

/** A date in UK form, e.g. "20 May 2020". */
export function formatUkDate(date: Date): string {
  return UK_DATE.format(date);
}

/** A date as YYYY-MM-DD in UK time, for `<time datetime>` and structured data. */
export function isoDate(date: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
  return parts;
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
