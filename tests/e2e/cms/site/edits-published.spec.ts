/**
 * What the editing journeys saved, as visitors meet it on the site rebuilt from the edited content
 * (tests/e2e/cms/site/build.setup.ts): the new A–Z name in the index, the new post with its
 * picture in the news list, the feed and search, and the new phone number in every footer.
 */
import { expect, test } from '../../support/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { telHref } from '../../../../src/lib/contact-links';
import { NEW_OTHER_NAME, NEW_PHONE, POST } from '../edits';
import { builtPages } from '../../../support/built-pages';
import { rebuiltSite, serveRebuiltSite } from '../support';

const file = (path: string) => readFileSync(join(rebuiltSite(), path), 'utf8');

const siteUrl = serveRebuiltSite();

test('the A–Z index lists the new other name, leading to its topic', async ({ page }) => {
  await page.goto(`${siteUrl()}/a-z/`);
  await expect(page.getByText(NEW_OTHER_NAME)).toBeVisible();
});

test('the new post is published with its picture, listed, in the feed and found by search', async ({ page }) => {
  expect(
    readdirSync(join(rebuiltSite(), '_astro')).some((name) => /^park-path\.[\w-]+\.(png|webp|avif)$/.test(name)),
  ).toBe(true);
  await page.goto(`${siteUrl()}/news/${POST.slug}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(POST.title);
  await expect(page.getByRole('img', { name: POST.alt })).toBeVisible();
  await page.goto(`${siteUrl()}/news/`);
  await expect(page.getByRole('link', { name: POST.title })).toHaveAttribute('href', `/news/${POST.slug}/`);
  const rss = file('rss.xml');
  expect(rss).toContain(POST.title);
  expect(rss).toContain(`/news/${POST.slug}/`);
  await page.goto(`${siteUrl()}/search/?q=${encodeURIComponent(POST.title)}`);
  await expect(
    page.getByRole('list', { name: 'Search results' }).getByRole('link', { name: POST.title }),
  ).toBeVisible();
});

test('every page footer shows the new phone number, as text and as a tel: link', () => {
  // The offline page (served by the service worker when the connection is down) has no site footer:
  // it lists the crisis lines alone (docs/visitor-safety.md).
  const pages = builtPages(rebuiltSite()).filter(({ path }) => !path.startsWith('/admin/') && path !== '/offline/');
  expect(pages.length).toBeGreaterThan(5);
  for (const { file: page, path } of pages) {
    // Spaces may be written as non-breaking spaces, so a number never wraps across lines.
    const html = readFileSync(page, 'utf8').replace(/&nbsp;|&#160;|\u00a0/g, ' ');
    // The site footer is the page's last <footer> (articles may have their own, earlier).
    const start = html.lastIndexOf('<footer');
    const footer = start < 0 ? '' : html.slice(start, html.indexOf('</footer>', start));
    expect(footer, `${path} footer`).toContain(NEW_PHONE);
    expect(footer, `${path} footer`).toContain(`href="${telHref(NEW_PHONE)}"`);
  }
});
