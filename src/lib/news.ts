/**
 * News logic, free of astro:* imports so it is easy to test: which posts are published, their
 * order, previous and next, related and recent posts, category counts, pages of a list and
 * reading time. `src/data/news.ts` runs it once per build over the real collection.
 */
import { bestOf } from './best-of';
import { ContentError } from './content-error';
import { slugify } from './format';

/** The parts of a news entry this logic reads; real entries (CollectionEntry<'news'>) fit it. */
export interface NewsLike {
  id: string;
  data: { date: Date; draft: boolean; category: string; tags: string[] };
}

/** When a post may appear: drafts and future posts only in development, others from their date. */
export interface PublishOptions {
  /** The moment of the build (or of the request in development). */
  now: Date;
  /** Development preview (`astro dev`): drafts and future posts are shown so editors can check them. */
  preview: boolean;
}

/** Whether a post is published under these options. */
export function isPublished(post: NewsLike, { now, preview }: PublishOptions): boolean {
  if (preview) return true;
  return !post.data.draft && post.data.date.getTime() <= now.getTime();
}

/** Newest first; posts published at the same moment are ordered by slug, so builds are stable. */
export function compareNewestFirst(a: NewsLike, b: NewsLike): number {
  return b.data.date.getTime() - a.data.date.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A category with its address and how many published posts it has. */
export interface CategorySummary {
  name: string;
  slug: string;
  count: number;
}

/** Everything the news pages need, computed once. */
export interface NewsIndex<T extends NewsLike> {
  /** Published posts, newest first. */
  posts: T[];
  /** Looks up a published post by slug. */
  get: (slug: string) => T | undefined;
  /** The post published just before this one (older), if any. */
  previous: (post: T) => T | undefined;
  /** The post published just after this one (newer), if any. */
  next: (post: T) => T | undefined;
  /** Up to `count` related posts: shared category and tags first, then the most recent. */
  related: (post: T, count?: number) => T[];
  /** The newest posts, leaving out `exclude` when given. */
  recent: (count: number, exclude?: T) => T[];
  /** Categories that have posts, in the order of `categoryOrder`, with counts. */
  categories: CategorySummary[];
  /** Published posts of one category (by category slug), newest first. */
  inCategory: (slug: string) => T[];
}

/** Weight of sharing the category, against 1 for each shared tag. */
const CATEGORY_WEIGHT = 2;

/**
 * How many of the newest posts of each tag and of the category are considered for related posts.
 * Exact below this many posts per tag; beyond it, older posts give way to newer ones, which keeps
 * the build linear in the number of posts (measured: see docs/content-model.md).
 */
export const RELATED_CANDIDATES = 100;

/**
 * How many posts a feed carries: the newest, as feed readers expect. A feed reader fetches the
 * whole feed every time it checks for news, so a feed of every post, each in full, would grow with
 * the site (about 4 MB at 1,000 posts) and cost every subscriber that much on each check.
 */
export const FEED_SIZE = 50;

/** The posts a feed carries, from a list newest first: the first {@link FEED_SIZE}. */
export function feedPosts<T>(newestFirst: readonly T[]): T[] {
  return newestFirst.slice(0, FEED_SIZE);
}

/** Addresses under /news/ that are not posts; a post with one of these names could not be shown. */
const RESERVED_SLUGS = new Set(['thank-you', 'page', 'category']);

/** Refuses a post whose file name is an address the news section uses for something else. */
export function checkNewsSlugs(posts: readonly { id: string; file: string }[]): void {
  for (const post of posts) {
    if (RESERVED_SLUGS.has(post.id)) {
      throw new ContentError(
        post.file,
        undefined,
        `has a file name that the site uses for /news/${post.id}/; rename the file`,
      );
    }
  }
}

/**
 * Builds the news index from every entry of the collection.
 *
 * Related posts are computed lazily per post from tag and category indexes, so a post only looks
 * at (recent) posts that share something with it, and each post's answer is kept.
 */
export function buildNewsIndex<T extends NewsLike>(
  entries: readonly T[],
  options: PublishOptions & { categoryOrder: readonly string[] },
): NewsIndex<T> {
  const posts = entries.filter((post) => isPublished(post, options)).sort(compareNewestFirst);
  const position = new Map(posts.map((post, index) => [post.id, index]));
  const bySlug = new Map(posts.map((post) => [post.id, post]));
  const byTag = new Map<string, T[]>();
  const byCategory = new Map<string, T[]>();
  for (const post of posts) {
    for (const tag of new Set(post.data.tags)) push(byTag, tag, post);
    push(byCategory, slugify(post.data.category), post);
  }
  const relatedCache = new Map<string, T[]>();
  const indexOf = (post: T): number => {
    const index = position.get(post.id);
    if (index === undefined) throw new Error(`News post "${post.id}" is not published`);
    return index;
  };
  // The candidates for related posts, as positions in `posts`: the head of each tag's and
  // category's list (newest first; looking only at the head keeps the build linear). Kept as
  // numbers, so scoring a post's candidates looks nothing up (at 5,000 posts, looking up each
  // candidate's position was 0.5 s of page generation).
  const candidates = (lists: Map<string, T[]>) =>
    new Map([...lists].map(([name, list]) => [name, list.slice(0, RELATED_CANDIDATES).map(indexOf)]));
  const tagCandidates = candidates(byTag);
  const categoryCandidates = candidates(byCategory);

  // Scores by position in `posts`, kept in one array for every post's turn and cleared after it
  // (weights are positive, so 0 means not a candidate): no map or sort per post, which was 0.45 s
  // of page generation at 5,000 posts.
  const scoreAt = new Int32Array(posts.length);
  const related = (post: T, count = 3): T[] => {
    const key = `${post.id}\n${String(count)}`;
    const cached = relatedCache.get(key);
    if (cached) return cached;
    const touched: number[] = [];
    const add = (positions: number[] | undefined, weight: number): void => {
      for (const at of positions ?? []) {
        if (scoreAt[at] === 0) touched.push(at);
        scoreAt[at] = (scoreAt[at] ?? 0) + weight;
      }
    };
    for (const tag of new Set(post.data.tags)) add(tagCandidates.get(tag), 1);
    add(categoryCandidates.get(slugify(post.data.category)), CATEGORY_WEIGHT);
    const self = indexOf(post);
    // The best `count`: the higher score first, then the newer post (lower position).
    const best = bestOf(
      touched.filter((at) => at !== self),
      count,
      (a, b) => (scoreAt[a] ?? 0) > (scoreAt[b] ?? 0) || ((scoreAt[a] ?? 0) === (scoreAt[b] ?? 0) && a < b),
    );
    for (const at of touched) scoreAt[at] = 0;
    const ranked = best.map((at) => posts[at] as T);
    // Too few with anything in common: fill up with the newest posts.
    for (const other of posts) {
      if (ranked.length >= count) break;
      if (other !== post && !ranked.includes(other)) ranked.push(other);
    }
    relatedCache.set(key, ranked);
    return ranked;
  };

  const categories = options.categoryOrder
    .map((name) => ({ name, slug: slugify(name), count: byCategory.get(slugify(name))?.length ?? 0 }))
    .filter((category) => category.count > 0);

  return {
    posts,
    get: (slug) => bySlug.get(slug),
    previous: (post) => posts[indexOf(post) + 1],
    next: (post) => {
      const index = indexOf(post);
      return index > 0 ? posts[index - 1] : undefined;
    },
    related,
    recent: (count, exclude) => {
      // Only as far down the list as needed: every post's page asks.
      const newest: T[] = [];
      for (const post of posts) {
        if (newest.length >= count) break;
        if (post !== exclude) newest.push(post);
      }
      return newest;
    },
    categories,
    inCategory: (slug) => byCategory.get(slug) ?? [],
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** One page of a list. */
export interface ListPage<T> {
  items: T[];
  /** 1-based page number. */
  number: number;
  /** How many pages there are (at least 1, so an empty list still has its first page). */
  total: number;
  /** Path of this page, e.g. /news/ or /news/page/2/. */
  path: string;
  previousPath: string | undefined;
  nextPath: string | undefined;
}

/** The path of page `n` of a list whose first page is at `base` (which ends with "/"). */
export function pagePath(base: string, n: number): string {
  return n === 1 ? base : `${base}page/${String(n)}/`;
}

/** Splits a list into pages of `size` at `base`, `base`page/2/, … */
export function paginateList<T>(items: readonly T[], size: number, base: string): ListPage<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, i) => {
    const number = i + 1;
    return {
      items: items.slice(i * size, number * size),
      number,
      total,
      path: pagePath(base, number),
      previousPath: number > 1 ? pagePath(base, number - 1) : undefined,
      nextPath: number < total ? pagePath(base, number + 1) : undefined,
    };
  });
}

/** Reading speed used for the "N min read" estimate (words a minute, a gentle pace). */
export const WORDS_PER_MINUTE = 200;

/** Minutes to read a Markdown text at a gentle pace; at least 1. */
export function readingMinutes(markdown: string): number {
  const text = markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ') // images
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links keep their words
    .replace(/<[^>]+>/g, ' ')
    .replace(/[#>*_`~|-]/g, ' ');
  const words = text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
