/**
 * The mental health A–Z: finding a topic by letter, by another name, or with the filter (and the
 * full index without JavaScript); then a topic page with its urgent-help card, review dates,
 * related content, and a clean printout.
 */
import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { join } from 'node:path';
import { markdownEntries } from '../support/files';
import { letterOf } from '../../src/lib/a-z-index';

const CONTENT = process.env['CONTENT_DIR'] ?? 'content';

/** The published topics, read from the content folder the site was built from. */
const TOPICS = markdownEntries(join(CONTENT, 'a-z')).map(({ slug, data }) => ({
  slug,
  ...(data as { title: string; alsoKnownAs?: string[]; urgent?: boolean }),
}));

/** The list of topics and other names, below the filter. */
const list = (page: Page) => page.getByRole('main').locator('[data-az-section]');

test.describe('the A–Z index', () => {
  test('every letter is shown; letters with topics jump to their section, empty ones are not links', async ({
    page,
  }) => {
    await page.goto('/a-z/');
    await expect(page.getByRole('heading', { level: 1, name: 'Mental health A–Z' })).toBeVisible();
    const letters = page.getByRole('navigation', { name: 'A to Z letters' });
    const used = new Set(TOPICS.flatMap((t) => [t.title, ...(t.alsoKnownAs ?? [])]).map(letterOf));
    expect(used.size).toBeLessThan(26); // the content has empty letters, so this test means something
    for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
      if (used.has(letter)) {
        await expect(letters.getByRole('link', { name: letter, exact: true })).toBeVisible();
      } else {
        await expect(letters.getByRole('link', { name: letter, exact: true })).toHaveCount(0);
        await expect(letters.getByText(`${letter} (no topics)`, { exact: true })).toBeVisible();
      }
    }

    const last =
      [...used]
        .filter((l) => l.length === 1)
        .sort()
        .at(-1) ?? 'A';
    await letters.getByRole('link', { name: last, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`#letter-${last.toLowerCase()}$`));
    const section = page.getByRole('region', { name: last, exact: true });
    await expect(section.getByRole('heading', { level: 2, name: last, exact: true })).toBeInViewport();
    await section.getByRole('link', { name: 'Back to top' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
  });

  test('each topic is listed with its summary, and another name leads to its topic', async ({ page }) => {
    await page.goto('/a-z/');
    await expect(list(page).getByRole('link', { name: 'Depression', exact: true })).toBeVisible();
    await expect(list(page).getByText('A low mood that lasts for weeks or longer')).toBeVisible();
    // Listed under its own letter, M, not under B.
    const synonym = page
      .getByRole('region', { name: 'M', exact: true })
      .getByRole('link', { name: 'Manic depression — see Bipolar disorder' });
    await synonym.click();
    await expect(page).toHaveURL(/\/a-z\/bipolar-disorder\/$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Bipolar disorder' })).toBeVisible();
    await expect(page.getByText('Also known as: Manic depression')).toBeVisible();
  });

  test('the filter narrows the list as you type and says how many topics match', async ({ page }) => {
    await page.goto('/a-z/');
    const filter = page.getByLabel('Filter the A–Z');
    const status = page.getByRole('status');

    // Another name finds the topic that lists it, and hides letters with nothing left. (Plain
    // "manic" would also find postpartum psychosis, whose search terms say "manic after baby".)
    await filter.fill('manic depression');
    await expect(status).toHaveText('1 topic matches');
    await expect(list(page).getByRole('link', { name: 'Bipolar disorder', exact: true })).toBeVisible();
    await expect(list(page).getByRole('link', { name: 'Manic depression — see Bipolar disorder' })).toBeVisible();
    await expect(list(page).getByRole('link', { name: 'Depression', exact: true })).toBeHidden();
    await expect(page.getByRole('heading', { level: 2, name: 'A', exact: true })).toBeHidden();

    // A broader word: the number announced is the number of different topics shown.
    await filter.fill('voices');
    await expect(status).toHaveText(/^\d+ topics match$/);
    const hrefs = await list(page)
      .getByRole('link')
      .filter({ visible: true })
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')).filter((h) => h?.startsWith('/a-z/')));
    expect(await status.textContent()).toBe(`${new Set(hrefs).size} topics match`);
    await expect(list(page).getByRole('link', { name: 'Hearing voices', exact: true })).toBeVisible();

    await filter.fill('qqqq');
    await expect(status).toHaveText(/^No topics match/);
    await expect(list(page).filter({ visible: true })).toHaveCount(0);

    await filter.fill('');
    await expect(status).toHaveText('');
    await expect(list(page).getByRole('link', { name: 'Depression', exact: true })).toBeVisible();
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('there is no filter box, and the full index is there', async ({ page }) => {
      await page.goto('/a-z/');
      await expect(page.getByRole('heading', { level: 1, name: 'Mental health A–Z' })).toBeVisible();
      await expect(page.getByLabel('Filter the A–Z')).toBeHidden();
      for (const topic of TOPICS) {
        await expect(list(page).getByRole('link', { name: topic.title, exact: true })).toBeVisible();
      }
      await expect(list(page).getByRole('link', { name: 'Manic depression — see Bipolar disorder' })).toBeVisible();
    });
  });

  test('its scripts (the filter and the site-wide `/` shortcut) are external files, none inline', async ({ page }) => {
    await page.goto('/a-z/');
    const sources = await page
      .locator('script:not([type="application/ld+json"])')
      .evaluateAll((scripts) => scripts.map((script) => script.getAttribute('src')));
    expect(sources).toHaveLength(2);
    for (const src of sources) expect(src).toMatch(/^\/_astro\/.+\.js$/);
  });
});

test.describe('a topic page', () => {
  // Which topics carry the card is checked on every topic's built HTML (tests/site/html.test.ts);
  // here, on one urgent topic, that a reader sees it first and it calls 999.
  test('an urgent topic shows the urgent-help card before the contents', async ({ page }) => {
    const topic = TOPICS.find((t) => t.urgent);
    expect(topic, 'an urgent topic').toBeDefined();
    await page.goto(`/a-z/${topic?.slug ?? ''}/`);
    const card = page.getByRole('complementary', { name: 'If you need help now' });
    await expect(card).toBeVisible();
    await expect(card.getByRole('link', { name: 'call 999' })).toHaveAttribute('href', 'tel:999');
    const cardBox = await card.boundingBox();
    const contentsBox = await page.getByRole('navigation', { name: 'On this page' }).boundingBox();
    expect(cardBox && contentsBox && cardBox.y < contentsBox.y).toBe(true);
  });

  test('a topic that is not urgent shows no urgent-help card', async ({ page }) => {
    const calm = TOPICS.find((t) => !t.urgent);
    await page.goto(`/a-z/${calm?.slug ?? ''}/`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('complementary', { name: 'If you need help now' })).toHaveCount(0);
  });

  test('the contents list jumps to each section of the page', async ({ page }) => {
    await page.goto('/a-z/anxiety/');
    const contents = page.getByRole('navigation', { name: 'On this page' });
    await contents.getByRole('link', { name: 'What can help' }).click();
    await expect(page).toHaveURL(/#what-can-help$/);
    await expect(page.getByRole('heading', { level: 2, name: 'What can help' })).toBeInViewport();
  });

  test('review dates are shown at the bottom, three years on when no next date is set', async ({ page }) => {
    await page.goto('/a-z/bipolar-disorder/');
    await expect(
      page.getByText('Page last reviewed: 12 March 2026. Next review due: 12 March 2029.', { exact: true }),
    ).toBeVisible();
    // Who checked the facts (a role) and where they came from, on the page and for search engines.
    await expect(page.getByText('Reviewed by: Clinical adviser.', { exact: true })).toBeVisible();
    const sources = page.getByRole('list', { name: 'Sources' });
    await expect(sources.getByRole('link', { name: 'NHS – Bipolar disorder' })).toHaveAttribute(
      'href',
      'https://www.nhs.uk/mental-health/conditions/bipolar-disorder/',
    );
    const bipolarLd = (await page.locator('script[type="application/ld+json"]').allTextContents())
      .map((text) => JSON.parse(text) as { '@type'?: string; reviewedBy?: { jobTitle?: string }; citation?: unknown[] })
      .find((data) => data['@type'] === 'MedicalWebPage');
    expect(bipolarLd?.reviewedBy?.jobTitle).toBe('Clinical adviser');
    expect(bipolarLd?.citation?.length).toBeGreaterThan(0);
    // A topic whose editor set the next review date by hand.
    await page.goto('/a-z/anger/');
    // The title says it is the A–Z topic, so it never clashes with a general page of the same name.
    await expect(page).toHaveTitle(/^Anger \(A–Z\) \| /);
    await expect(
      page.getByText('Page last reviewed: 1 February 2024. Next review due: 20 January 2027.', { exact: true }),
    ).toBeVisible();
    const blocks = await page
      .locator('script[type="application/ld+json"]')
      .evaluateAll((scripts) =>
        scripts.map((script) => JSON.parse(script.textContent ?? '{}') as Record<string, unknown>),
      );
    const jsonLd = blocks.find((block) => block['@type'] === 'MedicalWebPage');
    expect(jsonLd).toMatchObject({ '@type': 'MedicalWebPage', lastReviewed: '2024-02-01', about: { name: 'Anger' } });
  });

  test('related topics, services, news and further help link to the right places', async ({ page }) => {
    await page.goto('/a-z/bipolar-disorder/');
    const services = page.getByRole('region', { name: 'Our services that may help' });
    await expect(services.getByRole('link', { name: 'Fernley Peer Support Group' })).toHaveAttribute(
      'href',
      '/services/fernley-peer-support-group/',
    );
    const news = page.getByRole('region', { name: 'Related news' });
    await expect(news.getByRole('link').first()).toHaveAttribute('href', /^\/news\/[a-z0-9-]+\/$/);
    const help = page.getByRole('region', { name: 'Further help' });
    await expect(help.getByRole('link', { name: 'Bipolar UK' })).toHaveAttribute('href', 'https://www.bipolaruk.org/');
    await expect(help.getByRole('link', { name: 'Call 116 123' })).toHaveAttribute('href', 'tel:116123');

    await page.getByRole('region', { name: 'Related topics' }).getByRole('link', { name: 'Psychosis' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Psychosis' })).toBeVisible();
  });

  test('related news leaves out drafts', async ({ page }) => {
    await page.goto('/a-z/peer-support/');
    const news = page.getByRole('region', { name: 'Related news' });
    await expect(news.getByRole('link')).toHaveCount(3);
    await expect(news.getByRole('link', { name: /DRAFT/ })).toHaveCount(0);
  });

  test('prints as a clean handout: no header, navigation or footer, and links show their address', async ({ page }) => {
    await page.goto('/a-z/self-harm/');
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('heading', { level: 1, name: 'Self-harm' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Need urgent help?' })).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'On this page' })).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toBeHidden();
    await expect(page.getByRole('contentinfo')).toBeHidden();
    await expect(page.getByRole('complementary', { name: 'If you need help now' })).toBeVisible();
    const link = page.getByRole('region', { name: 'Further help' }).getByRole('link', { name: 'NHS – Self-harm' });
    const after = await link.evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toContain('https://www.nhs.uk/mental-health/conditions/self-harm/');
  });
});
