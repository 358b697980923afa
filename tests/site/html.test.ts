/**
 * Every built page: valid HTML (html-validate, recommended rules), exactly one <h1>, a title no
 * other page has, the head metadata and shared chrome every page needs, and internal links and
 * #anchors that lead somewhere. Read from the files, without a browser, so each page is one quick
 * test however many pages the site grows to.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { DIST, builtPages } from '../support/built-pages';
import { siteSettings } from '../e2e/support/site';
import { markdownEntries } from '../support/files';

const CONTENT_DIR = process.env['CONTENT_DIR'] ?? 'content';

const PAGES = builtPages();
const SITE = new URL('https://site.invalid');

interface Element {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Element[];
  content?: Element;
}

/** Every element of a document, depth first. */
function elements(root: Element): Element[] {
  const all: Element[] = [];
  const visit = (node: Element) => {
    if (node.tagName) all.push(node);
    for (const child of node.childNodes ?? []) visit(child);
    if (node.content) visit(node.content);
  };
  visit(root);
  return all;
}
const attr = (el: Element, name: string) => el.attrs?.find((a) => a.name === name)?.value;
const text = (el: Element): string =>
  el.nodeName === '#text' ? (el.value ?? '') : (el.childNodes ?? []).map(text).join('');

const documents = new Map(
  PAGES.map((page) => [page.path, elements(parse(readFileSync(page.file, 'utf8')) as Element)]),
);

/** The file a URL path is served from, as Netlify finds it, or undefined. */
function fileFor(path: string): string | undefined {
  const direct = join(DIST, decodeURIComponent(path));
  if (existsSync(direct) && statSync(direct).isFile()) return direct;
  const index = join(direct, 'index.html');
  return existsSync(index) ? index : undefined;
}

/** Old addresses that _redirects sends elsewhere count as working links. */
const redirected = new Set(
  (existsSync(join(DIST, '_redirects')) ? readFileSync(join(DIST, '_redirects'), 'utf8') : '')
    .split('\n')
    .filter((line) => line.startsWith('/'))
    .map((line) => line.split(/\s+/)[0]),
);

it('the build has pages to check', () => {
  expect(PAGES.map((p) => p.path)).toEqual(expect.arrayContaining(['/', '/404.html', '/urgent-help/']));
});

describe('html-validate (recommended rules)', () => {
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  it.each(PAGES.map((p) => [p.path, p.file]))('%s has no errors', async (_path, file) => {
    const report = await validator.validateFile(file);
    const messages = report.results.flatMap((r) =>
      r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
    );
    expect(messages).toEqual([]);
  });
});

// The content editor's page is an app shell: Decap CMS draws its own interface, headings included.
const CONTENT_PAGES = PAGES.filter(({ path }) => !path.startsWith('/admin/'));

describe('headings and titles', () => {
  it.each(CONTENT_PAGES.map((p) => [p.path]))('%s has exactly one <h1>', (path) => {
    const h1s = documents.get(path)?.filter((el) => el.tagName === 'h1') ?? [];
    expect(h1s.map(text)).toHaveLength(1);
  });

  it('every page has a title, and no two pages share one', () => {
    const titles = CONTENT_PAGES.map(({ path }) => {
      const title = documents.get(path)?.find((el) => el.tagName === 'title');
      return [path, title ? text(title).trim() : ''] as const;
    });
    expect(titles.filter(([, title]) => !title).map(([path]) => path)).toEqual([]);
    const byTitle = Map.groupBy(titles, ([, title]) => title);
    const shared = [...byTitle]
      .filter(([, list]) => list.length > 1)
      .map(([title, list]) => `${title}: ${list.map(([p]) => p).join(', ')}`);
    expect(shared).toEqual([]);
  });
});

describe('head metadata and shared chrome', () => {
  const settings = siteSettings();
  // The offline page stands alone (src/pages/offline.astro): shown when the connection is down,
  // it carries no navigation, search or footer, whose links could not load.
  const SHARED = CONTENT_PAGES.filter(({ path }) => path !== '/404.html' && path !== '/offline/');
  const meta = (els: Element[], key: string, value: string) =>
    els.find((el) => el.tagName === 'meta' && attr(el, key) === value);

  it.each(SHARED.map((p) => [p.path]))('%s', (path) => {
    const els = documents.get(path) ?? [];
    expect(attr(els.find((el) => el.tagName === 'html') as Element, 'lang')).toBe('en-GB');
    expect(attr(meta(els, 'name', 'description') ?? ({} as Element), 'content') ?? '').toMatch(/.{20,}/);
    expect(attr(meta(els, 'property', 'og:title') ?? ({} as Element), 'content') ?? '').toMatch(/\S/);
    const canonical = els.find((el) => el.tagName === 'link' && attr(el, 'rel') === 'canonical');
    expect(canonical && attr(canonical, 'href')).toMatch(new RegExp(`${RegExp.escape(path)}$`));
    expect(els.filter((el) => el.tagName === 'main')).toHaveLength(1);
    const header = els.find((el) => el.tagName === 'header');
    const urgent =
      header && elements(header).find((el) => el.tagName === 'a' && text(el).trim() === 'Need urgent help?');
    expect(urgent && attr(urgent, 'href'), 'urgent-help link in the header').toBe('/urgent-help/');
    expect(els.some((el) => el.tagName === 'nav' && attr(el, 'aria-label') === 'Main')).toBe(true);
    // The site footer is the page's last <footer> (articles may have their own, earlier).
    const footer = els.filter((el) => el.tagName === 'footer').at(-1);
    const footerText = footer ? text(footer).replace(/\u00a0/g, ' ') : '';
    expect(footerText).toContain(`Registered charity number ${settings.charityNumber}`);
    const call =
      footer &&
      elements(footer).find((el) => el.tagName === 'a' && text(el).replace(/\u00a0/g, ' ') === settings.phone);
    expect(call && attr(call, 'href'), 'footer phone link').toBe(`tel:${settings.phone.replace(/\s/g, '')}`);
  });

  // The Helpline form's styles belong to /admin/ (src/browser/cms/helpline-dialog.ts adds them
  // there); bundled as a stylesheet they reached most public pages' inlined styles.
  it('no public page carries the content editor’s styles', () => {
    const carrying = PAGES.filter(({ path }) => !path.startsWith('/admin/')).filter(({ path }) =>
      (documents.get(path) ?? []).some((el) => el.tagName === 'style' && /\.helpline-(dialog|chip)\b/.test(text(el))),
    );
    expect(carrying.map(({ path }) => path)).toEqual([]);
  });

  // The editor's script imports the language rules (src/lib/content-rules.ts) for its preview; the
  // rules file's schema, with Zod, once came with them and made the script half as big again.
  it('the content editor’s script bundles no schema library', () => {
    const script = (documents.get('/admin/') ?? []).find((el) => el.tagName === 'script' && attr(el, 'src'));
    const src = script && attr(script, 'src');
    expect(src, '/admin/ loads its script from a file').toMatch(/^\/_astro\/.+\.js$/);
    const files = [src!];
    const code: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(DIST, file), 'utf8');
      code.push(text);
      // The chunks it imports, once each.
      for (const [, chunk] of text.matchAll(/from\s*"\.\/([^"]+\.js)"/g)) {
        if (!files.includes(`/_astro/${chunk}`)) files.push(`/_astro/${chunk}`);
      }
    }
    expect(code.join('\n')).not.toMatch(/\b_zod\b|ZodError/);
  });
});

describe('the urgent-help card on A–Z topics', () => {
  // Whether a topic shows the card is its `urgent` field; where the card sits on screen, and that
  // it works, is checked in a browser on one topic (tests/e2e/a-z.spec.ts).
  const topics = markdownEntries(join(CONTENT_DIR, 'a-z')).map(({ slug, data }) => ({ slug, urgent: data['urgent'] }));

  it('some topics are urgent and some are not', () => {
    expect(topics.filter((t) => t.urgent === true).length).toBeGreaterThan(0);
    expect(topics.filter((t) => t.urgent !== true).length).toBeGreaterThan(0);
  });

  it.each(topics.map((t) => [t.slug, t.urgent === true]))('%s: card shown is %s', (slug, urgent) => {
    const els = documents.get(`/a-z/${slug}/`) ?? [];
    expect(els.length, `/a-z/${slug}/ was built`).toBeGreaterThan(0);
    const card = els.findIndex((el) => el.tagName === 'aside' && attr(el, 'aria-labelledby') === 'urgent-card-heading');
    if (!urgent) {
      expect(card, 'no urgent-help card on a topic that is not urgent').toBe(-1);
      return;
    }
    const heading = els.find((el) => attr(el, 'id') === 'urgent-card-heading');
    expect(heading && text(heading)).toBe('If you need help now');
    const call = els
      .slice(card)
      .find((el) => el.tagName === 'a' && attr(el, 'href') === 'tel:999' && /call\s999/.test(text(el)));
    expect(call, 'a "call 999" link in the card').toBeDefined();
    const contents = els.findIndex((el) => el.tagName === 'nav' && attr(el, 'aria-labelledby') === 'contents-heading');
    expect(card, 'the card comes before the contents list').toBeLessThan(contents);
  });
});

describe('the :helpline directive in Markdown', () => {
  // The content gate reads directives with remark-directive and the site renders them with
  // Sätteri's own parser: a directive one of them missed would show as raw text.
  const topics = markdownEntries(join(CONTENT_DIR, 'a-z')).filter(({ body }) => body.includes(':helpline['));

  it('every topic that uses one shows its helplines as links', () => {
    expect(topics.length).toBeGreaterThan(0);
    for (const { slug } of topics) {
      const els = documents.get(`/a-z/${slug}/`) ?? [];
      const main = els.find((el) => el.tagName === 'main');
      const drawn = main
        ? elements(main).filter((el) => attr(el, 'class') === 'helpline' && attr(el, 'data-helpline'))
        : [];
      expect(drawn.length, `/a-z/${slug}/ shows its helplines`).toBeGreaterThan(0);
    }
  });

  it('no page has a gap where a helpline was lost: a word, a space, then "." or ","', () => {
    // What "Call free on **:helpline[samaritans]**." became once the editor's serialiser had
    // deleted the helpline in bold ("Call free on ."); the content gate now refuses such a file.
    const gaps = [...documents].flatMap(([path, els]) => {
      const main = els.find((el) => el.tagName === 'main');
      const found = main ? [...text(main).matchAll(/\S{0,40}\w [.,;:!?](?=\s|$)/g)] : [];
      return found.map((match) => `${path}: "${match[0]}"`);
    });
    expect(gaps).toEqual([]);
  });

  it('no page shows a directive as text', () => {
    const shown = [...documents].filter(([, els]) => {
      const main = els.find((el) => el.tagName === 'main');
      return main !== undefined && /:helpline\b/.test(text(main));
    });
    expect(shown.map(([path]) => path)).toEqual([]);
  });
});

// Pagefind reads only each page's <main> (PAGEFIND_ROOT in src/integrations/pagefind.ts): an
// attribute that adds to the search index anywhere else would be dropped without a word.
describe('what the search index reads', () => {
  const INDEXED = /^data-pagefind-(?!ignore$)/;
  it('every page keeps what Pagefind indexes inside <main>', () => {
    const outside = PAGES.flatMap(({ path }) => {
      const main = (documents.get(path) ?? []).find((el) => el.tagName === 'main');
      const inside = new Set(main ? [main, ...elements(main)] : []);
      return (documents.get(path) ?? [])
        .filter((el) => !inside.has(el) && el.attrs?.some((a) => INDEXED.test(a.name)))
        .map((el) => `${path} <${el.tagName ?? ''}>`);
    });
    expect(outside).toEqual([]);
  });

  it('pages are indexed: some have a data-pagefind-body', () => {
    const bodies = PAGES.filter(({ path }) =>
      (documents.get(path) ?? []).some((el) => attr(el, 'data-pagefind-body') !== undefined),
    );
    expect(bodies.length).toBeGreaterThan(PAGES.length / 2);
  });
});

describe('internal links and anchors', () => {
  it.each(PAGES.map((p) => [p.path]))('every link on %s resolves', (path) => {
    const broken: string[] = [];
    const base = new URL(path, SITE);
    for (const el of documents.get(path) ?? []) {
      const ref =
        el.tagName === 'a' || el.tagName === 'link'
          ? attr(el, 'href')
          : el.tagName === 'img' || el.tagName === 'script' || el.tagName === 'source'
            ? attr(el, 'src')
            : undefined;
      if (!ref || (el.tagName === 'link' && attr(el, 'rel') === 'canonical')) continue;
      let url: URL;
      try {
        url = new URL(ref, base);
      } catch {
        broken.push(`${ref} (not a URL)`);
        continue;
      }
      if (url.origin !== SITE.origin) continue;
      const target = url.pathname === base.pathname ? path : url.pathname;
      const file = fileFor(target);
      if (!file) {
        if (!redirected.has(url.pathname)) broken.push(ref);
        continue;
      }
      if (url.hash && url.hash !== '#') {
        const id = decodeURIComponent(url.hash.slice(1));
        const targetDoc = documents.get(target) ?? documents.get(target.endsWith('/') ? target : `${target}/`);
        const found = targetDoc?.some(
          (node) => attr(node, 'id') === id || (node.tagName === 'a' && attr(node, 'name') === id),
        );
        if (!found) broken.push(`${ref} (no element with id "${id}")`);
      }
    }
    expect(broken).toEqual([]);
  });
});
