/**
 * Review dates for A–Z topics: when the next review is due, and which topics are overdue or due
 * soon. Health information must be checked regularly, so the build, `npm run content:report` and
 * `npm run content:review` (its --review filter) all use these rules.
 */

/** How long a review lasts when the editor leaves "Next review due" empty. */
export const DEFAULT_REVIEW_YEARS = 3;

/** How far ahead "due soon" looks, in days. */
export const DUE_SOON_DAYS = 90;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Midnight UTC of a date's calendar day (content dates are calendar days, stored as UTC). */
function startOfDay(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/**
 * The date the next review is due: the one the editor set, or three years after the last review.
 * 29 February moves to 28 February, so a leap-day review never rolls into March.
 */
export function nextReviewDate(lastReviewed: Date, nextReview?: Date): Date {
  if (nextReview) return nextReview;
  const year = lastReviewed.getUTCFullYear() + DEFAULT_REVIEW_YEARS;
  const month = lastReviewed.getUTCMonth();
  const lastDayOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(lastReviewed.getUTCDate(), lastDayOfMonth)));
}

/** Where a topic stands against its review date. */
export type ReviewState = 'overdue' | 'due-soon' | 'current';

/**
 * Whether a review is overdue (its date has passed), due within `windowDays` (today counts as due
 * soon, not overdue), or current.
 */
export function reviewState(nextReview: Date, today: Date, windowDays: number = DUE_SOON_DAYS): ReviewState {
  const due = startOfDay(nextReview);
  const now = startOfDay(today);
  if (due < now) return 'overdue';
  if (due <= now + windowDays * DAY_MS) return 'due-soon';
  return 'current';
}

/** A topic as the review report needs it. */
export interface ReviewItem {
  title: string;
  file: string;
  nextReview: Date;
}

/** Topics that are overdue and due soon, each list soonest first. */
export interface ReviewReport<T extends ReviewItem = ReviewItem> {
  overdue: T[];
  dueSoon: T[];
}

/** Splits topics into overdue and due-soon lists, each sorted by review date (oldest first). */
export function reviewReport<T extends ReviewItem>(
  items: readonly T[],
  today: Date,
  windowDays: number = DUE_SOON_DAYS,
): ReviewReport<T> {
  const sorted = [...items].sort(
    (a, b) => a.nextReview.getTime() - b.nextReview.getTime() || a.title.localeCompare(b.title, 'en-GB'),
  );
  return {
    overdue: sorted.filter((item) => reviewState(item.nextReview, today, windowDays) === 'overdue'),
    dueSoon: sorted.filter((item) => reviewState(item.nextReview, today, windowDays) === 'due-soon'),
  };
}
