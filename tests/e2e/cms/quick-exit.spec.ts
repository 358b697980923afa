/**
 * An editor turns on "Show 'Exit this page'" for a page in the CMS: the switch is there with its
 * hint, generated from the schema, starts off for a page without it, and the save writes
 * `quickExit: true` into the file, changing nothing else. The flagged A–Z topics show it on.
 */
import { expect, type Page } from '@playwright/test';
import { join } from 'node:path';
import { quickExitField } from '../../../src/schemas/quick-exit';
import { CONTENT, publishNow, readData, schemaProblem, signIn, test, openFromList } from './support';

/** Decap's switch for the field (a `role="switch"` element that its <label for> names by id). */
async function exitSwitch(page: Page) {
  const label = page.locator('label', { hasText: quickExitField.cms.label });
  await expect(label).toHaveCount(1);
  const id = await label.getAttribute('for');
  return page.locator(`[id="${id ?? ''}"][role="switch"]`);
}

test("turning on Show 'Exit this page' for a page saves quickExit: true, changing nothing else", async ({ page }) => {
  const file = join(CONTENT, 'pages/about.md');
  const before = readData(file);
  expect(before['quickExit']).toBeUndefined();

  await signIn(page);
  await page.getByRole('link', { name: 'Pages', exact: true }).click();
  await openFromList(page, page.getByRole('link', { name: String(before['title']), exact: true }));
  await expect(page.getByText(quickExitField.cms.hint)).toBeVisible();
  const toggle = await exitSwitch(page);
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await publishNow(page);
  await expect(page.getByText('Entry saved')).toBeVisible();

  await expect.poll(() => readData(file)['quickExit']).toBe(true);
  const after = readData(file);
  expect(schemaProblem('pages', after)).toBeUndefined();
  expect({ ...after, quickExit: undefined }).toEqual({ ...before, quickExit: undefined });
});

test('the A–Z topics flagged in their files show the Exit this page switch on', async ({ page }) => {
  await signIn(page);
  await page.getByRole('link', { name: 'Mental health A–Z' }).click();
  await openFromList(page, page.getByRole('link', { name: /^Domestic abuse – reviewed/ }));
  await expect(await exitSwitch(page)).toHaveAttribute('aria-checked', 'true');
});
