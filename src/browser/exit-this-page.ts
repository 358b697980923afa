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
 * other site loads), then the other site replaces this page in the tab's history. Being replaced,
 * the page cannot come back blank from the browser's memory (GOV.UK's `pageshow` reset is for the
 * Back button, which here never returns to it).
 */
export function leavePage(href: string): void {
  document.body.hidden = true;
  location.replace(href);
}

/** What the status line says after `presses` Shift presses (GOV.UK's wording). */
export function pressMessage(presses: number): string {
  const left = PRESSES - presses;
  return `Shift, press ${String(left)} more time${left === 1 ? '' : 's'} to exit.`;
}

/** Makes the page's Exit this page link leave with `location.replace`, and listens for Shift ×3. */
export function watchExitThisPage(): void {
  const link = document.querySelector<HTMLAnchorElement>('[data-exit-link]');
  const status = document.querySelector('[data-exit-status]');
  const hint = document.querySelector<HTMLElement>('[data-exit-hint]');
  if (!link || !status || !hint) return;
  // The Shift hint is only true once this script runs, so the page is sent with it hidden.
  hint.hidden = false;
  link.addEventListener('click', (event) => {
    event.preventDefault();
    leavePage(link.href);
  });

  let presses = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Shift released after typing a capital letter is not a press of Shift on its own.
  let lastKeyHadShift = false;
  /** Sets the count and what the status line says; a count above 0 lapses after the time limit. */
  const count = (n: number) => {
    presses = n;
    clearTimeout(timer);
    status.textContent = n ? pressMessage(n) : '';
    if (n) timer = setTimeout(count, PRESS_WINDOW_MS, 0);
  };
  document.addEventListener(
    'keyup',
    (event) => {
      if (event.key === 'Shift' && !lastKeyHadShift) {
        if (presses + 1 < PRESSES) count(presses + 1);
        else {
          count(0);
          leavePage(link.href);
        }
      } else if (presses) {
        count(0);
      }
      lastKeyHadShift = event.shiftKey;
    },
    true,
  );
}
