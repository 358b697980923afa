/**
 * Builds the content report from the files themselves (no build needed): every Markdown page of
 * every collection with its reading grade, words, review date (A–Z), helplines and warnings.
 * `npm run content:report` prints it; /admin/report/ shows it. Both call `buildContentReport`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SETTINGS_FILE } from '../config';
import { displayPath } from '../lib/content-error';
import { sortRows, type ReportRow } from '../lib/content-report';
import { DUE_SOON_DAYS } from '../lib/review-dates';
import { COLLECTIONS } from '../schemas/collections';
import {
  MARKDOWN_COLLECTIONS,
  checkContentFile,
  fileWarnings,
  firstFailure,
  helplineNamer,
  loadContentRules,
  readContentFile,
  readDataFile,
} from './content-gate';
import { helplineContext } from './helplines';
import { staleDateWarnings } from './news-dates';
import { readSiteLists } from './site-lists';
import { contentFiles, topicReview } from './topic-reviews';

/**
 * One row per Markdown page under `contentDir`, checked with the build's own rules.
 * @param today The day review dates, and the news posts' passed dates, are measured against.
 */
export async function buildContentReport(contentDir: string, today: Date): Promise<ReportRow[]> {
  const rules = loadContentRules();
  const name = helplineNamer(contentDir);
  const helplines = helplineContext(contentDir, SETTINGS_FILE);
  const lists = readSiteLists(contentDir, SETTINGS_FILE);
  const rows: ReportRow[] = [];
  for (const declaration of COLLECTIONS) {
    if (declaration.kind !== 'markdown') continue;
    const schema = declaration.schema(lists);
    for (const file of contentFiles(join(contentDir, declaration.name))) {
      const shown = displayPath(file);
      const raw = readFileSync(file, 'utf8');
      const content = readContentFile(raw, schema);
      const check = await checkContentFile(content, rules, name, helplines);
      const errors: string[] = [];
      if (file.endsWith('.mdx')) errors.push('.mdx files are refused in this folder; rename it to .md');
      const failure = firstFailure(check);
      if (failure) errors.push(failure);
      let review: ReportRow['review'];
      if (declaration.name === 'a-z') {
        try {
          const topic = topicReview(file, content.data, today, DUE_SOON_DAYS);
          review = { state: topic.state, due: topic.nextReview };
        } catch (error) {
          errors.push((error as Error).message.replace(/^Content error in [^:]*: /, ''));
        }
      }
      rows.push({
        collection: declaration.name,
        file: shown,
        title: typeof content.data['title'] === 'string' ? content.data['title'] : shown,
        grade: check.reading.grade,
        words: check.reading.words,
        sentences: check.reading.sentences,
        review,
        helplines: check.helplines,
        errors,
        warnings: [
          ...fileWarnings(declaration.name, check),
          ...(declaration.name === 'news' ? staleDateWarnings(raw, content.data, today) : []),
        ],
      });
    }
  }
  rows.push(...(await dataFileRows(contentDir, rules, lists)));
  return sortRows(rows, MARKDOWN_COLLECTIONS);
}

/** The YAML files of a data collection's folder (settings, helplines), leaving out files that start with "_". */
function dataFiles(folder: string): string[] {
  try {
    return readdirSync(folder)
      .filter((name) => /^[^_].*\.ya?ml$/.test(name))
      .sort()
      .map((name) => join(folder, name));
  } catch {
    return [];
  }
}

/**
 * Rows for the data files (the settings, each helpline) whose text fields trip a language rule, as
 * the build warns about them. They have no prose to grade, so files with nothing to say are left out.
 */
async function dataFileRows(
  contentDir: string,
  rules: ReturnType<typeof loadContentRules>,
  lists: ReturnType<typeof readSiteLists>,
): Promise<ReportRow[]> {
  const rows: ReportRow[] = [];
  for (const declaration of COLLECTIONS) {
    if (declaration.kind === 'markdown') continue;
    const schema = declaration.schema(lists);
    for (const file of dataFiles(join(contentDir, declaration.name))) {
      const content = readDataFile(readFileSync(file, 'utf8'), schema);
      const check = await checkContentFile(content, rules);
      const failure = firstFailure(check);
      const warnings = fileWarnings(declaration.name, check);
      if (!failure && warnings.length === 0) continue;
      const shown = displayPath(file);
      const title = content.data['name'] ?? content.data['charityName'];
      rows.push({
        collection: declaration.name,
        file: shown,
        title: typeof title === 'string' ? title : shown,
        grade: undefined,
        words: 0,
        sentences: 0,
        helplines: [],
        errors: failure ? [failure] : [],
        warnings,
      });
    }
  }
  return rows;
}
