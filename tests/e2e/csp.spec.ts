/**
 * The Content Security Policy, as Netlify would serve it (the browser suite's server applies
 * netlify.toml's headers): one page of every kind, plus search with a query and the content
 * editor, loads in Chromium with zero policy violations.
 */
import { expect, test, type Page } from '@playwright/test';
import { builtPages, onePagePerTemplate } from '../support/built-pages';

/** Records every CSP violation the page reports, from the DOM event and from the console. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation;
      report(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

const PUBLIC_PAGES = onePagePerTemplate(builtPages()).filter(({ path }) => !path.startsWith('/admin/'));

for (const { path } of PUBLIC_PAGES) {
  test(`no CSP violations on ${path}`, async ({ page }) => {
    const violations = await watchViolations(page);
    const response = await page.goto(path, { waitUntil: 'networkidle' });
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(violations).toEqual([]);
  });
}

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

test('the service worker registers under the policy', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto('/');
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(new URL('/', page.url()).href);
  expect(violations).toEqual([]);
});

test('the content editor loads under its own policy without CSP violations', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto('/admin/');
  await expect(page.getByRole('button', { name: /login/i })).toBeVisible({ timeout: 30_000 });
  expect(violations).toEqual([]);
});
