/**
 * "Exit this page": replaces this page with an everyday website, from the button or Shift pressed
 * three times. It follows GOV.UK Frontend's Exit this page component
 * (`ExitThisPage` in govuk-frontend 6: the Shift count, the 5-second limit, the spoken progress,
 * the blank screen while the other site loads) in our own few lines, with one change the charity
 * asked for: `location.replace`, so the Back button does not return here. Without JavaScript the
 * button is an ordinary link to the same website.
 */

/** Shift presses in a row that leave the page. */
const PRESSES = 3;

/** How long the next Shift press may take before the count starts again (GOV.UK's 5 seconds). */
const PRESS_WINDOW_MS = 5000;

/**
 * Leaves for `href` at once: the page goes blank first (nothing of it stays on screen while the
 * other site loads), then the other site replaces this page in the tab's history.
 */
export function leavePage(href: string): void {
  document.body.hidden = true;
  location.replace(href);
}

/** What the status line says after `presses` Shift presses (GOV.UK's wording). */
export function pressMessage(presses: number): string {
  const left = PRESSES - presses;
  return `Shift, press ${String(left)} more ${left === 1 ? 'time' : 'times'} to exit.`;
}

/** Makes the page's Exit this page link leave with `location.replace`, and listens for Shift ×3. */
export function watchExitThisPage(): void {
  const links = document.querySelectorAll<HTMLAnchorElement>('[data-exit-link]');
  const first = links[0];
  if (!first) return;
  const status = document.querySelector('[data-exit-status]');
  // The Shift hint is only true once this script runs, so the page is sent with it hidden.
  for (const hint of document.querySelectorAll<HTMLElement>('[data-exit-hint]')) hint.hidden = false;
  for (const link of links) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      leavePage(link.href);
    });
  }

  let presses = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Shift released after typing a capital letter is not a press of Shift on its own.
  let lastKeyHadShift = false;
  const reset = () => {
    presses = 0;
    clearTimeout(timer);
    if (status) status.textContent = '';
  };
  document.addEventListener(
    'keyup',
    (event) => {
      if (event.key === 'Shift' && !lastKeyHadShift) {
        presses += 1;
        clearTimeout(timer);
        if (presses >= PRESSES) {
          reset();
          leavePage(first.href);
        } else {
          if (status) status.textContent = pressMessage(presses);
          timer = setTimeout(reset, PRESS_WINDOW_MS);
        }
      } else if (presses > 0) {
        reset();
      }
      lastKeyHadShift = event.shiftKey;
    },
    true,
  );
  // A browser that keeps pages in memory may show this one again (Forward): show it whole.
  addEventListener('pageshow', () => {
    document.body.hidden = false;
    reset();
  });
}
