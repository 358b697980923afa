/**
 * The Content Security Policy, as Netlify would serve it (the browser suite's server applies
 * netlify.toml's headers): search with a query and the service worker run in Chromium with zero
 * policy violations. Every kind of page is loaded under the policy by the axe sweep
 * (accessibility.spec.ts), which fails on any violation there, so it is not loaded again here; the
 * content editor is loaded under its own policy once, by cms-admin.spec.ts, which checks the same.
 */
import { expect, test } from '@playwright/test';
import { watchViolations } from './support/csp';

test('search with a query runs without CSP violations, and without a worker', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto('/search/?q=support', { waitUntil: 'networkidle' });
  // Pagefind runs on the page itself, so the policy allows no worker but the site's own service
  // worker file: no blob: or other origin.
  await expect(page.locator('meta[http-equiv="content-security-policy"]')).toHaveAttribute(
    'content',
    /worker-src 'self';/,
  );
  // Search results are links to pages of this site; at least one must appear.
  await expect(
    page
      .getByRole('main')
      .getByRole('link', { name: /support/i })
      .first(),
  ).toBeVisible();
  expect(violations).toEqual([]);
});

test.describe('with the service worker', () => {
  // playwright.config.ts blocks service workers in other tests.
  test.use({ serviceWorkers: 'allow' });
  test('registers under the policy', async ({ page }) => {
    const violations = await watchViolations(page);
    await page.goto('/');
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(new URL('/', page.url()).href);
    expect(violations).toEqual([]);
  });
});
