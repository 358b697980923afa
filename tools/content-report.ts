// `npm run content:report`: one table for editors over all content — reading grade, words,
// review due or overdue (A–Z), helplines used and warnings — read straight from the files, with
// the same checks the build runs (no build needed). /admin/report/ shows the same rows.
//
//   --today=YYYY-MM-DD   pretend today is another day (tests use this)
//   --days=N             with --review: look N days ahead instead of 90
//   --review             only A–Z review dates: overdue, and due in the next 90 days
//                        (`npm run content:review` runs this)
//   --collection=NAME    only one collection (a-z, news, services, values, pages)
//
// Reads CONTENT_DIR (default: content). Exits 1 when a file would stop the build (so the report
// never hides a broken file), 2 for bad arguments.
import { parseArgs } from 'node:util';
import { runnerImport } from 'vite';

const usage = 'Usage: npm run content:report -- [--today=YYYY-MM-DD] [--collection=a-z] [--review [--days=90]]';

let values: {
  today?: string | undefined;
  days?: string | undefined;
  review?: boolean | undefined;
  collection?: string | undefined;
};
try {
  ({ values } = parseArgs({
    options: {
      today: { type: 'string' },
      days: { type: 'string' },
      review: { type: 'boolean', default: false },
      collection: { type: 'string' },
    },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}

const today = values.today ? new Date(`${values.today}T00:00:00Z`) : new Date();
const days = values.days === undefined ? undefined : Number(values.days);
if (Number.isNaN(today.getTime()) || (days !== undefined && (!Number.isInteger(days) || days < 0))) {
  console.error(usage);
  process.exit(2);
}

// The report is the build's own TypeScript (src/content, src/lib); Vite's module runner loads it
// the way the build does, so the two can never disagree.
const load = async <T>(path: string): Promise<T> =>
  (await runnerImport<T>(path, { root: process.cwd(), configFile: false, logLevel: 'error' })).module;
const format = await load<typeof import('../src/lib/format.ts')>('/src/lib/format.ts');
const contentDir = process.env['CONTENT_DIR'] ?? 'content';

try {
  if (values.review) await printReview();
  else await printReport();
} catch (error) {
  const { name, message, stack } = error as Error;
  console.error(name === 'ContentError' ? message : stack);
  process.exit(1);
}

async function printReview() {
  // Only what the review list needs, so it starts quickly.
  const [{ readTopicReviews }, reviewDates] = await Promise.all([
    load<typeof import('../src/content/topic-reviews.ts')>('/src/content/topic-reviews.ts'),
    load<typeof import('../src/lib/review-dates.ts')>('/src/lib/review-dates.ts'),
  ]);
  const window = days ?? reviewDates.DUE_SOON_DAYS;
  const topics = readTopicReviews(contentDir, today, window);
  const { overdue, dueSoon } = reviewDates.reviewReport(topics, today, window);
  const line = (t: (typeof topics)[number], verb: string) =>
    `  ${t.title} — ${verb} ${format.formatUkDate(t.nextReview)} (${t.file})`;
  console.log(`A–Z review dates: ${topics.length} topics, checked on ${format.formatUkDate(today)}.`);
  console.log(`\nOverdue (${overdue.length}):`);
  console.log(overdue.length ? overdue.map((t) => line(t, 'was due')).join('\n') : '  None.');
  console.log(`\nDue in the next ${window} days (${dueSoon.length}):`);
  console.log(dueSoon.length ? dueSoon.map((t) => line(t, 'due')).join('\n') : '  None.');
}

async function printReport() {
  const [{ buildContentReport }, { MARKDOWN_COLLECTIONS }, report] = await Promise.all([
    load<typeof import('../src/content/content-report.ts')>('/src/content/content-report.ts'),
    load<typeof import('../src/content/content-gate.ts')>('/src/content/content-gate.ts'),
    load<typeof import('../src/lib/content-report.ts')>('/src/lib/content-report.ts'),
  ]);
  if (values.collection && !MARKDOWN_COLLECTIONS.includes(values.collection)) {
    console.error(`Unknown collection "${values.collection}": use one of ${MARKDOWN_COLLECTIONS.join(', ')}`);
    process.exit(2);
  }
  const all = await buildContentReport(contentDir, today);
  const rows = values.collection ? all.filter((row) => row.collection === values.collection) : all;
  console.log(`Content report: ${rows.length} pages, checked on ${format.formatUkDate(today)}.\n`);
  console.log(report.formatReportTable(rows, format.formatUkDate));
  const warnings = rows.reduce((n, row) => n + row.warnings.length, 0);
  const errors = rows.reduce((n, row) => n + row.errors.length, 0);
  console.log(`\n${report.gradeSummary(all)}`);
  console.log(`${warnings} warning${warnings === 1 ? '' : 's'}, ${errors} error${errors === 1 ? '' : 's'}.`);
  if (errors > 0) process.exit(1);
}
