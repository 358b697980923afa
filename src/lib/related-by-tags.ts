/**
 * "Related" items by shared tags: the items sharing the most tags with a page come first, newest
 * first among equals.
 */
import { bestOf } from './best-of';

/** What ranking needs from a candidate item. */
export interface Tagged {
  tags: readonly string[];
  date: Date;
}

/**
 * A ranker over `items` (which must not change while it is used): given a page's tags, up to
 * `limit` items sharing at least one of them, most shared tags first, then newest; items that tie
 * keep their order in `items`.
 *
 * The items are indexed by tag once, so each page looks only at the items that share a tag with it:
 * every A–Z topic asks, over every news post, and comparing each topic with each post's tags took
 * 0.15 s of a 1,000-post build.
 */
export function tagRanker<T extends Tagged>(items: readonly T[]): (tags: readonly string[], limit?: number) => T[] {
  /** Each tag (lower case): the positions of the items that carry it, once per time they carry it. */
  const byTag = new Map<string, number[]>();
  items.forEach((item, position) => {
    for (const tag of item.tags) {
      const key = tag.toLowerCase();
      const positions = byTag.get(key);
      if (positions) positions.push(position);
      else byTag.set(key, [position]);
    }
  });
  return (tags, limit = 3) => {
    const wanted = new Set(tags.map((t) => t.toLowerCase()));
    if (wanted.size === 0 || limit <= 0) return [];
    /** Shared tags by item position. */
    const shared = new Map<number, number>();
    for (const tag of wanted)
      for (const position of byTag.get(tag) ?? []) shared.set(position, (shared.get(position) ?? 0) + 1);
    // The best `limit` in one pass, rather than sorting every item that shares a tag (a common
    // tag can be on most posts): more shared tags, then newer, then earlier in `items`.
    const ranked = Array.from(shared, ([position, count]) => ({
      position,
      count,
      time: (items[position] as T).date.getTime(),
    }));
    return bestOf(
      ranked,
      limit,
      (a, b) =>
        a.count > b.count ||
        (a.count === b.count && (a.time > b.time || (a.time === b.time && a.position < b.position))),
    ).map(({ position }) => items[position] as T);
  };
}
