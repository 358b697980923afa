/**
 * The content report for editors: one row per page with its reading grade, words, review date,
 * helplines and warnings, plus the one-line reading summary the build prints. The same rows are
 * printed by `npm run content:report` and shown at /admin/report/.
 */
import type { ReviewState } from './review-dates';

/** Reading-grade ceilings. A–Z topics are health information read under stress, so aim lower. */
export const READING_TARGETS: Readonly<Record<string, { label: string; max: number }>> = {
  'a-z': { label: 'A–Z', max: 6.5 },
  news: { label: 'news', max: 7 },
};

/** A page's reading grade, for the summary. */
export interface GradedPage {
  collection: string;
  /** The file, as shown to editors (content/a-z/anxiety.md). */
  file: string;
  grade: number | undefined;
}

/** The warning for a page that reads above its collection's target, or undefined. */
export function readingWarning(collection: string, grade: number | undefined): string | undefined {
  const target = READING_TARGETS[collection];
  if (!target || grade === undefined || grade <= target.max) return undefined;
  return `reads at grade ${grade.toFixed(1)}, above the ${target.label} aim of ${target.max.toFixed(1)}; use shorter sentences and everyday words`;
}

/** The middle value of a list of numbers (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return value === undefined ? undefined : Math.round(value * 10) / 10;
}

/** The last part of a path: the file name editors recognise. */
function fileName(file: string): string {
  return file.split(/[\\/]/).at(-1) ?? file;
}

/**
 * One line summing up the reading grades of the collections with a target:
 * `Reading grade: A–Z median 5.1, worst 6.8 (psychosis.md), 3 above 6.5; news median 5.9, …`.
 */
export function gradeSummary(pages: readonly GradedPage[]): string {
  const parts = Object.entries(READING_TARGETS).map(([collection, target]) => {
    const graded = pages.filter(
      (page): page is GradedPage & { grade: number } => page.collection === collection && page.grade !== undefined,
    );
    const middle = median(graded.map((page) => page.grade));
    if (middle === undefined) return `${target.label}: no pages`;
    const worst = graded.reduce((a, b) => (b.grade > a.grade ? b : a));
    const above = graded.filter((page) => page.grade > target.max).length;
    return `${target.label} median ${middle.toFixed(1)}, worst ${worst.grade.toFixed(1)} (${fileName(worst.file)}), ${String(above)} of ${String(graded.length)} above ${target.max.toFixed(1)}`;
  });
  return `Reading grade: ${parts.join('; ')}`;
}

/** Where an A–Z topic stands against its review date. */
export interface ReviewStatus {
  state: ReviewState;
  /** The date the next review is due. */
  due: Date;
}

/**
 * What the gate concluded about a file that passed: enough to print the same lines again and to
 * fill the file's row of the content report (/admin/report/) without checking it again.
 */
export interface FileVerdict {
  warnings: string[];
  silenced: string[];
  grade: number | undefined;
  words: number;
  sentences: number;
  /** Ids of the helplines the page names with `:helpline[id]`. */
  helplines: string[];
}

/**
 * A verdict without its reading level: a cold build works the reading levels out after the content
 * is synced, on the core page generation leaves idle (src/content/later-readings.ts). The rules
 * and helpline checks, which can stop the build, are done; `warnings` are theirs alone, and
 * {@link withReading} adds the reading one.
 */
export interface LaterVerdict {
  warnings: string[];
  silenced: string[];
  helplines: string[];
  /** Marks the reading level as still to come. */
  readingLater: true;
  /** The digest of the file's text and of the gate (its cache key), when the loader caches verdicts. */
  digest?: string | undefined;
}

/** A verdict as the gate gives it during content sync: whole, or with its reading level to come. */
export type GateVerdict = FileVerdict | LaterVerdict;

/** Whether a verdict's reading level is still to come. */
export function isLater(verdict: GateVerdict): verdict is LaterVerdict {
  return 'readingLater' in verdict;
}

/** A page's reading level, as a verdict holds it. */
export interface ReadingFigures {
  grade: number | undefined;
  words: number;
  sentences: number;
}

/** The whole verdict: the reading level added, and its warning last, as `fileWarnings` orders them. */
export function withReading(collection: string, verdict: LaterVerdict, reading: ReadingFigures): FileVerdict {
  const warning = readingWarning(collection, reading.grade);
  return {
    warnings: [...verdict.warnings, ...(warning ? [warning] : [])],
    silenced: verdict.silenced,
    grade: reading.grade,
    words: reading.words,
    sentences: reading.sentences,
    helplines: verdict.helplines,
  };
}

/** Where a stored Markdown entry keeps its {@link GateVerdict}, in its rendered metadata. */
export const VERDICT_KEY = 'contentCheck';

/** One page of the report. */
export interface ReportRow {
  collection: string;
  /** The file, as shown to editors (content/a-z/anxiety.md). */
  file: string;
  title: string;
  grade: number | undefined;
  words: number;
  sentences: number;
  /** A–Z topics only. */
  review?: ReviewStatus | undefined;
  /** Helpline ids named with `:helpline[id]`. */
  helplines: string[];
  /** Problems that stop the build (shown so the report explains a failing build). */
  errors: string[];
  warnings: string[];
}

/** The review column: "overdue (due 10 January 2023)", "due soon (…)" or "20 January 2027". */
export function reviewText(review: ReviewStatus | undefined, formatDate: (date: Date) => string): string {
  if (!review) return '';
  const date = formatDate(review.due);
  if (review.state === 'overdue') return `OVERDUE (was due ${date})`;
  if (review.state === 'due-soon') return `due soon (${date})`;
  return date;
}

/** The grade as shown: one decimal place, or a dash for a page with no prose. */
export function gradeText(grade: number | undefined): string {
  return grade === undefined ? '–' : grade.toFixed(1);
}

/** Rows in report order: collection order as given, then hardest to read first. */
export function sortRows(rows: readonly ReportRow[], collectionOrder: readonly string[]): ReportRow[] {
  const rank = (row: ReportRow) => {
    const index = collectionOrder.indexOf(row.collection);
    return index === -1 ? collectionOrder.length : index;
  };
  return [...rows].sort(
    (a, b) => rank(a) - rank(b) || (b.grade ?? -1) - (a.grade ?? -1) || a.file.localeCompare(b.file, 'en-GB'),
  );
}

/** The report as a plain-text table for the terminal, with each warning on its own line below. */
export function formatReportTable(rows: readonly ReportRow[], formatDate: (date: Date) => string): string {
  const header = ['Page', 'Grade', 'Words', 'Review', 'Helplines', 'Warnings'];
  const cells = rows.map((row) => [
    row.file,
    gradeText(row.grade),
    String(row.words),
    reviewText(row.review, formatDate),
    row.helplines.length === 0 ? '' : `${String(row.helplines.length)}: ${row.helplines.join(', ')}`,
    String(row.errors.length + row.warnings.length),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((line) => (line[i] ?? '').length)));
  const pad = (line: string[]) =>
    line
      .map((cell, i) => (i === 1 || i === 2 || i === 5 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const out = [pad(header), widths.map((w) => '-'.repeat(w)).join('  ')];
  rows.forEach((row, i) => {
    out.push(pad(cells[i] ?? []));
    for (const error of row.errors) out.push(`    ERROR: ${error}`);
    for (const warning of row.warnings) out.push(`    warning: ${warning}`);
  });
  return out.join('\n');
}
