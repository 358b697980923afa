/**
 * The sitemap lists exactly the public pages, and the sitemap and RSS feed are well-formed XML.
 * Public means every built page except 404, thank-you pages, the content editor and any page
 * marked noindex.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { DIST, builtPages } from '../support/built-pages';

const XML_FILES = readdirSync(DIST).filter((name) => /^(sitemap.*|rss|feed.*)\.xml$/.test(name));

/** Paths listed in every sitemap file the index points to. */
function sitemapPaths(): string[] {
  const parser = new XMLParser();
  const index = parser.parse(readFileSync(join(DIST, 'sitemap-index.xml'), 'utf8')) as {
    sitemapindex: { sitemap: { loc: string } | { loc: string }[] };
  };
  const maps = [index.sitemapindex.sitemap].flat();
  return maps.flatMap(({ loc }) => {
    const file = join(DIST, new URL(loc).pathname);
    const urls = (parser.parse(readFileSync(file, 'utf8')) as { urlset: { url: { loc: string } | { loc: string }[] } })
      .urlset.url;
    return [urls].flat().map((u) => new URL(u.loc).pathname);
  });
}

/** True when a page should stay out of search engines and the sitemap. */
function isPrivate(path: string, html: string): boolean {
  return (
    path === '/404.html' ||
    /\/thank-you\/$/.test(path) ||
    path.startsWith('/admin/') ||
    /<meta name="robots" content="[^"]*noindex/.test(html)
  );
}

describe('well-formed XML', () => {
  it('finds the sitemap files', () => {
    expect(XML_FILES).toEqual(expect.arrayContaining(['sitemap-index.xml', 'sitemap-0.xml']));
  });
  it.each(XML_FILES.map((name) => [name]))('%s parses as XML', (name) => {
    const result = XMLValidator.validate(readFileSync(join(DIST, name), 'utf8'));
    expect(result).toBe(true);
  });
  it('rss.xml is an RSS 2.0 channel with items that link to built pages', () => {
    const file = join(DIST, 'rss.xml');
    if (!existsSync(file)) return expect(XML_FILES).not.toContain('rss.xml');
    const rss = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(file, 'utf8')) as {
      rss: { '@_version': string; channel: { title: string; item?: { link: string } | { link: string }[] } };
    };
    expect(rss.rss['@_version']).toBe('2.0');
    const links = [rss.rss.channel.item ?? []].flat().map((item) => new URL(item.link).pathname);
    const missing = links.filter((path) => !existsSync(join(DIST, path, 'index.html')));
    expect(missing).toEqual([]);
  });
});

describe('sitemap', () => {
  it('lists exactly the public pages, each once', () => {
    const listed = sitemapPaths();
    const expected = builtPages()
      .filter(({ path, file }) => !isPrivate(path, readFileSync(file, 'utf8')))
      .map(({ path }) => path);
    expect(listed.length).toBe(new Set(listed).size);
    expect([...listed].sort()).toEqual([...expected].sort());
  });
});
