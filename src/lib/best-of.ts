/**
 * The first few of many candidates in a given order, without sorting them all: related posts and
 * an A–Z topic's related news each keep three of hundreds, for every page of a build.
 */

/**
 * The first `limit` of `candidates` in the order `before` gives (true when `a` comes before `b`;
 * it must decide every tie), in one pass that keeps only those `limit`. The same as sorting every
 * candidate and taking the first `limit`.
 */
export function bestOf<T>(candidates: Iterable<T>, limit: number, before: (a: T, b: T) => boolean): T[] {
  const best: T[] = [];
  for (const candidate of candidates) {
    let at = best.length;
    while (at > 0 && before(candidate, best[at - 1] as T)) at -= 1;
    if (at < limit) {
      best.splice(at, 0, candidate);
      if (best.length > limit) best.pop();
    }
  }
  return best;
}
