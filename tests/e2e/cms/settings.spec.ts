/**
 * An editor changes the charity's phone number in the CMS's site settings; the settings file
 * changes and keeps every other fact. Every rebuilt page's footer is checked in tests/e2e/cms/site/.
 */
import { expect } from '@playwright/test';
import { join } from 'node:path';
import { NEW_PHONE } from './edits';
import { CONTENT, publishNow, readData, schemaProblem, signIn, test, openFromList } from './support';

test('a new phone number is saved to the settings file, changing nothing else', async ({ page }) => {
  const file = join(CONTENT, 'settings/site.yaml');
  const before = readData(file);
  expect(before['phone']).not.toBe(NEW_PHONE);

  await signIn(page);
  await page.getByRole('link', { name: 'Site settings' }).click();
  await openFromList(page, page.getByRole('link', { name: /Charity details, contacts and lists/ }));
  const phone = page.getByLabel('Main phone number', { exact: true });
  await expect(phone).toHaveValue(String(before['phone']));
  await phone.fill(NEW_PHONE);
  await publishNow(page);
  await expect(page.getByText('Entry saved')).toBeVisible();

  await expect.poll(() => readData(file)['phone']).toBe(NEW_PHONE);
  const after = readData(file);
  // Still a valid settings file, with every other fact unchanged (the charity number stays text).
  expect(schemaProblem('settings', after)).toBeUndefined();
  expect({ ...after, phone: before['phone'] }).toEqual(before);
});
