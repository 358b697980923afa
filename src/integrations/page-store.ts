/**
 * Reusing pages between builds: a page whose key (src/data/page-cache.ts) is the same as in the
 * last build is copied from that build instead of being rendered again. This module holds the
 * pages offered for reuse during a build, and the store of the last build's pages in the cache
 * folder, which Netlify keeps between deploys. The `page-reuse` integration
 * (src/integrations/page-reuse.ts) reads and writes the store; the pages' `getStaticPaths()` offer
 * their pages.
 *
 * The store is a folder of pages named by key, with a manifest giving each page's SHA-256 and the
 * key of the site's code. A page is taken from it only when its bytes still have that hash, and only
 * when the code that renders it is the same (every file under src/, the Astro config, package.json,
 * the lockfile, tsconfig.json and the Node version): a change to any of them renders every page again.
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';

/** The manifest of the store: the code's key, and each kept page's key with the SHA-256 of its bytes. */
export interface ReuseManifest {
  code: string;
  pages: Record<string, string>;
}

/**
 * The pages offered in this build, by path ("/news/a-post/"): each page's key. Kept on `globalThis`,
 * as the pages (Astro's prerender bundle) and the integration (loaded with the config) each load
 * their own copy of this module.
 */
const OFFERED = Symbol.for('charity-site.page-reuse-offered');
type Shared = typeof globalThis & { [OFFERED]?: Map<string, string> };

/** Offers the page at `path` for reuse under `key`: called from `getStaticPaths()`. */
export function offerPage(path: string, key: string): void {
  const shared = globalThis as Shared;
  (shared[OFFERED] ??= new Map()).set(path, key);
}

/** The pages offered so far in this build, by path. */
export function offeredPages(): ReadonlyMap<string, string> {
  return (globalThis as Shared)[OFFERED] ?? new Map();
}

/** Forgets the pages offered, once the build has stored them. */
export function forgetOfferedPages(): void {
  delete (globalThis as Shared)[OFFERED];
}

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** Every file under `dir`, as paths relative to it, sorted so a key does not follow the disk's order. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * The key of the code that renders pages, from the project at `root`: every file under src/, the
 * Astro config, package.json (a browserslist there would change the CSS), the lockfile, tsconfig.json and
 * the Node version.
 */
export function codeKey(root: string): string {
  const hash = createHash('sha256').update(`${process.version}\n`);
  const files = [
    ...filesUnder(join(root, 'src')).map((file) => join('src', file)),
    'astro.config.ts',
    'package.json',
    'package-lock.json',
    'tsconfig.json',
  ];
  for (const file of files) {
    const path = join(root, file);
    hash
      .update(`${file}\n`)
      .update(existsSync(path) ? readFileSync(path) : '')
      .update('\n');
  }
  return hash.digest('hex');
}

/**
 * A page that shows an image Astro optimised is never kept: Astro writes an optimised image only
 * when a page that shows it is rendered, so a page copied from the store would point at a file the
 * build did not write.
 */
const OPTIMISED_IMAGE = /\/_astro\/[^"'\s)]+\.(?:avif|webp|png|jpe?g|gif|svg)\b/i;

/** The store of the last build's pages in `folder`, for this build's code. */
export class PageStore {
  readonly #folder: string;
  readonly #code: string;
  readonly #previous: Record<string, string>;
  readonly #next: Record<string, string> = {};
  /** The keys of the pages taken from the store in this build. */
  readonly #taken = new Set<string>();

  /** How many pages were taken from the store in this build. */
  get reused(): number {
    return this.#taken.size;
  }

  constructor(folder: string, code: string) {
    this.#folder = folder;
    this.#code = code;
    this.#previous = PageStore.#read(folder, code);
    mkdirSync(folder, { recursive: true });
  }

  static #read(folder: string, code: string): Record<string, string> {
    try {
      const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as ReuseManifest;
      return manifest.code === code ? manifest.pages : {};
    } catch {
      return {};
    }
  }

  /** The page kept under `key`, if there is one and its bytes are the ones stored. */
  take(key: string): Buffer | undefined {
    const expected = this.#previous[key];
    if (!expected) return undefined;
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(this.#folder, `${key}.html`));
    } catch {
      return undefined;
    }
    if (sha256(bytes) !== expected) return undefined;
    this.#taken.add(key);
    return bytes;
  }

  /**
   * Keeps the built page at `file` under `key` for the next build: a hard link to the output file
   * where the file system allows one (no copy: Astro empties the output folder before it writes,
   * so the link keeps this build's bytes), or else a copy. A page taken from the store in this
   * build is already there, checked by `take()` against its hash, and Astro wrote those same bytes
   * to `file`, so it is kept as it is without reading the page again. Pages with optimised images
   * are left out (see OPTIMISED_IMAGE).
   */
  keep(key: string, file: string): void {
    const taken = this.#taken.has(key) ? this.#previous[key] : undefined;
    if (taken) {
      this.#next[key] = taken;
      return;
    }
    const bytes = readFileSync(file);
    if (OPTIMISED_IMAGE.test(bytes.toString('utf8'))) return;
    const stored = join(this.#folder, `${key}.html`);
    rmSync(stored, { force: true });
    try {
      linkSync(file, stored);
    } catch {
      copyFileSync(file, stored);
    }
    this.#next[key] = sha256(bytes);
  }

  /** Writes the manifest of the pages kept, and removes those this build did not keep. */
  save(): number {
    for (const name of readdirSync(this.#folder)) {
      if (name.endsWith('.html') && !(name.slice(0, -'.html'.length) in this.#next)) {
        rmSync(join(this.#folder, name), { force: true });
      }
    }
    const manifest: ReuseManifest = { code: this.#code, pages: this.#next };
    writeFileSync(join(this.#folder, 'manifest.json'), JSON.stringify(manifest));
    return Object.keys(this.#next).length;
  }
}
