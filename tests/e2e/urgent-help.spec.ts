/**
 * Urgent help is one tap away on every page, and works with JavaScript switched off.
 */
import { expect, test } from './support/test';
import { registryHelpline, siteSettings } from './support/site';

const local = registryHelpline(siteSettings().localCrisisLine);
const nhs111 = registryHelpline('nhs-111');

test.use({ javaScriptEnabled: false });

test('from any page, one tap on "Need urgent help?" shows every crisis line as a tap-to-call link', async ({
  page,
}) => {
  await page.goto('/privacy/');
  await page.getByRole('link', { name: 'Need urgent help?' }).click();
  await expect(page).toHaveURL(/\/urgent-help\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const main = page.getByRole('main');
  await expect(main.getByRole('link', { name: 'Call 999', exact: true })).toHaveAttribute('href', 'tel:999');
  await expect(main.getByRole('link', { name: 'Call 111' })).toHaveAttribute('href', 'tel:111');
  // The registry's note, so "(in England …)" is never left off.
  expect(nhs111.note).toMatch(/option 2 for mental health \(in England/);
  await expect(main.getByText(nhs111.note ?? '', { exact: true })).toBeVisible();
  await expect(main.getByRole('link', { name: 'Call 116 123' })).toHaveAttribute('href', 'tel:116123');
  // exact: the page's own text also links "text SHOUT to 85258" (the directive), in lower case.
  await expect(main.getByRole('link', { name: 'Text SHOUT to 85258', exact: true })).toHaveAttribute(
    'href',
    'sms:85258?body=SHOUT',
  );
  // The page's own words give the same lines, from the registry. (A save once deleted both, as
  // they were in bold: the content gate now refuses that, src/lib/helpline-prose.ts.)
  const samaritans = main.getByRole('listitem').filter({ hasText: 'Samaritans are there to listen' });
  await expect(samaritans.getByRole('link', { name: '116 123', exact: true })).toHaveAttribute('href', 'tel:116123');
  const shout = main.getByRole('listitem').filter({ hasText: 'Shout is a free text service' });
  await expect(shout.getByRole('link', { name: 'text SHOUT to 85258', exact: true })).toHaveAttribute(
    'href',
    'sms:85258?body=SHOUT',
  );
  await expect(main.getByRole('heading', { name: local.name })).toBeVisible();
  await expect(main.getByRole('link', { name: `Call ${local.phone ?? ''}` })).toHaveAttribute(
    'href',
    `tel:${(local.phone ?? '').replace(/\s/g, '')}`,
  );
});

test('ordinary pages ship no JavaScript but the tiny, external `/` search shortcut', async ({ page, request }) => {
  for (const path of ['/', '/urgent-help/', '/about/', '/privacy/']) {
    await page.goto(path);
    const sources = await page
      .locator('script:not([type="application/ld+json"])')
      .evaluateAll((scripts) => scripts.map((script) => script.getAttribute('src')));
    expect(sources.length, path).toBeLessThanOrEqual(1);
    for (const src of sources) {
      // External, so a strict CSP allows it; tiny, so the page stays fast without it.
      expect(src, path).toMatch(/^\/_astro\/[^/]+\.js$/);
      expect((await (await request.get(src ?? '')).body()).length, `${path}: ${src}`).toBeLessThan(1024);
    }
  }
});

test('an unknown address shows a helpful not-found page with the urgent-help link', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Need urgent help?' })).toBeVisible();
});
