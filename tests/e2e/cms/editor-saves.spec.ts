/**
 * Saves in the real editor change only what the editor changed. For one entry of every collection,
 * the editor types a letter and deletes it again in the first text box and in the rich-text body
 * (so Decap rewrites the whole file: front matter and body, as it does after any real edit), then
 * publishes: the file must stay byte for byte as committed in content/. A one-word edit of an A–Z
 * topic with helpline directives must change exactly one line. The lists must be easy to scan.
 *
 * This file runs before helplines.spec.ts and settings.spec.ts (Playwright runs files in name
 * order with one worker), so the entries it saves are still as committed.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../support/build';
import { CONTENT, entryFiles, publishNow, readData, signIn } from './support';

// Editors are in the UK: Decap formats list dates in the browser's time zone.
test.use({ timezoneId: 'Europe/London' });

/** One entry of each collection, the box the editor touches, and whether it has a Markdown body. */
const ENTRIES = [
  {
    collection: 'news',
    slug: 'peer-support-during-lockdown',
    file: 'news/peer-support-during-lockdown.md',
    box: 'Title',
  },
  { collection: 'a-z', slug: 'self-harm', file: 'a-z/self-harm.md', box: 'Title' },
  {
    collection: 'services',
    slug: 'millbrook-peer-support-group',
    file: 'services/millbrook-peer-support-group.md',
    box: 'Title',
  },
  { collection: 'values', slug: 'hope', file: 'values/hope.md', box: 'Title' },
  { collection: 'pages', slug: 'about', file: 'pages/about.md', box: 'Title' },
  { collection: 'helplines', slug: 'shout', file: 'helplines/shout.yaml', box: 'Name', body: false },
  { collection: 'settings', slug: 'site', file: 'settings/site.yaml', box: 'Charity name', body: false },
] as const;

/** The file as committed (the content copy starts as a copy of content/). */
function committed(file: string): string {
  return readFileSync(join(ROOT, 'content', file), 'utf8');
}

/** Opens an entry in the editor by its address. */
async function openEntry(page: Page, collection: string, slug: string): Promise<void> {
  await signIn(page);
  await page.goto(`/admin/#/collections/${collection}/entries/${slug}`);
}

/** Types a letter and deletes it: the value ends as it began, but Decap counts the entry as changed. */
async function typeAndUndo(page: Page): Promise<void> {
  await page.keyboard.type('x');
  await page.keyboard.press('Backspace');
}

for (const entry of ENTRIES) {
  test(`saving ${entry.file} without a change leaves the file exactly as committed`, async ({ page }) => {
    await openEntry(page, entry.collection, entry.slug);
    const box = page.getByLabel(entry.box, { exact: true });
    await expect(box).not.toHaveValue('');
    await box.press('End');
    await typeAndUndo(page);
    if (!('body' in entry)) {
      // The rich-text editor writes the whole body again once anything in it changes.
      const body = page.locator('[data-slate-editor="true"]');
      await body.click();
      await page.keyboard.press('Control+End');
      await typeAndUndo(page);
    }
    await publishNow(page);
    await expect(page.getByText('Entry saved')).toBeVisible();
    expect(readFileSync(join(CONTENT, entry.file), 'utf8')).toBe(committed(entry.file));
  });
}

test('a one-word edit of an A–Z topic with helplines changes one line', async ({ page }) => {
  const file = 'a-z/panic-attacks.md';
  const before = committed(file);
  expect(before).toMatch(/:helpline\[[a-z0-9-]+\]/);
  const oldLine = 'A panic attack can be very frightening.';
  const newLine = 'Sometimes a panic attack can be very frightening.';
  expect(before.split('\n').filter((line) => line.startsWith(oldLine))).toHaveLength(1);

  await openEntry(page, 'a-z', 'panic-attacks');
  const body = page.locator('[data-slate-editor="true"]');
  await body.click();
  // The body's first word, "A", becomes "Sometimes a".
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.type('Sometimes a');
  await publishNow(page);
  await expect(page.getByText('Entry saved')).toBeVisible();

  const after = readFileSync(join(CONTENT, file), 'utf8').split('\n');
  const lines = before.split('\n');
  expect(after).toHaveLength(lines.length);
  const changed = lines.flatMap((line, i) => (line === after[i] ? [] : [[line, after[i]]]));
  expect(changed).toEqual([[lines.find((line) => line.startsWith(oldLine)), expect.stringMatching(/^Sometimes a /)]]);
  expect(after.join('\n')).toBe(before.replace(oldLine, newLine));
});

/** "20 Jan 2025": a date as the editor's lists show it, on the London calendar. */
function listDate(value: unknown): string {
  const date = value instanceof Date ? value : new Date(String(value));
  const part = (type: string) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'numeric', year: 'numeric' })
      .formatToParts(date)
      .find((p) => p.type === type)?.value ?? '';
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${part('day')} ${months[Number(part('month')) - 1] ?? ''} ${part('year')}`;
}

test('the news list opens newest first, with readable dates', async ({ page }) => {
  const posts = entryFiles('news')
    .map((name) => readData(join(CONTENT, 'news', name)))
    .sort(
      (a, b) =>
        new Date(String(b['date'] instanceof Date ? b['date'].toISOString() : b['date'])).getTime() -
        new Date(String(a['date'] instanceof Date ? a['date'].toISOString() : a['date'])).getTime(),
    );
  const expected = posts.slice(0, 3).map((post) => `${String(post['title'])} (${listDate(post['date'])})`);

  await signIn(page);
  await page.getByRole('link', { name: 'News', exact: true }).click();
  const rows = page.getByRole('link', { name: / \(\d{1,2} [A-Z][a-z]{2} \d{4}\)$/ });
  await expect(rows.first()).toBeVisible();
  expect((await rows.allTextContents()).slice(0, 3).map((text) => text.trim())).toEqual(expected);
});

test('the A–Z list opens in title order, showing when each topic was last reviewed', async ({ page }) => {
  const topics = entryFiles('a-z').map((name) => readData(join(CONTENT, 'a-z', name)));
  const titles = topics.map((topic) => String(topic['title'])).sort();
  const first = topics.find((topic) => topic['title'] === titles[0]) ?? {};
  const expectedFirst = `${String(first['title'])} – reviewed ${listDate(first['lastReviewed'])} by ${String(first['reviewedBy'])}`;

  await signIn(page);
  await page.getByRole('link', { name: 'Mental health A–Z' }).click();
  const rows = page.getByRole('link', { name: / – reviewed \d{1,2} [A-Z][a-z]{2} \d{4} by / });
  await expect(rows.first()).toHaveText(expectedFirst);
  const shown = (await rows.allTextContents()).map((text) => text.replace(/ – reviewed .*$/, '').trim());
  expect(shown.slice(0, 5)).toEqual(titles.slice(0, 5));
});
