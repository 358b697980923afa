/**
 * An editor cancels one session of a group in the CMS: the service file gains the date and reason
 * and still passes the schema. The rebuilt page and calendar are checked in tests/e2e/cms/site/.
 */
import { expect } from '@playwright/test';
import { join } from 'node:path';
import { CANCELLATION } from './edits';
import { CONTENT, publishNow, readData, schemaProblem, signIn, test, openFromList } from './support';

test('an editor cancels a session: the date and reason are saved and the schema accepts them', async ({ page }) => {
  const file = join(CONTENT, 'services', `${CANCELLATION.service}.md`);
  const before = readData(file);
  const cancelledBefore = (before['cancelled'] ?? []) as unknown[];

  await signIn(page);
  await page.getByRole('link', { name: 'Services', exact: true }).click();
  await openFromList(page, page.getByRole('link', { name: new RegExp(`^${CANCELLATION.title}`) }));
  await page.getByRole('button', { name: 'Add cancelled sessions' }).click();
  // The new item opens below the existing ones (which stay collapsed), so its fields are the only
  // "Date" and "Reason" on the form.
  await page.getByRole('textbox', { name: 'Date', exact: true }).fill(CANCELLATION.date);
  await page.getByRole('textbox', { name: 'Reason (optional)' }).fill(CANCELLATION.reason);
  await publishNow(page);
  await expect(page.getByText('Entry saved')).toBeVisible();

  await expect.poll(() => ((readData(file)['cancelled'] ?? []) as unknown[]).length).toBe(cancelledBefore.length + 1);
  const after = readData(file);
  expect(schemaProblem('services', after)).toBeUndefined();
  // Saved as the plain date the schema and the calendar read, with the reason beside it.
  const saved = (after['cancelled'] as { date: unknown; reason?: string }[]).map((c) => [
    c.date instanceof Date ? c.date.toISOString().slice(0, 10) : String(c.date),
    c.reason,
  ]);
  expect(saved).toContainEqual([CANCELLATION.date, CANCELLATION.reason]);
  // Nothing else about the group changed.
  expect({ ...after, cancelled: before['cancelled'] }).toEqual(before);
});
