/**
 * An editor tries to save a news post without a title: the CMS refuses, says which field is
 * missing, and writes nothing to disk.
 */
import { expect } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { clickPublishNow, CONTENT, signIn, test } from './support';

test('a news post with an empty title is refused and nothing is written', async ({ page }) => {
  const newsFolder = join(CONTENT, 'news');
  const filesBefore = readdirSync(newsFolder, { recursive: true }).sort();

  await signIn(page);
  await page.getByRole('link', { name: 'News', exact: true }).click();
  await page.getByRole('link', { name: 'Create entry of type News post' }).click();
  // Everything else filled in, so the title is the only thing missing.
  await page.getByRole('button', { name: 'Set date to now' }).click();
  await page.getByLabel('Author', { exact: true }).fill('Priya Shah');
  await page.getByRole('combobox', { name: 'Category' }).click();
  await page.getByRole('option').first().click();
  await page.getByLabel('Summary', { exact: true }).fill('A post that was never given a title.');
  await page.locator('[data-slate-editor="true"]').click();
  await page.keyboard.type('Some words.');

  await clickPublishNow(page);
  await expect(page.getByText(/missed a required field/)).toBeVisible();
  await expect(page.getByText('Title is required.')).toBeVisible();
  await expect(page.getByText('Entry saved')).toHaveCount(0);

  // The editor stays on the unsaved entry, and the news folder is exactly as it was.
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('');
  expect(readdirSync(newsFolder, { recursive: true }).sort()).toEqual(filesBefore);
});
