/**
 * Runs a collection's real loader (src/content/loaders.ts: the checked glob, its schema checks,
 * the unsafe-HTML gate and the collection-wide checks) in-process over a content tree, the way
 * Starlight tests its loaders without a build. Only Astro's side of the loader context is stood
 * in for: the store, the logger, and the entry types, which parse frontmatter with Astro's own
 * parser and render Markdown with the processor the site's astro.config.ts uses.
 */
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { parseFrontmatter } from 'astro/markdown';
import { z } from 'astro/zod';
import { satteri } from '@astrojs/markdown-satteri';
import { parse as parseYaml } from 'yaml';
import astroConfig from '../../astro.config';
import { collectionLoader } from '../../src/content/loaders';
import { readSiteLists } from '../../src/content/site-lists';
import { COLLECTIONS, type CollectionName } from '../../src/schemas/collections';
import { ROOT } from './build';

/** An entry as the loader stored it. */
export interface LoadedEntry {
  id: string;
  data: Record<string, unknown>;
  body?: string | undefined;
  filePath?: string | undefined;
  rendered?: { html: string; metadata?: Record<string, unknown> } | undefined;
  /**
   * The Markdown body, read from the entry's file as Astro's glob loader reads it, for tests of
   * what the content says: the store itself keeps no raw body (src/content/checked-glob.ts).
   */
  markdown?: string | undefined;
}

/** What a load produced: its entries, and anything it logged as a warning or error. */
export interface LoadResult {
  entries: LoadedEntry[];
  warnings: string[];
}

type Processor = { createRenderer: (options: Record<string, unknown>) => Promise<MarkdownRenderer> };
type MarkdownRenderer = { render: (body: string, options: Record<string, unknown>) => Promise<{ code: string }> };

/** The Markdown processor the site builds with (Astro's default, Sätteri, unless the config sets one). */
function siteProcessor(): Processor {
  const configured = (astroConfig.markdown as { processor?: Processor } | undefined)?.processor;
  return configured ?? satteri();
}

const markdownEntryType = {
  getEntryInfo: ({ contents }: { contents: string }) => {
    const parsed = parseFrontmatter(contents);
    return { data: parsed.frontmatter as Record<string, unknown>, body: parsed.content.trim() };
  },
  getRenderFunction: async () => {
    const renderer = await siteProcessor().createRenderer({
      syntaxHighlight: astroConfig.markdown?.syntaxHighlight ?? false,
      image: {},
    });
    return async (entry: { data: Record<string, unknown>; body?: string; filePath?: string }) => {
      const result = await renderer.render(entry.body ?? '', {
        frontmatter: entry.data,
        ...(entry.filePath ? { fileURL: pathToFileURL(entry.filePath) } : {}),
      });
      return { html: result.code, metadata: {} };
    };
  },
};

const yamlEntryType = {
  getEntryInfo: ({ contents }: { contents: string }) => ({ data: parseYaml(contents) as Record<string, unknown> }),
};

/** A stand-in for the dev server's file watcher: the test emits `change` with a file's path. */
export type TestWatcher = EventEmitter & { add: (path: string) => void };

/** A watcher for {@link loadCollection}, as the dev server hands the loader one. */
export function testWatcher(): TestWatcher {
  return Object.assign(new EventEmitter(), { add: () => undefined });
}

/**
 * Loads one collection of the content tree at `contentDir` with the site's real loader. With a
 * `watcher`, as under the dev server, Astro's glob loader then reloads a file when the watcher
 * emits `change` with its path.
 */
export async function loadCollection(
  name: CollectionName,
  contentDir: string,
  options: { watcher?: TestWatcher } = {},
): Promise<LoadResult> {
  const lists = readSiteLists(contentDir, 'settings/site.yaml');
  const declaration = COLLECTIONS.find((c) => c.name === name);
  if (!declaration) throw new Error(`No collection named "${name}"`);
  const parsed = declaration.schema(lists).schema({ image: () => z.string() });
  const entries = new Map<string, LoadedEntry>();
  const warnings: string[] = [];
  const store = {
    get: (id: string) => entries.get(id),
    set: (entry: LoadedEntry) => {
      entries.set(entry.id, entry);
      return true;
    },
    has: (id: string) => entries.has(id),
    delete: (id: string) => entries.delete(id),
    clear: () => entries.clear(),
    keys: () => [...entries.keys()],
    values: () => [...entries.values()],
    entries: () => [...entries.entries()],
    addModuleImport: () => undefined,
    addAssetImports: () => undefined,
  };
  const logger = {
    info: () => undefined,
    debug: () => undefined,
    warn: (message: string) => warnings.push(message),
    error: (message: string) => warnings.push(message),
  };
  const context = {
    collection: name,
    ...(options.watcher ? { watcher: options.watcher } : {}),
    store,
    meta: new Map(),
    logger,
    config: { ...astroConfig, root: pathToFileURL(`${ROOT}/`), srcDir: pathToFileURL(`${ROOT}/src/`) },
    // As Astro does after the loader's own checks: the schema's defaults and types applied.
    parseData: ({ data }: { data: Record<string, unknown> }) => parsed.parseAsync(data),
    generateDigest: (data: unknown) => createHash('sha1').update(JSON.stringify(data)).digest('hex'),
    entryTypes: new Map<string, unknown>([
      ['.md', markdownEntryType],
      ['.yaml', yamlEntryType],
    ]),
  } as unknown as LoaderContext;
  await collectionLoader(name, contentDir, lists).load(context);
  const read = (entry: LoadedEntry) =>
    entry.filePath?.endsWith('.md')
      ? markdownEntryType.getEntryInfo({ contents: readFileSync(resolve(ROOT, entry.filePath), 'utf8') }).body
      : undefined;
  return { entries: [...entries.values()].map((entry) => ({ ...entry, markdown: read(entry) })), warnings };
}
