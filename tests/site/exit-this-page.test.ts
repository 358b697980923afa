/**
 * "Exit this page" is on exactly the pages whose content turns on `quickExit` (A–Z topics, pages
 * and news posts), and on no other page, read from the built files so every page is checked. The
 * button goes to the address in the settings, and "Staying safe online" is linked
 * beside the button.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtPages } from '../support/built-pages';
import { quickExitPaths } from '../support/quick-exit';
import { siteSettings } from '../e2e/support/site';

const EXIT_URL = siteSettings().exitPageUrl;
const FLAGGED = quickExitPaths();
const PAGES = builtPages().filter(({ path }) => !path.startsWith('/admin/'));

/** The `href` of every element marked as an Exit this page link. */
function exitLinks(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*\bdata-exit-link\b[^>]*>/g)].map(
    (match) => /\bhref="([^"]*)"/.exec(match[0])?.[1] ?? '',
  );
}

describe('which pages show Exit this page', () => {
  it('the topics and pages the charity named are switched on', () => {
    expect(FLAGGED).toEqual(
      expect.arrayContaining([
        '/a-z/domestic-abuse/',
        '/a-z/rape-and-sexual-assault/',
        '/a-z/lgbtq-mental-health/',
        '/a-z/children-and-young-people/',
        '/staying-safe-online/',
      ]),
    );
  });

  it('every page with the switch on was built', () => {
    expect(FLAGGED.filter((path) => !PAGES.some((page) => page.path === path))).toEqual([]);
  });

  it.each(PAGES.map((p) => [p.path, p.file]))('%s', (path, file) => {
    const html = readFileSync(file, 'utf8');
    if (FLAGGED.includes(path)) {
      // The button, to the settings' everyday website, first in the page after the skip link.
      expect(exitLinks(html)).toEqual([EXIT_URL]);
      expect(html.indexOf('data-exit-link')).toBeLessThan(html.indexOf('<header'));
      expect(html).toContain('href="/staying-safe-online/"');
    } else {
      expect(exitLinks(html)).toEqual([]);
    }
  });
});
