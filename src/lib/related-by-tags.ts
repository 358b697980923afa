/**
 * "Related" items by shared tags: the items sharing the most tags with a page come first, newest
 * first among equals.
 */

/** What ranking needs from a candidate item. */
export interface Tagged {
  tags: readonly string[];
  date: Date;
}

/** Up to `limit` items sharing at least one tag with `tags`, most shared tags first, then newest. */
export function relatedByTags<T extends Tagged>(tags: readonly string[], items: readonly T[], limit = 3): T[] {
  const wanted = new Set(tags.map((t) => t.toLowerCase()));
  if (wanted.size === 0) return [];
  return items
    .map((item) => ({ item, shared: item.tags.filter((t) => wanted.has(t.toLowerCase())).length }))
    .filter(({ shared }) => shared > 0)
    .sort((a, b) => b.shared - a.shared || b.item.date.getTime() - a.item.date.getTime())
    .slice(0, limit)
    .map(({ item }) => item);
}
