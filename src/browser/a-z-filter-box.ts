/**
 * The A–Z filter box (AzFilter.astro): narrows the index as one types. Without this script the box
 * stays hidden and the full index shows.
 */
import { matchesFilter } from '../lib/a-z-filter';

/** Shows the filter box inside `doc` and filters the A–Z sections as the visitor types, if the page has them. */
export function enhanceAzFilter(doc: Document): void {
  const box = doc.querySelector<HTMLElement>('[data-az-filter]');
  const input = box?.querySelector<HTMLInputElement>('input');
  const status = box?.querySelector<HTMLElement>('[data-az-status]');
  const sections = [...doc.querySelectorAll<HTMLElement>('[data-az-section]')];
  if (!box || !input || !status || sections.length === 0) return;

  box.hidden = false;
  const update = () => {
    const query = input.value.trim();
    const shown = new Set<string>();
    for (const section of sections) {
      let visible = 0;
      for (const item of section.querySelectorAll<HTMLElement>('[data-az-words]')) {
        const match = matchesFilter(item.dataset['azWords'] ?? '', query);
        item.hidden = !match;
        if (match) {
          visible += 1;
          shown.add(item.dataset['azSlug'] ?? '');
        }
      }
      section.hidden = visible === 0;
    }
    if (query === '') status.textContent = '';
    else if (shown.size === 0)
      status.textContent = 'No topics match. Try another word, or clear the box to see every topic.';
    else status.textContent = `${shown.size} ${shown.size === 1 ? 'topic matches' : 'topics match'}`;
  };
  input.addEventListener('input', update);
  // A value the browser restored (after going back) should filter straight away.
  if (input.value) update();
}
