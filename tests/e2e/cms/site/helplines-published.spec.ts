/**
 * The helpline number changed in the CMS (tests/e2e/cms/helplines.spec.ts), on the site rebuilt
 * from the edited content: every post that gives it with `:helpline[id]` shows the new number as a
 * tap-to-call link, the feed carries it, and search finds the posts by it.
 */
import { expect, test } from '../../support/test';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { telHref } from '../../../../src/lib/contact-links';
import { NEW_HELPLINE } from '../edits';
import { CONTENT, rebuiltSite, serveRebuiltSite } from '../support';

/** Posts that give the line's number with the directive. */
const posts = readdirSync(join(CONTENT, 'news'))
  .filter((name) => name.endsWith('.md'))
  .filter((name) =>
    readFileSync(join(CONTENT, 'news', name), 'utf8').includes(`:helpline[${NEW_HELPLINE.id}]{show="phone"}`),
  )
  .map((name) => name.replace(/\.md$/, ''));
const published = () => posts.filter((slug) => readdirSync(join(rebuiltSite(), 'news')).includes(slug));

const siteUrl = serveRebuiltSite();

test('every post using the directive shows the new number as a tap-to-call link', async ({ page }) => {
  expect(published().length).toBeGreaterThan(0);
  for (const slug of published()) {
    await page.goto(`${siteUrl()}/news/${slug}/`);
    await expect(
      page.getByRole('main').getByRole('link', { name: NEW_HELPLINE.phone, exact: true }).first(),
      slug,
    ).toHaveAttribute('href', telHref(NEW_HELPLINE.phone));
  }
});

test('the feed carries the new number and never the old one', () => {
  const rss = readFileSync(join(rebuiltSite(), 'rss.xml'), 'utf8');
  expect(rss).toContain(`href=&quot;${telHref(NEW_HELPLINE.phone)}&quot;`);
  expect(rss).not.toContain('tel:116123');
});

test('search finds the pages by the new number, highlighting it', async ({ page }) => {
  await page.goto(`${siteUrl()}/search/?q=${encodeURIComponent(NEW_HELPLINE.phone)}`);
  const status = page.getByRole('status');
  await expect(status).toHaveText(/\d+ results? for/);
  // Every post that gives the number (and other pages, such as urgent help) is found.
  expect(Number(/(\d+) result/.exec(await status.innerText())?.[1])).toBeGreaterThanOrEqual(published().length);
  const first = page.getByRole('list', { name: 'Search results' }).getByRole('listitem').first();
  await expect(first.locator('mark').first()).toHaveText(/^(0808|157|0123)$/);
});
