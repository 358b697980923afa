/**
 * The editor's front door on the production build: /admin loads the CMS from this site (no CDN)
 * with the generated production configuration, and stays out of search engines, the sitemap and
 * the site search.
 */
import { expect, test } from '@playwright/test';
import { watchViolations } from './support/csp';
import { sitemapPaths } from './support/site';

test('/admin loads the CMS from this site, with the production configuration and no CSP violations', async ({
  page,
}) => {
  const violations = await watchViolations(page);
  const outside: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.hostname !== '127.0.0.1') outside.push(request.url());
  });
  await page.goto('/admin/');
  await expect(page).toHaveTitle(/^Content editor \|/);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);

  const config = (await (await page.request.get('/admin/config.yml')).json()) as Record<string, unknown>;
  expect(config['publish_mode']).toBe('editorial_workflow');
  expect(config['local_backend']).toBeUndefined();
  const backend = config['backend'] as Record<string, string>;
  expect(backend).toMatchObject({ name: 'github', base_url: 'https://api.netlify.com' });
  if (backend['repo']) {
    // Signing in goes through GitHub, which needs the live site; the button is as far as a test goes.
    await expect(page.getByRole('button', { name: /Login with GitHub/ })).toBeVisible();
  } else {
    // A build without CMS_REPO (like this test build) gets Decap's own clear explanation.
    await expect(page.getByRole('heading', { name: 'Error loading the CMS configuration' })).toBeVisible();
    await expect(page.getByText(/needs a "repo"/)).toBeVisible();
  }
  expect(outside, 'requests to other sites').toEqual([]);
  // Under the editor's own policy (its `<meta>` and netlify.toml's header for /admin/).
  expect(violations, 'Content Security Policy violations').toEqual([]);
});

test('/admin is left out of the sitemap and the search index', async ({ request }) => {
  expect(sitemapPaths().filter((path) => path.startsWith('/admin'))).toEqual([]);
  // Pagefind indexes only pages that mark their main content with data-pagefind-body.
  expect(await (await request.get('/admin/')).text()).not.toContain('data-pagefind-body');
});
