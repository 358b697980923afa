/**
 * An editor adds another name (also known as) to an A–Z topic in the CMS; the file changes and
 * keeps every other field exactly (dates included). The rebuilt A–Z index is checked in
 * tests/e2e/cms/site/.
 */
import { expect } from '@playwright/test';
import { join } from 'node:path';
import { NEW_OTHER_NAME as NEW_SYNONYM } from './edits';
import { CONTENT, entryFiles, publishNow, readData, schemaProblem, signIn, test, openFromList } from './support';

test('adding another name to an A–Z topic saves it to the file, changing nothing else', async ({ page }) => {
  const name = entryFiles('a-z')[0] ?? '';
  const file = join(CONTENT, 'a-z', name);
  const before = readData(file);
  const oldSynonyms = (before['alsoKnownAs'] as string[] | undefined) ?? [];

  await signIn(page);
  await page.getByRole('link', { name: 'Mental health A–Z' }).click();
  const title = RegExp.escape(String(before['title']));
  await openFromList(page, page.getByRole('link', { name: new RegExp(`^${title} – reviewed`) }));
  const synonyms = page.getByLabel('Also known as (optional)', { exact: true });
  await expect(synonyms).toHaveValue(oldSynonyms.join(', '));
  await synonyms.fill([...oldSynonyms, NEW_SYNONYM].join(', '));
  await expect(page.frameLocator('iframe').first().getByText(NEW_SYNONYM)).toBeVisible();

  await publishNow(page);
  await expect(page.getByText('Entry saved')).toBeVisible();

  await expect.poll(() => readData(file)['alsoKnownAs']).toEqual([...oldSynonyms, NEW_SYNONYM]);
  const after = readData(file);
  expect(schemaProblem('a-z', after)).toBeUndefined();
  // Nothing else changed: the review dates read back as the same days, the title stays.
  for (const field of ['title', 'summary', 'lastReviewed', 'nextReview', 'urgent', 'relatedTopics']) {
    expect(after[field], field).toEqual(before[field]);
  }
});
