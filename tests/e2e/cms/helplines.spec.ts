/**
 * The helpline registry in the CMS: a post's `:helpline[id]` shows in the editor's preview as the
 * site draws it, and an editor changes Samaritans' number in the Helplines list, which saves that
 * one field. Where the new number then appears (pages, feed, search) is checked on the rebuilt
 * site in tests/e2e/cms/site/helplines-published.spec.ts.
 */
import { expect } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { NEW_HELPLINE } from './edits';
import { CONTENT, publishNow, readData, schemaProblem, signIn, test, openFromList } from './support';

const file = join(CONTENT, 'helplines', `${NEW_HELPLINE.id}.yaml`);

test('a helpline directive in a post is previewed as the site shows it', async ({ page }) => {
  const phone = String(readData(file)['phone']);
  // A post that gives the number with the directive (the content copy is the site's own).
  const name = readdirSync(join(CONTENT, 'news'))
    .filter((entry) => entry.endsWith('.md'))
    .find((entry) =>
      readFileSync(join(CONTENT, 'news', entry), 'utf8').includes(`:helpline[${NEW_HELPLINE.id}]{show="phone"}`),
    );
  expect(name, 'a post using the directive').toBeDefined();
  const title = String(readData(join(CONTENT, 'news', name ?? ''))['title']);

  await signIn(page);
  await page.getByRole('link', { name: 'News', exact: true }).click();
  await openFromList(page, page.getByRole('link', { name: new RegExp(`^${RegExp.escape(title)}`) }));
  const preview = page.frameLocator('iframe').first();
  await expect(preview.getByRole('link', { name: phone, exact: true }).first()).toHaveAttribute(
    'href',
    `tel:${phone.replace(/\s/g, '')}`,
  );
  await expect(preview.getByText(`:helpline[`)).toHaveCount(0);
});

test('changing a helpline’s number in the Helplines list saves just that number', async ({ page }) => {
  const before = readData(file);
  expect(before['phone']).not.toBe(NEW_HELPLINE.phone);

  await signIn(page);
  await page.getByRole('link', { name: 'Helplines', exact: true }).click();
  await openFromList(
    page,
    page.getByRole('link', { name: new RegExp(`^${String(before['name'])} \\(${NEW_HELPLINE.id}\\)`) }),
  );
  const phone = page.getByLabel('Phone number (optional)', { exact: true });
  await expect(phone).toHaveValue(String(before['phone']));
  await phone.fill(NEW_HELPLINE.phone);
  await publishNow(page);
  await expect(page.getByText('Entry saved')).toBeVisible();

  await expect.poll(() => readData(file)['phone']).toBe(NEW_HELPLINE.phone);
  const after = readData(file);
  expect(schemaProblem('helplines', after)).toBeUndefined();
  expect({ ...after, phone: before['phone'] }).toEqual(before);
});
