/**
 * The content report (src/content/content-report.ts), built once per build for /admin/report/,
 * grouped by collection in the order the CMS lists them.
 */
import { BUILD_NOW, CONTENT_DIR, SETTINGS_FILE } from '../config';
import { buildContentReport } from '../content/content-report';
import { readSiteLists } from '../content/site-lists';
import type { ReportRow } from '../lib/content-report';
import { COLLECTIONS } from '../schemas/collections';

/** The report: every row, and the rows of each collection under its CMS label. */
export interface ContentReport {
  rows: ReportRow[];
  sections: { name: string; label: string; rows: ReportRow[] }[];
}

let report: Promise<ContentReport> | undefined;

async function build(): Promise<ContentReport> {
  const rows = await buildContentReport(CONTENT_DIR, BUILD_NOW);
  const lists = readSiteLists(CONTENT_DIR, SETTINGS_FILE);
  const sections = COLLECTIONS.filter((c) => c.kind === 'markdown')
    .map((c) => ({ name: c.name, label: c.cms(lists).label, rows: rows.filter((row) => row.collection === c.name) }))
    .filter((section) => section.rows.length > 0);
  return { rows, sections };
}

/** Every Markdown page with its reading grade, words, review date, helplines and warnings. */
export function getContentReport(): Promise<ContentReport> {
  report ??= build();
  return report;
}
