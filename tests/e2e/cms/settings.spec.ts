/**
 * An editor changes the charity's phone number in the CMS's site settings; after a build every
 * page's footer shows the new number, as text and as a tel: link.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { telHref } from '../../../src/lib/contact-links';
import { buildSite } from '../../support/build';
import { CONTENT, htmlPages, publishNow, readData, schemaProblem, signIn } from './support';

const NEW_PHONE = '01632 960999';

test('a new phone number in the settings appears in every page footer', async ({ page }) => {
  const file = join(CONTENT, 'settings/site.yaml');
  const before = readData(file);
  expect(before['phone']).not.toBe(NEW_PHONE);

  await signIn(page);
  await page.getByRole('link', { name: 'Site settings' }).click();
  await page.getByRole('link', { name: /Charity details, contacts and lists/ }).click();
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

  const build = buildSite(CONTENT);
  expect(build.status, build.output).toBe(0);
  const pages = htmlPages(build.outDir).filter((path) => !path.startsWith('admin/'));
  expect(pages.length).toBeGreaterThan(5);
  for (const path of pages) {
    // Spaces may be written as non-breaking spaces, so a number never wraps across lines.
    const html = readFileSync(join(build.outDir, path), 'utf8').replace(/&nbsp;|&#160;|\u00a0/g, ' ');
    // The site footer is the page's last <footer> (articles may have their own, earlier).
    const start = html.lastIndexOf('<footer');
    const footer = start < 0 ? '' : html.slice(start, html.indexOf('</footer>', start));
    expect(footer, `${path} footer`).toContain(NEW_PHONE);
    expect(footer, `${path} footer`).toContain(`href="${telHref(NEW_PHONE)}"`);
    expect(footer, `${path} footer`).not.toContain(String(before['phone']));
  }
});
