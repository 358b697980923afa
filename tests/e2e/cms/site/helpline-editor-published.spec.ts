/**
 * The helplines added in the CMS's text editor (tests/e2e/cms/helpline-editor.spec.ts), on the
 * site rebuilt from the edited content: each new sentence shows Samaritans' number as a
 * tap-to-call link, and the A–Z topic edited around its directives still shows all of them.
 */
import { expect, test } from '../../support/test';
import { join } from 'node:path';
import { telHref } from '../../../../src/lib/contact-links';
import { A_TO_Z_WORD, HELPLINE_SENTENCES } from '../edits';
import { CONTENT, readData, serveRebuiltSite } from '../support';

const siteUrl = serveRebuiltSite();

/** Samaritans' number in the edited content (the helplines journey changes it). */
const samaritansPhone = () => String(readData(join(CONTENT, 'helplines/samaritans.yaml'))['phone']);

for (const [how, { page: path, before }] of Object.entries(HELPLINE_SENTENCES)) {
  test(`the helpline added (${how}) is a tap-to-call link on ${path}`, async ({ page }) => {
    await page.goto(`${siteUrl()}${path}`);
    const sentence = page.getByRole('main').getByRole('paragraph').filter({ hasText: before.trim() });
    await expect(sentence.getByRole('link', { name: samaritansPhone(), exact: true })).toHaveAttribute(
      'href',
      telHref(samaritansPhone()),
    );
    await expect(sentence).not.toContainText(':helpline');
  });
}

test('the A–Z topic edited in the CMS keeps every helpline as a link', async ({ page }) => {
  await page.goto(`${siteUrl()}${A_TO_Z_WORD.page}`);
  const main = page.getByRole('main');
  await expect(main.getByText(`${A_TO_Z_WORD.after}${A_TO_Z_WORD.word}.`)).toBeVisible();
  for (const [name, dial] of [
    ['111', 'tel:111'],
    [samaritansPhone(), telHref(samaritansPhone())],
    ['999', 'tel:999'],
  ] as const) {
    await expect(main.getByRole('link', { name, exact: true }).first(), name).toHaveAttribute('href', dial);
  }
  await expect(main).not.toContainText(':helpline');
});
