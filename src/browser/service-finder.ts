/**
 * Progressive enhancement for /services/: the filter links filter the list in place instead of
 * loading another page. Without this script the same links go to pre-built pages.
 */
import { FILTER_KEYS, filterQuery, matchesFilter, parseFilter, resultsMessage } from '../lib/service-filter';
import type { FilterKey, ServiceFilter } from '../lib/service-filter';

/** Wires up the finder inside `doc`, if the page has one. */
export function enhanceServiceFinder(doc: Document): void {
  const root = doc.querySelector<HTMLElement>('[data-service-finder]');
  const status = root?.querySelector<HTMLElement>('[data-results-count]');
  const empty = root?.querySelector<HTMLElement>('[data-no-results]');
  if (!root || !status || !empty) return;

  const links = [...root.querySelectorAll<HTMLAnchorElement>('a[data-filter]')];
  const cards = [...root.querySelectorAll<HTMLElement>('[data-service]')];
  const sections = [...root.querySelectorAll<HTMLElement>('[data-town-section]')];
  const allowed = Object.fromEntries(
    FILTER_KEYS.map((key) => [
      key,
      links.filter((link) => link.dataset['filter'] === key).map((link) => link.dataset['value'] ?? ''),
    ]),
  ) as Record<FilterKey, string[]>;

  const show = (filter: ServiceFilter, announce: boolean): void => {
    let count = 0;
    for (const card of cards) {
      const match = matchesFilter(
        {
          town: card.dataset['town'] ?? '',
          format: card.dataset['format'] ?? '',
          days: (card.dataset['days'] ?? '').split(' '),
        },
        filter,
      );
      card.hidden = !match;
      if (match) count += 1;
    }
    for (const section of sections) section.hidden = !section.querySelector('[data-service]:not([hidden])');
    empty.hidden = count > 0;
    for (const link of links) {
      const key = link.dataset['filter'] as FilterKey;
      const value = link.dataset['value'] ?? '';
      // Each link now leads to this page with its choice added, so opening it in a new tab or
      // copying it gives the same list.
      link.href = `/services/${filterQuery({ ...filter, [key]: value || undefined })}`;
      if ((filter[key] ?? '') === value) link.setAttribute('aria-current', 'true');
      else link.removeAttribute('aria-current');
    }
    if (announce) status.textContent = resultsMessage(count);
  };

  root.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[data-filter]');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const url = new URL(link.href);
    history.pushState(null, '', url.pathname + url.search);
    show(parseFilter(url.search, allowed), true);
  });
  window.addEventListener('popstate', () => {
    show(parseFilter(location.search, allowed), true);
  });

  const initial = parseFilter(location.search, allowed);
  show(initial, Object.keys(initial).length > 0);
}
