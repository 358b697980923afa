/**
 * Axe and CSP sweep: the pages of the sitemap, plus the 404 page, have zero WCAG 2.2 A/AA violations,
 * in light and dark colour schemes. Every page whose markup has a kind of element no earlier page
 * has is swept: pages are grouped by the set of element kinds they are made of (tag, classes, role
 * and aria-* attributes), and the first page of each group is checked. Two pages in one group
 * differ only in text and ids, which axe's WCAG rules do not judge differently (the styles come
 * from the classes; public pages have no inline styles under the CSP), while what text and ids can
 * break (empty headings and links, duplicate ids, headings out of order) html-validate checks on
 * every page (tests/site/html.test.ts). That is about 60 of 150 pages, and a new kind of markup in
 * any page joins the sweep by itself. Each page loads as Netlify serves it, and any Content Security
 * Policy violation while it loads and axe runs fails it too (csp.spec.ts checks search, the service
 * worker and the editor). Each page loads once: every rule runs in light mode, then the
 * colour scheme is switched in place (as a phone switching to dark mode would) and the rules that
 * depend on colour run again. The pages are checked in batches of BATCH, one browser page per
 * worker reused throughout: a test (and a browser context) for each of the 150-odd pages cost more
 * than the checks. Each page's violations are reported under its own path, and a failing page does
 * not stop the rest of its batch.
 */
import { expect, test as base, type Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';
import { axeViolations, violationLines } from './support/axe';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'parse5';
import { DIST } from '../support/built-pages';
import { watchViolations } from './support/csp';
import { sitemapPaths } from './support/site';

/** A parse5 node, as far as the signature reads it. */
interface MarkupNode {
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: MarkupNode[];
  content?: MarkupNode;
}

/** The kinds of element a built page is made of: tag, sorted classes, role and aria-* attributes. */
function markupSignature(path: string): string {
  const file = join(DIST, path.endsWith('/') ? `${path}index.html` : path);
  const kinds = new Set<string>();
  const visit = (node: MarkupNode) => {
    if (node.tagName) {
      const attrs = node.attrs ?? [];
      const classes = (attrs.find((a) => a.name === 'class')?.value ?? '').split(/\s+/).filter(Boolean).sort();
      const aria = attrs
        .filter((a) => a.name === 'role' || a.name.startsWith('aria-'))
        .map((a) => `[${a.name}=${a.value}]`)
        .sort();
      kinds.add([node.tagName, ...classes.map((c) => `.${c}`), ...aria].join(''));
    }
    for (const child of node.childNodes ?? []) visit(child);
    if (node.content) visit(node.content);
  };
  visit(parse(readFileSync(file, 'utf8')) as MarkupNode);
  return [...kinds].sort().join(' ');
}

/** The first page of each group of pages made of the same kinds of element. */
function onePagePerMarkup(paths: string[]): string[] {
  const seen = new Set<string>();
  return paths.filter((path) => {
    const signature = markupSignature(path);
    if (seen.has(signature)) return false;
    seen.add(signature);
    return true;
  });
}

/** The rules whose outcome can change with the colour scheme (the others read structure, not colour). */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
const PATHS = onePagePerMarkup([...sitemapPaths(), '/404.html']);
/** Pages per test: enough batches to keep both workers busy to the end. */
const BATCH = 10;

const test = base.extend<object, { sweepPage: { page: Page; violations: string[] } }>({
  sweepPage: [
    async ({ browser }, use, workerInfo) => {
      const { baseURL } = workerInfo.project.use;
      const context = await browser.newContext(baseURL ? { baseURL } : {});
      const page = await context.newPage();
      await use({ page, violations: await watchViolations(page) });
      await context.close();
    },
    { scope: 'worker' },
  ],
});

/**
 * Every WCAG rule on the page in light mode, then the colour rules again in dark mode; and every
 * Content Security Policy violation while it loaded and ran, as it is served (with netlify.toml's
 * policy header).
 */
async function violationsOn(page: Page, csp: string[], path: string): Promise<string[]> {
  csp.length = 0;
  await page.emulateMedia({ colorScheme: 'light' });
  const response = await page.goto(path);
  expect(response?.headers()['content-security-policy'], `the policy header on ${path}`).toContain(
    "frame-ancestors 'none'",
  );
  const light = await axeViolations(page, 'light');

  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
  // Axe is already in the page from the light run.
  const dark = await page.evaluate(
    (rules) =>
      (window as unknown as { axe: { run: (...a: unknown[]) => Promise<AxeResults> } }).axe.run(document, {
        runOnly: { type: 'rule', values: rules },
        resultTypes: ['violations'],
      }),
    COLOUR_RULES,
  );
  return [...light, ...violationLines(dark, 'dark'), ...csp.map((line) => `CSP: ${line}`)];
}

test('the sweep covers every kind of page, the 404 page among them', () => {
  expect(PATHS.length).toBeGreaterThan(40);
  expect(PATHS).toEqual(expect.arrayContaining(['/', '/urgent-help/', '/search/', '/404.html']));
  // Each kind of A–Z topic: with and without the urgent-help card and "Exit this page".
  const topics = PATHS.filter((path) => path.startsWith('/a-z/') && path !== '/a-z/');
  expect(topics.length).toBeGreaterThan(3);
});

for (let start = 0; start < PATHS.length; start += BATCH) {
  const paths = PATHS.slice(start, start + BATCH);
  test(`axe and CSP: ${paths[0]} … ${paths.at(-1)}`, async ({ sweepPage: { page, violations } }) => {
    for (const path of paths) {
      expect.soft(await violationsOn(page, violations, path), `axe or CSP violations on ${path}`).toEqual([]);
    }
  });
}
