/**
 * The content report for /admin/report/, built once per build from the content gate's verdicts:
 * the loader checks every Markdown file as it stores it (src/content/checked-glob.ts) and keeps
 * the verdict with the entry, so the page shows the rows `npm run content:report` prints
 * (src/content/content-report.ts) without checking every file a second time. Grouped by
 * collection in the order the CMS lists them.
 */
import { getCollection } from 'astro:content';
import { resolve } from 'node:path';
import { BUILD_NOW, CONTENT_DIR, SETTINGS_FILE } from '../config';
import { laterReading } from '../content/later-readings';
import { staleDateWarningsOf } from '../content/news-dates';
import { readSiteLists } from '../content/site-lists';
import { topicReview } from '../content/topic-reviews';
import { displayPath } from '../lib/content-error';
import { VERDICT_KEY, isLater, sortRows, withReading, type GateVerdict, type ReportRow } from '../lib/content-report';
import { DUE_SOON_DAYS } from '../lib/review-dates';
import { COLLECTIONS } from '../schemas/collections';

/** The report: every row, and the rows of each collection under its CMS label. */
export interface ContentReport {
  rows: ReportRow[];
  sections: { name: string; label: string; rows: ReportRow[] }[];
}

let report: Promise<ContentReport> | undefined;

const MARKDOWN = COLLECTIONS.filter((c) => c.kind === 'markdown');

async function build(): Promise<ContentReport> {
  const rows: ReportRow[] = [];
  for (const { name } of MARKDOWN) {
    for (const entry of await getCollection(name)) {
      if (!entry.filePath?.endsWith('.md')) continue;
      const file = resolve(entry.filePath);
      const stored = entry.rendered?.metadata?.[VERDICT_KEY] as GateVerdict | undefined;
      // The loader keeps a verdict with every entry it rendered; Astro stores an entry it could not
      // render without one (and logs "Error rendering" with the reason), and such a page must not
      // go out empty.
      if (!stored) {
        throw new Error(
          `${displayPath(file)} could not be rendered, so it has no content check (see the "Error rendering" line above)`,
        );
      }
      // A cold build's verdicts leave the reading level for later: this waits for it.
      const verdict = isLater(stored) ? withReading(name, stored, await laterReading(file, stored)) : stored;
      const data = entry.data as Record<string, unknown>;
      let review: ReportRow['review'];
      if (name === 'a-z') {
        // Review states as of the build's one "now" (BUILD_DATE when set).
        const topic = topicReview(file, data, BUILD_NOW, DUE_SOON_DAYS);
        review = { state: topic.state, due: topic.nextReview };
      }
      rows.push({
        collection: name,
        file: displayPath(file),
        title: typeof data['title'] === 'string' ? data['title'] : displayPath(file),
        grade: verdict.grade,
        words: verdict.words,
        sentences: verdict.sentences,
        review,
        helplines: verdict.helplines,
        // A file with an error stops the build, so a built report has none.
        errors: [],
        // A news post's passed dates that it still offers, as the news loader found them this build.
        warnings: name === 'news' ? [...verdict.warnings, ...staleDateWarningsOf(file)] : verdict.warnings,
      });
    }
  }
  const sorted = sortRows(
    rows,
    MARKDOWN.map((c) => c.name),
  );
  const lists = readSiteLists(CONTENT_DIR, SETTINGS_FILE);
  const sections = MARKDOWN.map((c) => ({
    name: c.name,
    label: c.cms(lists).label,
    rows: sorted.filter((row) => row.collection === c.name),
  })).filter((section) => section.rows.length > 0);
  return { rows: sorted, sections };
}

/** Every Markdown page with its reading grade, words, review date, helplines and warnings. */
export function getContentReport(): Promise<ContentReport> {
  report ??= build();
  return report;
}
