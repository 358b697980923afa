/**
 * The pages in a built site, read from disk: every HTML file and the URL path it is served at.
 */
import { readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** Folder of the build the tests check. */
export const DIST = resolve(process.env['OUT_DIR'] ?? 'dist');

/** A built HTML page. */
export interface BuiltPage {
  /** Absolute path of the file. */
  file: string;
  /** URL path it is served at, such as "/about/" or "/404.html". */
  path: string;
}

/** Every HTML page under `dist`, sorted by path. Files copied with the CMS bundle are skipped. */
export function builtPages(dist = DIST): BuiltPage[] {
  const pages: BuiltPage[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        // The copied Decap bundle is third-party code, not a page of ours.
        if (full !== join(dist, 'admin', 'decap')) walk(full);
      } else if (entry.name.endsWith('.html')) {
        const rel = relative(dist, full).split(sep).join('/');
        const path = rel === 'index.html' ? '/' : rel.endsWith('/index.html') ? `/${rel.slice(0, -10)}` : `/${rel}`;
        pages.push({ file: full, path });
      }
    }
  };
  walk(dist);
  return pages.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * One page of each kind: the home page, the first page of every top-level section at every
 * depth (so /news/, /news/2/ and /news/some-post/ each count), and every page at the top level.
 */
export function onePagePerTemplate(pages: readonly BuiltPage[]): BuiltPage[] {
  const seen = new Set<string>();
  return pages.filter(({ path }) => {
    const segments = path.split('/').filter(Boolean);
    // Pages one level down are usually distinct templates (about, urgent help, search, 404).
    const key =
      segments.length <= 1 ? path : `${segments[0]}/${segments.length}/${/^\d+$/.test(segments.at(-1) ?? '')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
