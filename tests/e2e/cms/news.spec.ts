/**
 * An editor writes a news post with a hero image in the CMS; decap-server saves it into the
 * content copy. The rebuilt site (page, picture, feed, search) is checked in tests/e2e/cms/site/.
 */
import { expect } from '@playwright/test';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATETIME_FORMAT } from '../../../src/schemas/fields';
import { addDays, londonDay } from '../../../src/lib/schedule/dates';
import { ROOT } from '../../support/build';
import { suiteNow } from '../../support/clock';
import { POST } from './edits';
import { CONTENT, entryFiles, publishNow, readData, schemaProblem, signIn, test } from './support';

const { title: TITLE, slug: SLUG, alt: ALT } = POST;
const FIXTURE_PNG = join(ROOT, 'tests/fixtures/minimal/news/images/fixture.png');
/** The post's date as the editor types it: the morning before the suite's day, so the rebuild publishes it. */
const TYPED_DATE = `${addDays(londonDay(suiteNow()), -1)}T10:00`;

test('a news post with a hero image is saved as a file the schema accepts, picture beside it', async ({ page }) => {
  // The picture an editor picks from their computer, with the name it will keep on the site.
  const picture = join(mkdtempSync(join(tmpdir(), 'upload-')), 'park-path.png');
  copyFileSync(FIXTURE_PNG, picture);
  const category = (readData(join(CONTENT, 'settings/site.yaml'))['categories'] as string[])[0] ?? '';

  await signIn(page);
  await page.getByRole('link', { name: 'News', exact: true }).click();
  await page.getByRole('link', { name: 'Create entry of type News post' }).click();

  await page.getByLabel('Title', { exact: true }).fill(TITLE);
  await page.getByLabel('Date', { exact: true }).fill(TYPED_DATE);
  await page.getByLabel('Author', { exact: true }).fill('Priya Shah');
  await page.getByRole('combobox', { name: 'Category' }).click();
  await page.getByRole('option', { name: category, exact: true }).click();
  await page
    .getByLabel('Summary', { exact: true })
    .fill('Our walking group is back in Hollowell park every Tuesday morning.');

  await page.getByRole('button', { name: 'Choose an image' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByText('Upload', { exact: true }).click();
  await (await chooser).setFiles(picture);
  await page.getByRole('button', { name: 'Choose selected' }).click();
  await page.getByLabel('Image description (alt text) (optional)').fill(ALT);

  await page.locator('[data-slate-editor="true"]').click();
  await page.keyboard.type('Come along for a gentle walk and a chat. Everyone is welcome.');

  // The preview pane shows the post as the site will, picture and all.
  const preview = page.frameLocator('iframe').first();
  await expect(preview.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(preview.getByRole('img', { name: ALT })).toBeVisible();

  await publishNow(page);
  await expect(page.getByText('Entry saved')).toBeVisible();
  // The editor then shows the saved post at its own address (Decap's persistEntry moves there
  // after the toast), so the volunteer's later changes go to this file.
  await expect(page).toHaveURL(new RegExp(`#/collections/news/entries/${SLUG}$`));

  // On disk: a file named from the title, with frontmatter the schema accepts.
  const file = join(CONTENT, 'news', `${SLUG}.md`);
  await expect.poll(() => existsSync(file)).toBe(true);
  const data = readData(file);
  expect(schemaProblem('news', data)).toBeUndefined();
  expect(data).toMatchObject({ title: TITLE, author: 'Priya Shah', category, imageAlt: ALT, draft: false });
  // The date is written in the declared format and reads back as the same instant.
  expect(DATETIME_FORMAT).toBe('YYYY-MM-DDTHH:mm:ssZ');
  // As written in the file (the parsed data holds a Date).
  const date = /^date: ['"]?([^'"\r\n]+)/m.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
  expect(date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
  // London's wall-clock time as typed, with London's offset (the widget writes local time).
  expect(date.slice(0, 16)).toBe(TYPED_DATE);
  // The picture sits beside the posts, under a path relative to the post, which Astro's image()
  // resolves (Decap drops the leading "./" of public_folder; the build below proves it works).
  expect(data['image']).toBe('images/park-path.png');
  const stored = join(CONTENT, 'news/images/park-path.png');
  expect(readFileSync(stored).equals(readFileSync(FIXTURE_PNG))).toBe(true);
  expect(readFileSync(file, 'utf8')).toContain('Come along for a gentle walk and a chat.');

  expect(entryFiles('news')).toContain(`${SLUG}.md`);
});
