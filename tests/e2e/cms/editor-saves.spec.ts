/**
 * Saves in the real editor change only what the editor changed. Decap writes the whole file on
 * every save (front matter through its YAML writer; the body through its rich-text serialiser once
 * the body has been edited), so for one entry of every collection the editor adds a word to the
 * name or title and to the end of the body and publishes: exactly those lines must change. For an
 * A–Z topic (a body with helpline chips) and a YAML file entry they then take the words out again
 * and publish: the file must be byte for byte as committed (an empty `git diff`). Decap offers no
 * Publish for an entry whose data equals what was loaded (decap-cms-core reducers/entryDraft.js sets
 * `hasChanged` by comparing with the stored entry), so a save with no change at all cannot happen;
 * the second save is the nearest to it. That every other file is already in the form Decap writes
 * is checked for all content by tests/content/content-format.test.ts, with Decap's own serialisers;
 * the other entries are put back from the committed file, which saves a second opening and save of
 * each on CI's two cores. A one-word edit of an A–Z topic with helpline directives must change
 * exactly one line. The lists must be easy to scan.
 *
 * This file runs before helplines.spec.ts and settings.spec.ts (Playwright runs files in name
 * order with one worker), so the entries it saves are still as committed.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../support/build';
import { clickAtEnd, CONTENT, entryFiles, publishNow, readData, signIn, test, openFromList } from './support';

/** One entry of each collection, and its short text field (label in the editor, key in the file). */
const ENTRIES = [
  { collection: 'news', slug: 'peer-support-during-lockdown', ext: 'md', label: 'Title', key: 'title', undo: false },
  { collection: 'a-z', slug: 'self-harm', ext: 'md', label: 'Title', key: 'title', undo: true },
  {
    collection: 'services',
    slug: 'millbrook-peer-support-group',
    ext: 'md',
    label: 'Name',
    key: 'title',
    undo: false,
  },
  { collection: 'values', slug: 'hope', ext: 'md', label: 'Name', key: 'title', undo: false },
  // The urgent-help page: its text names four helplines, two of them in a list (a save once lost
  // those two, src/lib/helpline-prose.ts), and only the edited lines may change.
  { collection: 'pages', slug: 'urgent-help', ext: 'md', label: 'Title', key: 'title', undo: false },
  { collection: 'helplines', slug: 'shout', ext: 'yaml', label: 'Name', key: 'name', undo: false },
  { collection: 'settings', slug: 'site', ext: 'yaml', label: 'Charity name', key: 'charityName', undo: true },
] as const;

/** The word each journey adds. */
const WORD = ' again';

/** The file as committed (the content copy starts as a copy of content/). */
function committed(file: string): string {
  return readFileSync(join(ROOT, 'content', file), 'utf8');
}

/** The file as the editor left it in the content copy. */
function saved(file: string): string {
  return readFileSync(join(CONTENT, file), 'utf8');
}

/** Signs in, then opens an entry by its address. */
async function openEntry(page: Page, collection: string, slug: string): Promise<void> {
  await signIn(page);
  await page.goto(`/admin/#/collections/${collection}/entries/${slug}`);
}

/**
 * Puts the cursor at the end of the rich-text body, as a person does: a click just after its last
 * character. (Control+End stops short when the body holds a helpline chip, an inline element the
 * browser cannot put the cursor in.) `last` is the text the body ends with once Decap has drawn it.
 */
async function toEndOfBody(page: Page, last: string): Promise<void> {
  const body = page.locator('[data-slate-editor="true"]');
  await expect(body).toContainText(last);
  await clickAtEnd(body);
  await page.keyboard.press('End');
}

/** The last words of a Markdown body, as the editor shows them (a helpline chip ends with its own words). */
function lastWords(text: string): string {
  const line = text.trimEnd().split('\n').at(-1) ?? '';
  return line
    .replace(/.*\}/, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .trim()
    .slice(-12);
}

/**
 * Deletes the added word before the cursor, key by key. In a text box, each key waits for the box
 * to show the letter gone, as a person watching would: Decap's boxes are React-controlled, and on a
 * busy machine a key pressed before the box has drawn the last one's change can be lost (seen once
 * in CI: "…Health " left after six keys).
 */
async function deleteWord(page: Page, box?: Locator): Promise<void> {
  for (let i = 0; i < WORD.length; i += 1) {
    const shown = box ? await box.inputValue() : undefined;
    await page.keyboard.press('Backspace');
    if (box && shown !== undefined) await expect(box).toHaveValue(shown.slice(0, -1));
  }
}

type Entry = (typeof ENTRIES)[number];

/** The entry's file, as the content folder holds it. */
const fileOf = (entry: Entry) => `${entry.collection}/${entry.slug}.${entry.ext}`;

/**
 * In the open entry, adds the word to the name or title and (with a body) to the end of the body,
 * publishes, and checks that exactly those lines of the file changed. Returns the file as it was.
 */
async function addWordAndSave(page: Page, entry: Entry): Promise<string> {
  const file = fileOf(entry);
  const before = committed(file);
  const box = page.getByLabel(entry.label, { exact: true }).first();
  const value = String(readData(join(ROOT, 'content', file))[entry.key]);
  const hasBody = entry.ext === 'md';
  const lines = before.split('\n');
  const fieldAt = lines.indexOf(`${entry.key}: ${value}`);
  const lastAt = lines.findLastIndex((line) => line.trim() !== '');
  expect(fieldAt).toBeGreaterThanOrEqual(0);

  await expect(box).toHaveValue(value);
  await box.fill(`${value}${WORD}`);
  if (hasBody) {
    await toEndOfBody(page, lastWords(before));
    await page.keyboard.type(WORD);
  }
  // publishNow returns once decap-server has written the whole file.
  await publishNow(page);
  expect(saved(file)).toContain(`${entry.key}: ${value}${WORD}\n`);
  const after = saved(file).split('\n');
  // Only the name or title line and (with a body) the body's last line differ.
  expect(after).toHaveLength(lines.length);
  const changed = lines.flatMap((line, i) => (line === after[i] ? [] : [i]));
  expect(changed).toEqual(hasBody ? [fieldAt, lastAt] : [fieldAt]);
  expect(after[fieldAt]).toBe(`${entry.key}: ${value}${WORD}`);
  if (hasBody) expect(after[lastAt]).toContain(WORD.trim());
  return before;
}

// One sign-in for the entries that are only saved once: the editor moves from entry to entry
// through its own addresses (after #), without loading again.
test('a save changes only the edited lines, in an entry of every other collection', async ({ page }) => {
  test.slow();
  await signIn(page);
  for (const entry of ENTRIES.filter((e) => !e.undo)) {
    await test.step(fileOf(entry), async () => {
      // Decap's entry editor keeps the entry it opened when only the address's entry changes, so
      // through the collection's list, as a volunteer goes: its address, then the entry's link.
      await page.goto(`/admin/#/collections/${entry.collection}`);
      await openFromList(page, page.locator(`a[href$="/collections/${entry.collection}/entries/${entry.slug}"]`));
      const before = await addWordAndSave(page, entry);
      // Put back as committed, for the journeys and site checks that follow.
      writeFileSync(join(CONTENT, fileOf(entry)), before);
    });
  }
});

for (const entry of ENTRIES.filter((e) => e.undo)) {
  const file = fileOf(entry);
  test(`${file}: a save changes only the edited lines, and undoing the edit restores the file exactly`, async ({
    page,
  }) => {
    // Two openings and two saves of one entry (an A–Z topic loads every topic and helpline for its
    // relation fields): slower than the other journeys, so three times their time limit.
    test.slow();
    // From the committed file, also when Playwright runs the journey again after a failure that
    // left its first save in the content copy.
    writeFileSync(join(CONTENT, file), committed(file));
    const box = page.getByLabel(entry.label, { exact: true }).first();
    const value = String(readData(join(ROOT, 'content', file))[entry.key]);
    const hasBody = entry.ext === 'md';
    await openEntry(page, entry.collection, entry.slug);
    const before = await addWordAndSave(page, entry);

    // Coming back to the entry later and taking the words out again, key by key.
    await page.reload();
    await expect(box).toHaveValue(`${value}${WORD}`);
    await box.focus();
    await page.keyboard.press('End');
    await deleteWord(page, box);
    await expect(box).toHaveValue(value);
    if (hasBody) {
      await toEndOfBody(page, `${lastWords(before)}${WORD}`);
      // A letter typed first, then taken out with the word: Slate deletes from its own record of
      // the cursor, which a click updates late, and typing brings that record up to date.
      await page.keyboard.type('x');
      await page.keyboard.press('Backspace');
      await deleteWord(page);
    }
    await publishNow(page);
    expect(saved(file)).toBe(before);
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
  await page.locator('[data-slate-editor="true"]').focus();
  // The body's first word, "A", becomes "Sometimes a": typed before it, then the "A" deleted
  // (after typing, Slate's own record of the cursor is up to date, so Delete acts where it shows).
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('Sometimes a');
  await page.keyboard.press('Delete');
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

test('the news list opens newest first, and the A–Z in title order with review dates', async ({ page }) => {
  const posts = entryFiles('news')
    .map((name) => readData(join(CONTENT, 'news', name)))
    .sort(
      (a, b) =>
        new Date(String(b['date'] instanceof Date ? b['date'].toISOString() : b['date'])).getTime() -
        new Date(String(a['date'] instanceof Date ? a['date'].toISOString() : a['date'])).getTime(),
    );
  const expected = posts.slice(0, 3).map((post) => `${String(post['title'])} (${listDate(post['date'])})`);
  const topics = entryFiles('a-z').map((name) => readData(join(CONTENT, 'a-z', name)));
  const titles = topics.map((topic) => String(topic['title'])).sort();
  const first = topics.find((topic) => topic['title'] === titles[0]) ?? {};
  const expectedFirst = `${String(first['title'])} – reviewed ${listDate(first['lastReviewed'])} by ${String(first['reviewedBy'])}`;

  await signIn(page);
  await test.step('news, newest first, with readable dates', async () => {
    await page.getByRole('link', { name: 'News', exact: true }).click();
    const rows = page.getByRole('link', { name: / \(\d{1,2} [A-Z][a-z]{2} \d{4}\)$/ });
    await expect(rows.first()).toBeVisible();
    expect((await rows.allTextContents()).slice(0, 3).map((text) => text.trim())).toEqual(expected);
  });
  await test.step('the A–Z, in title order, showing when each topic was last reviewed', async () => {
    await page.getByRole('link', { name: 'Mental health A–Z' }).click();
    const rows = page.getByRole('link', { name: / – reviewed \d{1,2} [A-Z][a-z]{2} \d{4} by / });
    await expect(rows.first()).toHaveText(expectedFirst);
    const shown = (await rows.allTextContents()).map((text) => text.replace(/ – reviewed .*$/, '').trim());
    expect(shown.slice(0, 5)).toEqual(titles.slice(0, 5));
  });
});
