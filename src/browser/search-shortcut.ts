/**
 * Pressing `/` anywhere on the site moves focus to the search box, as on many large sites.
 * On the search page that is the page's own box; elsewhere, the one in the header.
 */

/** Whether a key press happened while typing somewhere, where `/` is just a character. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Starts listening for `/` on the whole page. */
export function watchSearchShortcut(): void {
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (isTyping(event.target)) return;
    const box =
      document.querySelector<HTMLInputElement>('[data-search-box]:not([hidden] *)') ??
      document.querySelector<HTMLInputElement>('#site-search-q');
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });
}
