/**
 * Reading the news: the list and its pages, a category, a post with all its parts, the
 * "Share your thoughts" form, the latest news on the home page, and drafts and future posts
 * kept off the live site. Expectations come from the Markdown files in content/news/.
 */
import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { axeViolations } from './support/axe';
import { categorySlug, hiddenPostFiles, postFile, publishedPostFiles } from './support/news';
import { sitemapPaths } from './support/site';
import { formatUkDate } from '../../src/lib/format';

const PUBLISHED = publishedPostFiles();
const HIDDEN = hiddenPostFiles();
const PAGE_SIZE = 10;

/** The published post at position `i` (newest first); a missing one fails the test clearly. */
function nth(i: number) {
  const post = PUBLISHED[i];
  if (!post) throw new Error(`no published post at position ${String(i)}`);
  return post;
}

/** The headlines listed on a news list page, in order. */
async function listedTitles(page: Page): Promise<string[]> {
  return page.getByRole('region', { name: 'Posts' }).getByRole('heading', { level: 3 }).allTextContents();
}

// Future-dated posts are kept out of the site's content (a test post dated 2030 once showed as the
// latest news under `npm start`); tests/unit/news.test.ts proves they stay hidden until their moment.
test('the content has enough posts to need a second page, and a draft to hide', () => {
  expect(PUBLISHED.length).toBeGreaterThan(PAGE_SIZE);
  expect(HIDDEN.some((post) => post.draft)).toBe(true);
});

test('the news list shows ten posts a page, newest first, with previous and next pages', async ({ page }) => {
  await page.goto('/news/');
  await expect(page.getByRole('heading', { level: 1, name: 'News' })).toBeVisible();
  const first = await listedTitles(page);
  expect(first.map((t) => t.trim())).toEqual(PUBLISHED.slice(0, PAGE_SIZE).map((post) => post.title));
  // Each entry shows its date in UK form.
  await expect(page.getByRole('region', { name: 'Posts' }).locator('time').first()).toHaveText(
    formatUkDate(PUBLISHED[0]?.date ?? new Date(0)),
  );

  await expect(page.locator('head link[rel="next"]')).toHaveAttribute('href', '/news/page/2/');
  await expect(page.locator('head link[rel="prev"]')).toHaveCount(0);
  const pages = page.getByRole('navigation', { name: 'Pages' });
  await expect(pages).toContainText('Page 1 of 2');
  await expect(pages.getByRole('link', { name: 'Newer posts' })).toHaveCount(0);

  await pages.getByRole('link', { name: 'Older posts' }).click();
  await expect(page).toHaveURL(/\/news\/page\/2\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('News: page 2 of 2');
  const second = await listedTitles(page);
  expect(second.map((t) => t.trim())).toEqual(PUBLISHED.slice(PAGE_SIZE).map((post) => post.title));
  await expect(page.locator('head link[rel="prev"]')).toHaveAttribute('href', '/news/');
  await expect(page.locator('head link[rel="next"]')).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Newer posts' }).click();
  await expect(page).toHaveURL(/\/news\/$/);
});

test('a category page lists only that category, with its count and its own feed', async ({ page }) => {
  const category = 'Stories';
  const expected = PUBLISHED.filter((post) => post.category === category);
  await page.goto('/news/');
  const categories = page.getByRole('navigation', { name: 'News categories' });
  await categories.getByRole('link', { name: `${category} (${String(expected.length)})` }).click();
  await expect(page).toHaveURL(new RegExp(`/news/category/${categorySlug(category)}/$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Posts in ${category}`);
  expect((await listedTitles(page)).map((t) => t.trim())).toEqual(expected.map((post) => post.title));
  await expect(
    page.getByRole('navigation', { name: 'News categories' }).getByRole('link', { name: /Stories/ }),
  ).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('head link[rel="alternate"][type="application/rss+xml"]')).toHaveCount(2);
  await expect(
    page.locator(`head link[rel="alternate"][href="/news/category/${categorySlug(category)}/rss.xml"]`),
  ).toHaveCount(1);
  // A category with no posts has no page (nothing to show).
  const counts = await page.getByRole('navigation', { name: 'News categories' }).getByRole('link').allTextContents();
  expect(counts.filter((text) => /\(0\)/.test(text))).toEqual([]);
});

test('a post shows its title, author, dates, category, reading time and hero image', async ({ page }) => {
  const post = postFile('peer-support-during-lockdown');
  await page.goto(`/news/${post.slug}/`);
  const article = page.getByRole('article');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(post.title);
  await expect(page).toHaveTitle(new RegExp(`^${post.title} \\|`));
  await expect(article.getByText(post.author, { exact: true })).toBeVisible();
  const published = article.locator('time').first();
  await expect(published).toHaveText('14 May 2020');
  await expect(published).toHaveAttribute('datetime', post.date.toISOString());
  await expect(article.locator('time').nth(1)).toHaveText('20 May 2020');
  await expect(article.getByRole('link', { name: post.category })).toHaveAttribute(
    'href',
    `/news/category/${categorySlug(post.category)}/`,
  );
  await expect(article.getByText(/^\d+ min read$/)).toBeVisible();

  // Hero: modern formats at several widths, a sizes hint, and a fixed shape so nothing jumps.
  const alt = post.imageAlt ?? 'the post has no imageAlt';
  const hero = article.getByRole('img', { name: alt });
  await expect(hero).toBeVisible();
  await expect(hero).toHaveAttribute('width', /^\d+$/);
  await expect(hero).toHaveAttribute('height', /^\d+$/);
  await expect(hero).toHaveAttribute('sizes', /\S/);
  expect(await hero.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const picture = article.locator('picture').filter({ has: page.getByRole('img', { name: alt }) });
  await expect(picture.locator('source[type="image/avif"]')).toHaveAttribute('srcset', /\s480w,.*\s1600w/);
  await expect(picture.locator('source[type="image/webp"]')).toHaveAttribute('srcset', /\s480w,.*\s1600w/);
  const chosen = await hero.evaluate((img: HTMLImageElement) => img.currentSrc);
  expect(chosen).toMatch(/\.avif$/);

  // Link previews and structured data use the same hero image.
  const ogImage = await page.locator('meta[property="og:image"]').getAttribute('content');
  expect(ogImage).toMatch(/\/_astro\/lockdown-peer-support\.[^/]+\.jpe?g$/);
  await expect(page.locator('meta[property="og:image:alt"]')).toHaveAttribute('content', post.imageAlt ?? '');
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
  const response = await page.request.get(new URL(ogImage ?? '').pathname);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('image/jpeg');
  const blocks = await page
    .locator('script[type="application/ld+json"]')
    .evaluateAll((scripts) =>
      scripts.map((script) => JSON.parse(script.textContent ?? '{}') as Record<string, unknown>),
    );
  const jsonLd = blocks.find((block) => block['@type'] === 'NewsArticle');
  expect(jsonLd).toMatchObject({
    '@type': 'NewsArticle',
    headline: post.title,
    datePublished: post.date.toISOString(),
    dateModified: post.updated?.toISOString(),
    author: { '@type': 'Person', name: post.author },
    image: [ogImage],
    articleSection: post.category,
  });
});

test('a post links to the older and newer posts, three related posts and recent posts', async ({ page }) => {
  const index = PUBLISHED.findIndex((p) => p.slug === 'peer-support-during-lockdown');
  const post = nth(index);
  await page.goto(`/news/${post.slug}/`);
  const nav = page.getByRole('navigation', { name: 'Older and newer posts' });
  await expect(nav.getByRole('link', { name: nth(index + 1).title })).toHaveAttribute(
    'href',
    `/news/${nth(index + 1).slug}/`,
  );
  await nav.getByRole('link', { name: nth(index - 1).title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(nth(index - 1).title);
  await page.goBack();

  const related = page.getByRole('region', { name: 'Related posts' }).getByRole('link');
  await expect(related).toHaveCount(3);
  // Every related post shares the category or a tag with this one.
  for (const title of await related.allTextContents()) {
    const other = PUBLISHED.find((p) => p.title === title.trim());
    expect(other, title).toBeDefined();
    const shares = other?.category === post.category || (other?.tags ?? []).some((tag) => post.tags.includes(tag));
    expect(shares, title).toBe(true);
  }
  const recent = page.getByRole('region', { name: 'Recent posts' }).getByRole('link');
  await expect(recent.first()).toHaveText(nth(0).title);
  await expect(recent.filter({ hasText: post.title })).toHaveCount(0);
});

test('a content warning is shown before the hero image and the body of the post', async ({ page }) => {
  const post = PUBLISHED.find((p) => p.contentWarning && p.imageAlt);
  if (!post?.contentWarning || !post.imageAlt) throw new Error('no published post with a content warning and an image');
  await page.goto(`/news/${post.slug}/`);
  const warning = page.getByRole('complementary', { name: 'Content warning' });
  await expect(warning).toContainText(post.contentWarning);
  await expect(warning.getByRole('link', { name: 'urgent help' })).toHaveAttribute('href', '/urgent-help/');
  // It comes before the hero image and the body, in case either is upsetting.
  const warningBox = await warning.boundingBox();
  const heroBox = await page.getByRole('img', { name: post.imageAlt }).boundingBox();
  const bodyBox = await page.getByRole('article').getByRole('heading', { level: 2 }).nth(1).boundingBox();
  expect(warningBox?.y ?? Infinity).toBeLessThan(heroBox?.y ?? 0);
  expect(warningBox?.y ?? Infinity).toBeLessThan(bodyBox?.y ?? 0);
  // And a post without one has no warning.
  await page.goto('/news/peer-support-during-lockdown/');
  await expect(page.getByRole('complementary', { name: 'Content warning' })).toHaveCount(0);
});

test('"Share your thoughts" is a plain Netlify form that works without JavaScript', async ({ browser, request }) => {
  const slug = 'peer-support-during-lockdown';
  // Netlify finds forms by reading the built HTML, so the markup must be in the page itself.
  const html = await (await request.get(`/news/${slug}/`)).text();
  expect(html).toMatch(/<form[^>]*data-netlify="true"/);

  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/news/${slug}/`);
  const section = page.getByRole('region', { name: 'Share your thoughts about this post' });
  await expect(section).toContainText('We do not publish them');
  await expect(section).toContainText('This form is not for emergencies.');
  await expect(section.getByRole('link', { name: 'urgent help' })).toHaveAttribute('href', '/urgent-help/');
  const form = section.locator('form');
  await expect(form).toHaveAttribute('method', 'post');
  await expect(form).toHaveAttribute('action', '/news/thank-you/');
  await expect(form).toHaveAttribute('data-netlify', 'true');
  await expect(form).toHaveAttribute('netlify-honeypot', 'bot-field');
  await expect(form.locator('input[type="hidden"][name="form-name"]')).toHaveValue(
    (await form.getAttribute('name')) ?? 'missing',
  );
  await expect(form.locator('input[type="hidden"][name="post"]')).toHaveValue(slug);
  await expect(form.locator('input[name="bot-field"]')).toBeHidden();
  const name = section.getByLabel('Your name (optional)');
  await expect(name).toBeVisible();
  await expect(name).not.toHaveAttribute('required');
  const message = section.getByLabel('Your message');
  await expect(message).toHaveAttribute('required');
  // With an empty message the browser itself refuses to send the form.
  await section.getByRole('button', { name: 'Send your thoughts' }).click();
  await expect(page).toHaveURL(new RegExp(`/news/${slug}/$`));
  expect(await message.evaluate((el: HTMLTextAreaElement) => el.validity.valueMissing)).toBe(true);
  // The post adds no JavaScript: the only script is the site-wide `/` search shortcut, an external file.
  const sources = await page
    .locator('script:not([type="application/ld+json"])')
    .evaluateAll((scripts) => scripts.map((script) => script.getAttribute('src')));
  expect(sources).toHaveLength(1);
  expect(sources[0]).toMatch(/^\/_astro\/.+\.js$/);
  await context.close();
});

test('the thank-you page is kept out of search engines and the sitemap', async ({ page }) => {
  await page.goto('/news/thank-you/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thank you for your thoughts');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
  await expect(page.getByRole('main').getByRole('link', { name: 'urgent help' })).toHaveAttribute(
    'href',
    '/urgent-help/',
  );
  expect(sitemapPaths()).not.toContain('/news/thank-you/');
  // Not in the sitemap, so the site-wide axe sweep does not reach it: check it here.
  expect(await axeViolations(page)).toEqual([]);
});

test('news pages fit a 320 px wide screen without sideways scrolling', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  for (const path of ['/news/', '/news/category/stories/', '/news/peer-support-during-lockdown/']) {
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
  await context.close();
});

test('the home page shows the latest three posts', async ({ page }) => {
  await page.goto('/');
  const latest = page.getByRole('region', { name: 'Latest news' });
  await expect(latest.getByRole('heading', { level: 3 })).toHaveText(PUBLISHED.slice(0, 3).map((post) => post.title));
  await latest.getByRole('link', { name: nth(0).title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(nth(0).title);
});

test('every page has the news feed in its head for feed readers', async ({ page }) => {
  for (const path of ['/', '/news/', '/urgent-help/']) {
    await page.goto(path);
    await expect(page.locator('head link[rel="alternate"][type="application/rss+xml"][href="/rss.xml"]')).toHaveCount(
      1,
    );
  }
});

test('drafts and future posts are not on the live site', async ({ page, request }) => {
  const sitemap = sitemapPaths();
  const listed: string[] = [];
  for (const path of ['/news/', '/news/page/2/', '/']) {
    await page.goto(path);
    listed.push(...(await page.getByRole('main').getByRole('link').allTextContents()).map((t) => t.trim()));
  }
  for (const post of HIDDEN) {
    expect((await request.get(`/news/${post.slug}/`)).status(), post.slug).toBe(404);
    expect(sitemap, post.slug).not.toContain(`/news/${post.slug}/`);
    expect(listed, post.slug).not.toContain(post.title);
    await page.goto(`/news/category/${categorySlug(post.category)}/`);
    await expect(page.getByRole('link', { name: post.title })).toHaveCount(0);
  }
  // Every published post is in the sitemap.
  for (const post of PUBLISHED) expect(sitemap, post.slug).toContain(`/news/${post.slug}/`);
});
