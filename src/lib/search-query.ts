/**
 * The search page's state and the small pure steps around a Pagefind query: reading and writing
 * the address (?q=…&type=…&category=…), the filters Pagefind expects, and result excerpts.
 */
import { SEARCH_TYPES, type SearchType } from './search-index';

/** What the person asked for. */
export interface SearchState {
  /** The words typed, as typed. */
  q: string;
  /** Content types ticked; none ticked means all types. */
  types: SearchType[];
  /** News category chosen, or empty for every category. */
  category: string;
}

/**
 * Reads the search state from the address's query string, ignoring unknown types.
 * @param params The page's `URLSearchParams`.
 */
export function readSearchState(params: URLSearchParams): SearchState {
  const known = new Set<string>(SEARCH_TYPES);
  return {
    q: params.get('q') ?? '',
    types: params.getAll('type').filter((type): type is SearchType => known.has(type)),
    category: params.get('category') ?? '',
  };
}

/**
 * The query string for a search state ("?q=…"), leaving out empty parts, so a shared link is short.
 * @param state The search state.
 */
export function searchStateToQuery(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const type of state.types) params.append('type', type);
  if (state.category) params.set('category', state.category);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Pagefind's filter object: each key must match any of its values. */
export type PagefindFilters = Record<string, { any: string[] }>;

/**
 * The Pagefind filters for a search state. A category implies news, so choosing one narrows the
 * results to news posts in it.
 * @param state The search state.
 */
export function pagefindFilters(state: SearchState): PagefindFilters {
  const filters: PagefindFilters = {};
  if (state.types.length > 0) filters['type'] = { any: [...state.types] };
  if (state.category) filters['category'] = { any: [state.category] };
  return filters;
}

/** A piece of an excerpt: plain text, or words Pagefind matched. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/**
 * Splits a Pagefind excerpt into text and highlighted parts. Pagefind escapes page text and
 * adds only `<mark>` tags; anything else that looks like a tag is kept as text, so an excerpt can
 * never add markup to the page.
 * @param excerpt The `excerpt` from a Pagefind result.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let mark = false;
  for (const piece of excerpt.split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>') mark = true;
    else if (piece === '</mark>') mark = false;
    else if (piece) parts.push({ text: piece.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e), mark });
  }
  return parts;
}

/**
 * The sentence announcing how many results there are.
 * @param count Number of results.
 * @param q The words searched for.
 */
export function resultCountText(count: number, q: string): string {
  if (count === 0) return `No results for “${q}”.`;
  return `${count} ${count === 1 ? 'result' : 'results'} for “${q}”.`;
}
