/**
 * An editor adds another name (also known as) to an A–Z topic in the CMS; the file changes, keeps every other field
 * exactly (dates included), and the A–Z index shows the new name.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite } from '../../support/build';
import { CONTENT, entryFiles, publishNow, readData, routeExists, schemaProblem, signIn } from './support';

const NEW_SYNONYM = 'Feeling stuck in a rut';

test('adding another name to an A–Z topic saves it to the file and the A–Z index', async ({ page }) => {
  const name = entryFiles('a-z')[0] ?? '';
  const file = join(CONTENT, 'a-z', name);
  const before = readData(file);
  const oldSynonyms = (before['alsoKnownAs'] as string[] | undefined) ?? [];

  await signIn(page);
  await page.getByRole('link', { name: 'Mental health A–Z' }).click();
  const title = String(before['title']).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await page.getByRole('link', { name: new RegExp(`^${title} \\(reviewed`) }).click();
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
    expect(String(after[field] ?? ''), field).toBe(String(before[field] ?? ''));
  }

  const build = buildSite(CONTENT);
  expect(build.status, build.output).toBe(0);
  // The A–Z index comes from the A–Z branch: checked wherever the build has it.
  if (routeExists(build.outDir, 'a-z/index.html')) {
    expect(readFileSync(join(build.outDir, 'a-z/index.html'), 'utf8')).toContain(NEW_SYNONYM);
  }
});
