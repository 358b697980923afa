/**
 * What the search index holds, read from Pagefind's own files in the build. Pagefind runs the text
 * of neighbouring elements together unless something between them is a space ("ByPriya",
 * "WhereStonebridge", "CostFree"), and then a search for the name, the town or "free" misses the
 * page. So labels such as "By" and "Where" are left out of the index, and lines shown as blocks
 * (an address) have a space between them.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DIST } from '../support/built-pages';
import { markdownEntries } from '../support/files';

const CONTENT_DIR = process.env['CONTENT_DIR'] ?? 'content';

/** Every page Pagefind indexed, by URL: the text it reads words from. */
function indexedText(): Map<string, string> {
  const folder = join(DIST, 'pagefind', 'fragment');
  const pages = new Map<string, string>();
  for (const name of readdirSync(folder)) {
    // A Pagefind 1.6 fragment: gzip of "pagefind_dcd" and the page's JSON.
    const json = gunzipSync(readFileSync(join(folder, name))).subarray('pagefind_dcd'.length);
    const page = JSON.parse(json.toString('utf8')) as { url: string; content: string };
    pages.set(page.url, page.content);
  }
  return pages;
}

const INDEXED = indexedText();

/** The published entries of a collection (drafts, scheduled posts and past services have no page). */
function published(collection: string) {
  return markdownEntries(join(CONTENT_DIR, collection)).filter(({ slug }) =>
    existsSync(join(DIST, collection, slug, 'index.html')),
  );
}

/** Whether `text` has `words` as words of their own: not run into the word before or after. */
function hasWords(text: string | undefined, words: string): boolean {
  return new RegExp(`(^|[\\s.,(])${RegExp.escape(words)}($|[\\s.,)])`).test(text ?? '');
}

describe('the words of the search index', () => {
  it('has the pages', () => {
    expect(INDEXED.size).toBeGreaterThan(50);
  });

  it('has no label run into the value after it, on any page', () => {
    const labels = /\b(By|Published|Updated|Category|Reading time|When|Where|Format|Cost|Type|Time|Town)(?=[A-Z0-9])/;
    const runTogether = [...INDEXED]
      .filter(([, text]) => labels.test(text))
      .map(([url, text]) => `${url}: ${labels.exec(text)?.[0] ?? ''}…`);
    expect(runTogether).toEqual([]);
  });

  it.each(published('news').map(({ slug, data }) => [slug, String(data['author'])]))(
    'news post %s: its author, %s, is words of their own',
    (slug, author) => {
      expect(INDEXED.has(`/news/${slug}/`), `/news/${slug}/ is not in the index`).toBe(true);
      expect(hasWords(INDEXED.get(`/news/${slug}/`), author)).toBe(true);
    },
  );

  it.each(
    published('services')
      .filter(({ data }) => typeof data['address'] === 'string')
      .map(({ slug, data }) => [slug, String(data['address'])]),
  )('service %s: its address, %s, is words of its own', (slug, address) => {
    expect(hasWords(INDEXED.get(`/services/${slug}/`), address)).toBe(true);
  });

  it('the contact page’s address lines are words apart', () => {
    const settings = parse(readFileSync(join(CONTENT_DIR, 'settings/site.yaml'), 'utf8')) as { address: string };
    const lines = settings.address.split('\n').map((line) => line.trim());
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(hasWords(INDEXED.get('/contact/'), line), line).toBe(true);
  });
});
