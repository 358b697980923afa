/**
 * "Help us improve this page" on A–Z topics, and the link to "How we write our health information"
 * beside the review dates. The built site is served by the local Netlify stand-in
 * (tests/harness/netlify-server.ts), which receives form posts as Netlify Forms would
 * (tests/harness/netlify-forms.ts), so a reader's answer is followed from the page, with
 * JavaScript switched off, to what the charity would find in Netlify's Forms list.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Browser } from '@playwright/test';
import { DIST, builtPages } from '../support/built-pages';
import { startNetlifyServer, type RunningServer } from '../harness/netlify-server';
import { A_Z_FEEDBACK_FORM, A_Z_FEEDBACK_THANKS, HOW_WE_WRITE_PAGE } from '../../src/config';
import { axeViolations } from './support/axe';
import { sitemapPaths } from './support/site';

let site: RunningServer;
test.beforeAll(async () => {
  site = await startNetlifyServer(DIST, 'netlify.toml');
});
test.afterAll(async () => {
  await site.close();
});

const SLUG = 'depression';
const HOW_WE_WRITE_PATH = `/about/${HOW_WE_WRITE_PAGE}/`;

/** A page with JavaScript switched off, as some readers have it. */
async function pageWithoutJavaScript(browser: Browser) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  return { context, page: await context.newPage() };
}

test('a reader sends "No" and what was missing, with no JavaScript, and Netlify keeps just that', async ({
  browser,
}) => {
  const { context, page } = await pageWithoutJavaScript(browser);
  await page.goto(`${site.url}/a-z/${SLUG}/`);
  const section = page.getByRole('region', { name: 'Help us improve this page' });
  await expect(section).toContainText('This form is not a way to get help.');
  await expect(section.getByRole('link', { name: 'urgent help' })).toHaveAttribute('href', '/urgent-help/');

  const form = section.locator('form');
  await expect(form).toHaveAttribute('method', 'post');
  await expect(form).toHaveAttribute('action', A_Z_FEEDBACK_THANKS);
  await expect(form).toHaveAttribute('data-netlify', 'true');
  await expect(form).toHaveAttribute('netlify-honeypot', 'bot-field');
  await expect(form.locator('input[name="bot-field"]')).toBeHidden();
  // No personal data asked for: these are all the fields there are.
  const fieldNames = await form
    .locator('input, textarea, select')
    .evaluateAll((fields) => [...new Set(fields.map((field) => field.getAttribute('name')))]);
  expect(fieldNames.sort()).toEqual(['bot-field', 'form-name', 'missing', 'topic', 'useful']);

  const useful = section.getByRole('group', { name: 'Was this page useful?' });
  await useful.getByRole('radio', { name: 'No' }).check();
  await section.getByLabel('What was missing or wrong? (optional)').fill('Nothing about sleep and low mood.');
  await section.getByRole('button', { name: 'Send feedback' }).click();

  await expect(page).toHaveURL(`${site.url}${A_Z_FEEDBACK_THANKS}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thank you for your feedback');
  await expect(page.getByRole('main').getByRole('link', { name: 'urgent help' })).toHaveAttribute(
    'href',
    '/urgent-help/',
  );
  expect(site.submissions).toContainEqual({
    form: A_Z_FEEDBACK_FORM,
    path: A_Z_FEEDBACK_THANKS,
    data: { 'form-name': A_Z_FEEDBACK_FORM, topic: SLUG, useful: 'no', missing: 'Nothing about sleep and low mood.' },
  });
  await context.close();
});

test('without a yes or no, the browser itself keeps the form from being sent', async ({ browser }) => {
  const { context, page } = await pageWithoutJavaScript(browser);
  await page.goto(`${site.url}/a-z/anxiety/`);
  const section = page.getByRole('region', { name: 'Help us improve this page' });
  const before = site.submissions.length;
  await section.getByRole('button', { name: 'Send feedback' }).click();
  await expect(page).toHaveURL(`${site.url}/a-z/anxiety/`);
  const yes = section.getByRole('radio', { name: 'Yes' });
  expect(await yes.evaluate((input: HTMLInputElement) => input.validity.valueMissing)).toBe(true);
  expect(site.submissions).toHaveLength(before);
  await context.close();
});

test('an answer with the honeypot filled in is dropped, and the sender still sees the thank-you page', async ({
  request,
}) => {
  const before = site.submissions.length;
  const response = await request.post(`${site.url}${A_Z_FEEDBACK_THANKS}`, {
    form: { 'form-name': A_Z_FEEDBACK_FORM, topic: SLUG, useful: 'yes', missing: 'spam', 'bot-field': 'x' },
  });
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain('Thank you for your feedback');
  expect(site.submissions).toHaveLength(before);
});

// Axe runs inside the page, so these pages keep JavaScript on; the form's markup is the same.
test('the thank-you page passes axe', async ({ page }) => {
  // Topics, with the form, are in the site-wide axe sweep (accessibility.spec.ts); the thank-you
  // page is not in the sitemap, so the sweep does not reach it.
  await page.goto(`${site.url}${A_Z_FEEDBACK_THANKS}`);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
  expect(await axeViolations(page)).toEqual([]);
  expect(sitemapPaths()).not.toContain(A_Z_FEEDBACK_THANKS);
});

test('beside the review dates, a topic names the reviewer’s role and links to how we write', async ({ page }) => {
  await page.goto(`${site.url}/a-z/${SLUG}/`);
  const review = page.locator('footer.review');
  await expect(review).toContainText('Reviewed by: Clinical adviser.');
  await review.getByRole('link', { name: 'How we write our health information' }).click();
  await expect(page).toHaveURL(`${site.url}${HOW_WE_WRITE_PATH}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('How we write our health information');
  await expect(page.getByRole('heading', { name: 'How to tell us about a mistake' })).toBeVisible();
});

// Every topic, checked in its HTML (no browser needed): the form for this topic, and the link.
const TOPICS = builtPages().filter(({ path }) => /^\/a-z\/[^/]+\/$/.test(path) && path !== A_Z_FEEDBACK_THANKS);
test('every A–Z topic is checked here', () => {
  expect(TOPICS.length).toBeGreaterThanOrEqual(77);
});
for (const { file, path } of TOPICS) {
  test(`${path} has the feedback form for itself and the "how we write" link`, () => {
    const html = readFileSync(file, 'utf8');
    const slug = path.split('/')[2] ?? '';
    expect(html).toMatch(new RegExp(`<form[^>]*name="${A_Z_FEEDBACK_FORM}"[^>]*data-netlify="true"`));
    expect(html).toContain(`<input type="hidden" name="topic" value="${slug}"`);
    expect(html).toContain(`href="${HOW_WE_WRITE_PATH}"`);
  });
}
