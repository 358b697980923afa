/**
 * Spots search queries that suggest someone may be at risk, so the search page can put urgent
 * help above the results. It errs towards showing help: a needless card costs a glance, a missed
 * one could cost far more. It still matches whole words and phrases only, so "skills", "diet" or
 * "studied" never trigger it, and a few common phrases about the economy or the planet do not.
 */

/**
 * Phrases that suggest risk, as whole words after normalising (lower case, letters and digits
 * only, single spaces). Several spellings people type in a hurry are listed on purpose.
 */
const CRISIS_PATTERNS: readonly RegExp[] = [
  /\bsuicid(e|es|al|ality)\b/,
  /\b(kill|killing|kills|killed) (myself|my self|meself)\b/,
  /\b(end|ending) (my life|my own life|it all)\b/,
  /\btak(e|ing) my (own )?life\b/,
  /\bself ?(harm|harming|harmed|injury|injuring|hurt|hurting)\b/,
  /\b(hurt|hurting|harm|harming|cut|cutting|cuts) (myself|my self|meself)\b/,
  /\b(overdose|overdoses|overdosing|overdosed)\b/,
  /\bcrisis\b/,
  /\b(want|wanting|wanted|wanna) to (die|be dead)\b/,
  /\bwanna die\b/,
  /\bwish (i|id) (was|were|had) (dead|died|never been born)\b/,
  /\bbetter off dead\b/,
  /\b(dont|do not|no longer) want to (live|be alive|be here)\b/,
  /\bno (reason|point) (to|in) (live|living|go on|going on)\b/,
  /\bcant go on\b/,
];

/**
 * Phrases where "crisis" is about money, housing or the planet rather than a person in danger.
 * They only stop a match on "crisis"; "suicide" in the same query still counts.
 */
const NOT_PERSONAL_CRISIS = /\b(cost of living|climate|energy|financial|banking|economic) crisis\b/g;

/** Lower case, curly and straight apostrophes dropped, everything else not a letter → space. */
function normalise(query: string): string {
  return query
    .toLowerCase()
    .replace(/['\u2018\u2019`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The risk phrase found in a search query, or `undefined` when there is none.
 * @param query What the person typed.
 */
export function findCrisisTerm(query: string): string | undefined {
  const text = normalise(query).replace(NOT_PERSONAL_CRISIS, ' ');
  for (const pattern of CRISIS_PATTERNS) {
    const match = pattern.exec(text);
    if (match) return match[0];
  }
  return undefined;
}

/**
 * Whether a search query suggests someone may be at risk and should see urgent help first.
 * @param query What the person typed.
 */
export function isCrisisQuery(query: string): boolean {
  return findCrisisTerm(query) !== undefined;
}
