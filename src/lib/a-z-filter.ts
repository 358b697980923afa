/**
 * Matching for the A–Z filter box. Shared by the build (which writes each entry's search words
 * into the page) and the browser script (which compares them with what the reader types), so both
 * sides normalise text the same way. No imports: it is bundled into the page's script.
 */

/** Lower case, accents removed, runs of spaces and punctuation made single spaces. */
export function normaliseForFilter(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Whether an entry's words match a query: every word typed must start a word in the entry, so
 * "feel low" finds "feeling low" and "ocd" finds "OCD", but "ran" does not find "Paranoia".
 */
export function matchesFilter(entryWords: string, query: string): boolean {
  const words = normaliseForFilter(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const haystack = ` ${entryWords}`;
  return words.every((word) => haystack.includes(` ${word}`));
}
