// `npm run content:review`: lists A–Z topics whose review is overdue or due in the next 90 days,
// reading the Markdown files directly (no build needed). Options:
//   --today=YYYY-MM-DD   pretend today is another day (tests use this)
//   --days=N             look N days ahead instead of 90
// Reads CONTENT_DIR (default: content). Exits 1 if a file cannot be read or has no valid
// lastReviewed date, so a broken file is never silently missed.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
// Node 24 runs this TypeScript file directly (it uses only erasable type syntax and no imports).
import { DUE_SOON_DAYS, nextReviewDate, reviewReport } from '../src/lib/review-dates.ts';

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value = ''] = arg.replace(/^--/, '').split('=');
    return [key, value];
  }),
);
const today = args.today ? new Date(`${args.today}T00:00:00Z`) : new Date();
const days = args.days ? Number(args.days) : DUE_SOON_DAYS;
if (Number.isNaN(today.getTime()) || !Number.isInteger(days) || days < 0) {
  console.error('Usage: npm run content:review -- [--today=YYYY-MM-DD] [--days=90]');
  process.exit(2);
}

const folder = join(resolve(process.env.CONTENT_DIR ?? 'content'), 'a-z');
const show = (file) => relative(process.cwd(), file);
const ukDate = (date) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);

/** A YAML date (a Date, or a "2026-03-12" string), or undefined when missing or invalid. */
function toDate(value) {
  if (value === undefined || value === null || value === '') return undefined;
  const date = value instanceof Date ? value : new Date(`${String(value).slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

const topics = [];
for (const name of readdirSync(folder).sort()) {
  if (!/^[^_].*\.mdx?$/.test(name)) continue;
  const file = join(folder, name);
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'));
  let data;
  try {
    data = match ? parse(match[1]) : undefined;
  } catch (error) {
    console.error(
      `Content error in ${show(file)}: the frontmatter is not valid YAML (${error.message.split('\n')[0]})`,
    );
    process.exit(1);
  }
  const lastReviewed = toDate(data?.lastReviewed);
  const nextReview = toDate(data?.nextReview);
  if (!lastReviewed || nextReview === null) {
    const field = lastReviewed ? 'nextReview' : 'lastReviewed';
    console.error(`Content error in ${show(file)}: field "${field}" is not a valid date (use the form 2026-03-12)`);
    process.exit(1);
  }
  topics.push({
    title: String(data.title ?? name),
    file: show(file),
    nextReview: nextReviewDate(lastReviewed, nextReview),
  });
}

const { overdue, dueSoon } = reviewReport(topics, today, days);
const line = (t, verb) => `  ${t.title} — ${verb} ${ukDate(t.nextReview)} (${t.file})`;
console.log(`A–Z review dates: ${topics.length} topics, checked on ${ukDate(today)}.`);
console.log(`\nOverdue (${overdue.length}):`);
console.log(overdue.length ? overdue.map((t) => line(t, 'was due')).join('\n') : '  None.');
console.log(`\nDue in the next ${days} days (${dueSoon.length}):`);
console.log(dueSoon.length ? dueSoon.map((t) => line(t, 'due')).join('\n') : '  None.');
