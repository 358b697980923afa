/**
 * What a page tells Pagefind about itself besides its text: its content type and other filters,
 * metadata shown with a result (title, date, image, town), a date to sort by, and hidden
 * keywords (an A–Z topic's other names and search terms) that are searched as weighted metadata.
 */
import { isoDay } from './schedule/dates';

/** The content types a search can be narrowed to, in the order the filters show them. */
export const SEARCH_TYPES = ['News', 'A–Z', 'Services', 'Pages'] as const;

/** One content type. */
export type SearchType = (typeof SEARCH_TYPES)[number];

/** Metadata stored with a page's search result. */
export interface SearchMeta {
  /** Title shown as the result link; Pagefind takes the first h1 when this is absent. */
  title?: string | undefined;
  /** Publication date (news): shown with the result and used to sort by date. */
  date?: Date | undefined;
  /** Root-relative image address (news hero image). */
  image?: string | undefined;
  /** Text alternative for the image. */
  imageAlt?: string | undefined;
  /** Town or area (services). */
  town?: string | undefined;
}

/** One hidden element of the search data: a filter, a metadata value or a sort key. */
export interface SearchTag {
  kind: 'filter' | 'meta' | 'sort';
  key: string;
  value: string;
}

/** Metadata key under which other names and search terms are stored (weighted at query time). */
export const KEYWORDS_META = 'keywords';

/** Filter and metadata names Pagefind accepts: simple words, no separators it would misread. */
const KEY = /^[a-z][a-z0-9_-]*$/i;

/**
 * The hidden tags that describe a page to Pagefind.
 * @param type The page's content type (every page has one, so the type filter is complete).
 * @param filters Further filters, e.g. `{ category: 'Events' }`; empty values are left out.
 * @param meta Metadata shown with the result.
 * @param keywords Other names and search terms; stored as one comma-separated metadata value.
 */
export function searchTags(
  type: SearchType,
  filters: Record<string, string | readonly string[] | undefined> = {},
  meta: SearchMeta = {},
  keywords: readonly string[] = [],
): SearchTag[] {
  const tags: SearchTag[] = [{ kind: 'filter', key: 'type', value: type }];
  for (const [key, raw] of Object.entries(filters)) {
    if (!KEY.test(key) || key === 'type') throw new Error(`Search filter name "${key}" is not allowed`);
    const values = typeof raw === 'string' ? [raw] : (raw ?? []);
    for (const value of values) {
      if (value.trim()) tags.push({ kind: 'filter', key, value: value.trim() });
    }
  }
  const text = (key: string, value: string | undefined) => {
    if (value?.trim()) tags.push({ kind: 'meta', key, value: value.trim() });
  };
  text('title', meta.title);
  if (meta.date) {
    tags.push({ kind: 'meta', key: 'date', value: isoDay(meta.date) });
    tags.push({ kind: 'sort', key: 'date', value: isoDay(meta.date) });
  }
  text('image', meta.image);
  text('image_alt', meta.imageAlt);
  text('town', meta.town);
  const words = [...new Set(keywords.map((word) => word.trim()).filter(Boolean))];
  if (words.length > 0) tags.push({ kind: 'meta', key: KEYWORDS_META, value: words.join(', ') });
  return tags;
}
