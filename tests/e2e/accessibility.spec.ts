/**
 * Axe and CSP sweep: the pages of the sitemap, plus the 404 page, have zero WCAG 2.2 A/AA violations,
 * in light and dark colour schemes.
 *
 * Which pages: enough that every kind of element the site has is checked where it appears. An
 * element's kind is its tag, sorted classes, role and aria-* attributes (the values of those that
 * hold ids or text left out), and it is taken in its context: with its parent's and grandparent's
 * kinds, since contrast, list and landmark rules read the elements around it. The pages people in
 * crisis reach come first (the home page, urgent help, search and the 404 page), and What's on,
 * whose sessions change with the build date; then, in sitemap
 * order, each page that has a kind-in-context no page before it had. Two elements of one kind in
 * one context differ only in text and ids, which axe's WCAG rules do not judge differently (the
 * styles come from the classes; public pages have no inline styles under the CSP), while what text
 * and ids can break (empty headings and links, duplicate ids, headings out of order) html-validate
 * checks on every page (tests/site/html.test.ts). That is about 30 of 150 pages, and a new kind of
 * markup in any page brings that page into the sweep by itself.
 *
 * Each page loads as Netlify serves it, and any Content Security Policy violation while it loads
 * and axe runs fails it too (csp.spec.ts checks search and the service worker, cms-admin.spec.ts the editor). Each
 * page loads once: every rule runs in light mode, then the colour scheme is switched in place (as
 * a phone switching to dark mode would) and the rules that depend on colour run again. The pages
 * are checked in batches of BATCH, one browser page per worker reused throughout. Each page's
 * violations are reported under its own path, and a failing page does not stop the rest of its
 * batch.
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

/** A parse5 node, as far as the sweep reads it. */
interface MarkupNode {
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: MarkupNode[];
  content?: MarkupNode;
}

/** Attributes whose values are ids or text: their presence is part of an element's kind, not their value. */
const VALUE_FREE = new Set([
  'aria-activedescendant',
  'aria-controls',
  'aria-describedby',
  'aria-details',
  'aria-errormessage',
  'aria-label',
  'aria-labelledby',
  'aria-owns',
]);
/** How many levels of an element's context make up its kind-in-context: itself, parent, grandparent. */
const CONTEXT = 3;

/** The kinds-in-context of the elements of a built page. */
function markupKinds(path: string): Set<string> {
  const file = join(DIST, path.endsWith('/') ? `${path}index.html` : path);
  const kinds = new Set<string>();
  const visit = (node: MarkupNode, context: string[]) => {
    let inner = context;
    if (node.tagName) {
      const attrs = node.attrs ?? [];
      const classes = (attrs.find((a) => a.name === 'class')?.value ?? '').split(/\s+/).filter(Boolean).sort();
      const aria = attrs
        .filter((a) => a.name === 'role' || a.name.startsWith('aria-'))
        .map((a) => (VALUE_FREE.has(a.name) ? `[${a.name}]` : `[${a.name}=${a.value}]`))
        .sort();
      inner = [...context, [node.tagName, ...classes.map((c) => `.${c}`), ...aria].join('')].slice(-CONTEXT);
      kinds.add(inner.join(' > '));
    }
    for (const child of node.childNodes ?? []) visit(child, inner);
    if (node.content) visit(node.content, inner);
  };
  visit(parse(readFileSync(file, 'utf8')) as MarkupNode, []);
  return kinds;
}

/**
 * Always swept, first: the pages people in crisis reach, and What's on, whose list of sessions
 * changes with the build date.
 */
const ALWAYS = ['/', '/urgent-help/', '/search/', '/404.html', '/whats-on/'];

/** ALWAYS, then each page with a kind-in-context that no page before it had. */
function pagesCoveringEveryKind(paths: string[]): string[] {
  const covered = new Set<string>();
  const ordered = [...ALWAYS, ...paths.filter((path) => !ALWAYS.includes(path))];
  return ordered.filter((path) => {
    const kinds = [...markupKinds(path)];
    const adds = ALWAYS.includes(path) || kinds.some((kind) => !covered.has(kind));
    if (adds) for (const kind of kinds) covered.add(kind);
    return adds;
  });
}

/** The rules whose outcome can change with the colour scheme (the others read structure, not colour). */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
const ALL_PATHS = [...sitemapPaths(), '/404.html'];
const PATHS = pagesCoveringEveryKind(ALL_PATHS);
/** Pages per test: enough batches to keep both workers busy to the end. */
const BATCH = 4;

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
  expect(PATHS.length).toBeGreaterThan(20);
  expect(PATHS).toEqual(expect.arrayContaining(['/', '/urgent-help/', '/search/', '/404.html', '/whats-on/']));
  // Every kind-in-context of every page is on a swept page.
  const swept = new Set(PATHS.flatMap((path) => [...markupKinds(path)]));
  const missed = ALL_PATHS.flatMap((path) => [...markupKinds(path)].filter((kind) => !swept.has(kind)));
  expect(missed).toEqual([]);
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
