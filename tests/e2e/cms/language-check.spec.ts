/**
 * An editor writes a news post in the CMS, and the preview runs the build's language and helpline
 * checks on the text as it is typed (src/browser/cms/previews.ts, with the rules of content-rules.yaml
 * from /admin/content-checks.json and the registry from /admin/helplines.json): what would stop the
 * site updating is named, with what to write instead, before anything is published. Pages, values and services have the check too.
 * Nothing is saved here.
 */
import { expect } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, londonDay } from '../../../src/lib/schedule/dates';
import { suiteNow } from '../../support/clock';
import { CONTENT, openFromList, readData, signIn, test } from './support';

test('the preview names words that would stop the site updating, as they are typed, and what to write instead', async ({
  page,
}) => {
  const newsFolder = join(CONTENT, 'news');
  const filesBefore = readdirSync(newsFolder, { recursive: true }).sort();

  await signIn(page);
  await page.getByRole('link', { name: 'News', exact: true }).click();
  await page.getByRole('link', { name: 'Create entry of type News post' }).click();
  await page.getByLabel('Title', { exact: true }).fill('A hard year for our family');

  const preview = page.frameLocator('iframe').first();
  const check = preview.locator('.language-check');
  await expect(check).toHaveText('Language check: nothing to change.');
  // The reading grade above it is the build's too.
  await expect(preview.locator('.reading-grade')).toHaveText('Reading grade: no text yet');

  await page.locator('[data-slate-editor="true"]').click();
  await page.keyboard.type(
    'Her brother committed suicide last year. He suffers from depression. Call Samaritans free on 116 123. Or call our office on 01632 960123.',
  );
  await expect(check).toContainText('Change this before you publish. The site cannot update while the page says it:');
  await expect(check.locator('li')).toHaveText([
    // The helpline check's error, as the build gives it, then the language rules'. The charity's own
    // number (the settings' phone) is no helpline, and not worth a warning either.
    '"116 123" (Samaritans) is typed by hand: write :helpline[samaritans]{show="phone"} instead, so it stays right when the number changes.',
    '"committed suicide": write "took their own life" or "died by suicide" instead. "Commit" suggests a crime. Suicide stopped being a crime in England and Wales in 1961.',
    /^"suffers from": consider "has", "lives with" or "experiences" instead\./,
  ]);
  await expect(check).toContainText('To add a helpline, choose + at the end of the toolbar, then Helpline.');
  await expect(preview.locator('.reading-grade')).toContainText('Reading grade');

  // Every text field is checked too, and named as the editor sees it.
  await page.getByLabel('Summary', { exact: true }).fill('How Sam coped after his brother committed suicide.');
  await expect(check.locator('li', { hasText: /^In the summary, "committed suicide": write / })).toHaveCount(1);
  const warning = page.getByLabel('Content warning (optional)', { exact: true });
  await warning.fill('This post mentions someone who committed suicide.');
  await expect(check.locator('li', { hasText: /^In the content warning, "committed suicide": write / })).toHaveCount(1);

  // Put right, the note says so.
  await page.getByLabel('Summary', { exact: true }).fill('How Sam coped after his brother died.');
  await warning.fill('This post mentions suicide.');
  await page.locator('[data-slate-editor="true"]').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Her brother died by suicide last year. He lives with depression.');
  await expect(check).toHaveText('Language check: nothing to change.');

  // Nothing was published or saved.
  expect(readdirSync(newsFolder, { recursive: true }).sort()).toEqual(filesBefore);
});

test("a page's preview checks its words too, the description included", async ({ page }) => {
  const file = join(CONTENT, 'pages/accessibility.md');
  const before = readData(file);

  await signIn(page);
  await page.getByRole('link', { name: 'Pages', exact: true }).click();
  await openFromList(page, page.getByRole('link', { name: String(before['title']), exact: true }));
  const preview = page.frameLocator('iframe').first();
  await expect(preview.getByRole('heading', { level: 1, name: String(before['title']) })).toBeVisible();
  await expect(preview.locator('.reading-grade')).toContainText('Reading grade');
  const check = preview.locator('.language-check');
  await expect(check).toHaveText('Language check: nothing to change.');

  const description = page.getByLabel('Description', { exact: true });
  await description.fill('Our website, for the mentally ill.');
  await expect(check.locator('li')).toHaveText([/^In the description, "the mentally ill": consider /]);
  await description.fill(String(before['description']));
  await expect(check).toHaveText('Language check: nothing to change.');

  expect(readData(file)).toEqual(before);
});

test('a news post that still offers a date that has passed is named, as of the editor’s clock', async ({
  browser,
}, testInfo) => {
  // The editor's browser on the suite's day (tests/support/clock.ts), in a context of its own, so
  // the other journeys keep the real clock.
  const context = await browser.newContext({
    baseURL: String(testInfo.project.use.baseURL),
    timezoneId: 'Europe/London',
  });
  await context.clock.setFixedTime(suiteNow());
  const page = await context.newPage();
  const today = londonDay(suiteNow());
  const [year, month, day] = addDays(today, -10).split('-').map(Number);
  const passed = `${String(day)} ${new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} ${String(year)}`;
  try {
    await signIn(page);
    await page.getByRole('link', { name: 'News', exact: true }).click();
    await page.getByRole('link', { name: 'Create entry of type News post' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Our coffee morning');
    // Published three weeks ago, about a morning ten days ago.
    await page.getByLabel('Date', { exact: true }).fill(`${addDays(today, -21)}T10:00`);
    await page.locator('[data-slate-editor="true"]').click();
    await page.keyboard.type(`Come along on ${passed} at 10am.`);

    const check = page.frameLocator('iframe').first().locator('.language-check');
    await expect(check.locator('li')).toHaveText([
      `"${passed}" has passed, but the text offers it as if it were still to come: say it has happened, or update the post.`,
    ]);
    await page.keyboard.type(' The morning has taken place.');
    await expect(check).toHaveText('Language check: nothing to change.');
  } finally {
    await context.close();
  }
});
