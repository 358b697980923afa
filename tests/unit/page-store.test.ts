/**
 * The store of pages a rebuild may copy (src/integrations/page-store.ts): what it keeps, what it gives back,
 * and when it gives nothing. The rebuild itself, with the real build, is tests/build/rebuild.test.ts.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pageReuse } from '../../src/integrations/page-reuse';
import { codeKey, offerPage, offeredPages, PageStore } from '../../src/integrations/page-store';

let dir: string;
let folder: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mmh-test-page-reuse-'));
  folder = join(dir, 'cache/page-reuse');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a built page and returns its file. */
function page(name: string, html: string): string {
  const file = join(dir, 'dist', name, 'index.html');
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, html);
  return file;
}

/** One build: keeps `pages` (key → html) and saves, as the integration does once pages are written. */
function build(pages: Record<string, string>, code = 'code-1'): PageStore {
  const store = new PageStore(folder, code);
  for (const [key, html] of Object.entries(pages)) store.keep(key, page(key, html));
  store.save();
  // Astro empties the output folder before the next build writes.
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  return store;
}

describe('PageStore', () => {
  it('gives back a page kept by the last build under the same key, byte for byte', () => {
    build({ a: '<p>A</p>', b: '<p>B</p>' });
    const next = new PageStore(folder, 'code-1');
    expect(next.take('a')?.toString()).toBe('<p>A</p>');
    expect(next.take('b')?.toString()).toBe('<p>B</p>');
    expect(next.take('c')).toBeUndefined();
    expect(next.reused).toBe(2);
  });

  it('gives nothing when the code changed', () => {
    build({ a: '<p>A</p>' });
    expect(new PageStore(folder, 'code-2').take('a')).toBeUndefined();
  });

  it('gives nothing for a kept page whose bytes changed since', () => {
    build({ a: '<p>A</p>' });
    writeFileSync(join(folder, 'a.html'), '<p>Changed</p>');
    expect(new PageStore(folder, 'code-1').take('a')).toBeUndefined();
  });

  it('keeps a rendered page again in place of a stored copy whose bytes changed', () => {
    build({ a: '<p>A</p>' });
    writeFileSync(join(folder, 'a.html'), '<p>Changed</p>');
    const next = new PageStore(folder, 'code-1');
    expect(next.take('a')).toBeUndefined();
    // The page is rendered again, and kept.
    next.keep('a', page('a', '<p>A</p>'));
    next.save();
    expect(new PageStore(folder, 'code-1').take('a')?.toString()).toBe('<p>A</p>');
  });

  it('does not keep a page that shows an image Astro optimised', () => {
    build({ a: '<img src="/_astro/photo.Bx1.webp" alt="">', b: '<script src="/_astro/page.Cy2.js"></script>' });
    const next = new PageStore(folder, 'code-1');
    expect(next.take('a')).toBeUndefined();
    expect(next.take('b')?.toString()).toContain('page.Cy2.js');
  });

  it('keeps only the pages of the last build, and finds nothing in a store that is not there', () => {
    build({ a: '<p>A</p>', b: '<p>B</p>' });
    build({ b: '<p>B</p>' });
    expect(readdirSync(folder).sort()).toEqual(['b.html', 'manifest.json']);
    rmSync(folder, { recursive: true });
    expect(new PageStore(folder, 'code-1').take('b')).toBeUndefined();
    expect(existsSync(folder)).toBe(true);
  });
});

describe('codeKey', () => {
  it('changes when any file under src/ changes', () => {
    const root = join(dir, 'project');
    mkdirSync(join(root, 'src/lib'), { recursive: true });
    writeFileSync(join(root, 'src/lib/a.ts'), 'export const a = 1;');
    writeFileSync(join(root, 'astro.config.ts'), 'export default {};');
    const before = codeKey(root);
    expect(codeKey(root)).toBe(before);
    writeFileSync(join(root, 'src/lib/a.ts'), 'export const a = 2;');
    expect(codeKey(root)).not.toBe(before);
  });
});

describe('the page-reuse integration', () => {
  it('keeps every page of a build, giving the event loop turns as it goes', async () => {
    // Pagefind's indexing starts just before this hook (src/integrations/pagefind.ts), and its
    // replies are handled on this event loop: the pages must not be kept in one unbroken run.
    const root = join(dir, 'project');
    mkdirSync(join(root, 'src'), { recursive: true });
    const hooks = pageReuse().hooks as Record<string, (options: unknown) => unknown>;
    const logged: string[] = [];
    const logger = { info: (line: string) => logged.push(line) };
    hooks['astro:config:setup']?.({
      command: 'build',
      config: { root: pathToFileURL(`${root}/`), cacheDir: pathToFileURL(`${join(dir, 'cache')}/`) },
      logger,
    });
    for (let n = 0; n < 100; n += 1) {
      page(`p${String(n)}`, `<p>${String(n)}</p>`);
      offerPage(`/p${String(n)}/`, `key-${String(n)}`);
    }
    let turns = 0;
    const count = () => {
      turns += 1;
      if (offeredPages().size > 0) setImmediate(count);
    };
    setImmediate(count);
    await hooks['astro:build:generated']?.({ dir: pathToFileURL(`${join(dir, 'dist')}/`), logger });
    expect(turns).toBeGreaterThanOrEqual(3);
    expect(logged).toEqual(['copied 0 of 100 pages from the last build; kept 100 for the next']);
    expect(readdirSync(folder)).toHaveLength(101);
  });
});
