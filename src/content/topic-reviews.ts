/**
 * A–Z review dates read straight from the topic files (no build, settings or rules needed), for
 * `npm run content:review` and the review column of the content report. Kept apart from the
 * report's prose checks so the review list starts quickly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from 'astro/markdown';
import { ContentError, displayPath } from '../lib/content-error';
import {
  DUE_SOON_DAYS,
  nextReviewDate,
  reviewState,
  type ReviewItem,
  type ReviewState,
} from '../lib/review-dates';

/** A frontmatter date (YAML gives a Date, or a "2026-03-12" string); null when not a date. */
function toDate(value: unknown): Date | null | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'string') return null;
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Content files of a collection folder, sorted; a leading underscore keeps a file out. */
export function contentFiles(folder: string): string[] {
  try {
    return readdirSync(folder)
      .filter((name) => /^[^_].*\.mdx?$/.test(name))
      .sort()
      .map((name) => join(folder, name));
  } catch {
    return [];
  }
}

/** An A–Z topic's review date, read from its file. */
export interface TopicReview extends ReviewItem {
  state: ReviewState;
}

/**
 * Reads an A–Z topic's review date from its frontmatter.
 * @throws ContentError naming the file and the field when a review date is not a date.
 */
export function topicReview(
  file: string,
  data: Record<string, unknown>,
  today: Date,
  windowDays: number = DUE_SOON_DAYS,
): TopicReview {
  const last = toDate(data['lastReviewed']);
  const next = toDate(data['nextReview']);
  if (!last || next === null) {
    const field = last ? 'nextReview' : 'lastReviewed';
    throw new ContentError(file, field, 'is not a valid date (use the form 2026-03-12)');
  }
  const nextReview = nextReviewDate(last, next);
  return {
    title: typeof data['title'] === 'string' ? data['title'] : displayPath(file),
    file: displayPath(file),
    nextReview,
    state: reviewState(nextReview, today, windowDays),
  };
}

/**
 * Every A–Z topic's review date under `contentDir/a-z`.
 * @throws ContentError naming the file and the field when a review date is not a date.
 */
export function readTopicReviews(contentDir: string, today: Date, windowDays: number = DUE_SOON_DAYS): TopicReview[] {
  return contentFiles(join(contentDir, 'a-z')).map((file) => {
    const data = parseFrontmatter(readFileSync(file, 'utf8')).frontmatter as Record<string, unknown>;
    return topicReview(file, data, today, windowDays);
  });
}
