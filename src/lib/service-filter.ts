/**
 * The services finder's filter: which town, format and day to show. Shared by the build (links
 * and data attributes) and the browser script that filters the list in place, so it imports
 * nothing and stays tiny.
 */

/** The three things people can filter by, in the order they appear in a query string. */
export const FILTER_KEYS = ['town', 'format', 'day'] as const;

/** One of the filter names. */
export type FilterKey = (typeof FILTER_KEYS)[number];

/** A chosen filter: the slug chosen for each key, or nothing for "all". */
export type ServiceFilter = Partial<Record<FilterKey, string>>;

/** What the filter needs to know about one service: slugs of its town, format and days. */
export interface FilterableService {
  town: string;
  format: string;
  days: readonly string[];
}

/**
 * Reads a filter from a query string such as `?town=millbrook&day=tuesday`. Values that are not
 * offered (a typo, an old link) are ignored rather than showing an empty list.
 */
export function parseFilter(search: string, allowed: Record<FilterKey, readonly string[]>): ServiceFilter {
  const params = new URLSearchParams(search);
  const filter: ServiceFilter = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value && allowed[key].includes(value)) filter[key] = value;
  }
  return filter;
}

/** The query string for a filter, keys in a fixed order, or "" when nothing is chosen. */
export function filterQuery(filter: ServiceFilter): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** True when a service meets every part of the filter. */
export function matchesFilter(service: FilterableService, filter: ServiceFilter): boolean {
  if (filter.town && service.town !== filter.town) return false;
  if (filter.format && service.format !== filter.format) return false;
  if (filter.day && !service.days.includes(filter.day)) return false;
  return true;
}

/** The sentence read out after filtering, e.g. "3 services found". */
export function resultsMessage(count: number): string {
  if (count === 0) return 'No services found';
  return count === 1 ? '1 service found' : `${String(count)} services found`;
}
