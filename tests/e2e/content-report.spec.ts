/**
 * Editors open /admin/report/ beside the CMS: it lists every page of the site with its reading
 * grade, and stays out of search engines and the sitemap. It is not in the sitemap, so the axe
 * sweep (accessibility.spec.ts) does not reach it: it is checked here.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/test';
import { axeViolations } from './support/axe';

const DIR = process.env['CONTENT_DIR'] ?? 'content';
const COLLECTIONS = ['news', 'a-z', 'services', 'values', 'pages'];

/** Every Markdown file the build publishes from, as the report names it (content/a-z/anxiety.md). */
function contentFiles(): string[] {
  return COLLECTIONS.flatMap((folder) =>
    readdirSync(join(DIR, folder))
      .filter((name) => name.endsWith('.md') && !name.startsWith('_'))
      .map((name) => join(DIR, folder, name).replace(/\\/g, '/')),
  ).sort();
}

test('the content report lists every page with its reading grade and words', async ({ page }) => {
  await page.goto('/admin/report/');
  await expect(page.getByRole('heading', { level: 1, name: 'Content report' })).toBeVisible();
  await expect(page.getByText(/^Reading grade: A–Z median \d+\.\d, worst \d+\.\d/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Mental health A–Z' })).toBeVisible();

  const rows = await page.getByRole('row').evaluateAll((elements) =>
    elements
      .filter((row) => row.querySelector('th[scope="row"]'))
      .map((row) => ({
        file: row.querySelector('th .file')?.textContent?.trim() ?? '',
        grade: row.querySelectorAll('td')[0]?.textContent?.trim() ?? '',
        words: row.querySelectorAll('td')[1]?.textContent?.trim() ?? '',
        cells: [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim() ?? ''),
      })),
  );
  expect(rows.map((row) => row.file.replace(/^.*?(content\/)/, '$1')).sort()).toEqual(
    contentFiles().map((file) => file.replace(/^.*?(content\/)/, '$1')),
  );
  for (const row of rows) {
    expect(row.grade, row.file).toMatch(/^-?\d+\.\d$/);
    expect(Number(row.words), row.file).toBeGreaterThan(0);
    // A screen reader reads an empty cell as "blank": no helplines or warnings says "None".
    expect(row.cells, row.file).not.toContain('');
  }
});

test('the content report is kept out of search engines and the sitemap', async ({ page, request }) => {
  await page.goto('/admin/report/');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  const sitemap = await (await request.get('/sitemap-0.xml')).text();
  expect(sitemap).toContain('<loc>');
  expect(sitemap).not.toContain('/admin/');
  expect(await (await request.get('/robots.txt')).text()).toContain('Disallow: /admin/');
});

test('the content report has no WCAG 2.2 A/AA violations, light or dark', async ({ page }) => {
  await page.goto('/admin/report/');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await axeViolations(page, colorScheme)).toEqual([]);
  }
});
