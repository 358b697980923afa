/**
 * "Related" items by shared tags: the items sharing the most tags with a page come first, newest
 * first among equals.
 */

/** What ranking needs from a candidate item. */
export interface Tagged {
  tags: readonly string[];
  date: Date;
}

/**
 * Up to `limit` items sharing at least one tag with `tags`, most shared tags first, then newest;
 * items that tie keep their order in `items`.
 *
 * One pass that keeps only the best `limit`, rather than ranking every item: every A–Z topic asks,
 * over every news post (at 5,000 posts, ranking them all was 0.5 s of the build).
 */
export function relatedByTags<T extends Tagged>(tags: readonly string[], items: readonly T[], limit = 3): T[] {
  const wanted = new Set(tags.map((t) => t.toLowerCase()));
  if (wanted.size === 0 || limit <= 0) return [];
  const best: { item: T; shared: number; time: number }[] = [];
  for (const item of items) {
    let shared = 0;
    for (const tag of item.tags) if (wanted.has(tag.toLowerCase())) shared += 1;
    if (shared === 0) continue;
    const time = item.date.getTime();
    // After every kept item that ranks as high or higher, so ties keep their order.
    let at = best.length;
    while (
      at > 0 &&
      (shared > best[at - 1]!.shared || (shared === best[at - 1]!.shared && time > best[at - 1]!.time))
    ) {
      at -= 1;
    }
    if (at < limit) {
      best.splice(at, 0, { item, shared, time });
      if (best.length > limit) best.pop();
    }
  }
  return best.map(({ item }) => item);
}
