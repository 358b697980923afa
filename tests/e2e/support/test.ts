/**
 * The browser tests' `test`, with one page per worker for each set of page options (JavaScript on
 * or off, phone or computer screen, colour scheme) instead of a new browser context per test.
 *
 * Why: a new context starts a new Chromium renderer, which costs about 0.5 CPU-seconds before the
 * page even loads (measured with Debian's Chromium 156: 20 contexts, 17 CPU-s; one page loading the
 * same page 20 times, 5 CPU-s). On CI's two cores, with the CMS round trip running alongside, that
 * was a large share of the suite's time. Each test opens its own address first, as before; what a
 * test may have changed on the shared page is put back before the next one (below).
 *
 * Spec files that need a context of their own (service workers, going offline, counting every
 * request from a cold cache) import `test` from '@playwright/test' instead, and tests that need an
 * option no key here covers make their own context with `browser.newContext`.
 *
 * Built on Playwright 1.65's documented fixtures: the option fixtures (`viewport`,
 * `javaScriptEnabled`, …) give the options a test asked for with `test.use`, and a worker-scoped
 * fixture (`{ scope: 'worker' }`) keeps the pages for the worker's life.
 */
import { test as base, type BrowserContextOptions, type Page } from '@playwright/test';

export { expect } from '@playwright/test';

/** Events the tests listen to on a page; their listeners are removed after each test. */
const PAGE_EVENTS = ['console', 'dialog', 'pageerror', 'request', 'requestfinished', 'response'] as const;

/** The worker's pages, one per set of context options, made when first asked for. */
type PagePool = (options: BrowserContextOptions, timeouts: { action: number; navigation: number }) => Promise<Page>;

export const test = base.extend<object, { pagePool: PagePool }>({
  pagePool: [
    async ({ browser }, use) => {
      const pages = new Map<string, Page>();
      await use(async (options, timeouts) => {
        const key = JSON.stringify(options);
        const kept = pages.get(key);
        if (kept && !kept.isClosed()) return kept;
        const context = await browser.newContext(options);
        // As Playwright's own `context` fixture does with the actionTimeout and navigationTimeout options.
        context.setDefaultTimeout(timeouts.action);
        context.setDefaultNavigationTimeout(timeouts.navigation);
        const page = await context.newPage();
        pages.set(key, page);
        return page;
      });
      for (const page of pages.values()) await page.context().close();
    },
    { scope: 'worker' },
  ],
  page: async (
    {
      pagePool,
      baseURL,
      viewport,
      isMobile,
      hasTouch,
      javaScriptEnabled,
      colorScheme,
      userAgent,
      deviceScaleFactor,
      serviceWorkers,
      timezoneId,
      actionTimeout,
      navigationTimeout,
    },
    use,
  ) => {
    const page = await pagePool(
      {
        ...(baseURL ? { baseURL } : {}),
        viewport,
        isMobile,
        hasTouch,
        javaScriptEnabled,
        colorScheme,
        ...(userAgent ? { userAgent } : {}),
        ...(deviceScaleFactor ? { deviceScaleFactor } : {}),
        ...(timezoneId ? { timezoneId } : {}),
        serviceWorkers,
      },
      { action: actionTimeout || 0, navigation: navigationTimeout || 0 },
    );
    await use(page);
    // Put back what a test may have changed: routes, listeners, emulated media, window size and
    // cookies. The next test starts by opening its own address.
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    for (const event of PAGE_EVENTS) page.removeAllListeners(event);
    await page.emulateMedia({ media: null, colorScheme: colorScheme ?? 'light' });
    if (viewport) await page.setViewportSize(viewport);
    await page.context().clearCookies();
  },
});
