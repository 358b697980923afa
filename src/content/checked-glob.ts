/**
 * Astro's glob loader, with checks that turn bad content into one clear line naming the file and
 * the field: schema problems (missing title, bad date, unknown category, image without alt text)
 * and unsafe HTML in the Markdown body. A bad entry stops the build; it is never dropped quietly.
 */
import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import { z } from 'astro/zod';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ContentError, describeIssue, type IssueLike } from '../lib/content-error';
import {
  gateCollection,
  MARKDOWN_FILES,
  markdownGate,
  refuseMdx,
  type GateVerdict,
  type MarkdownGate,
} from './content-gate';
import { VERDICT_KEY } from '../lib/content-report';
import { findUnsafeHtml } from '../lib/safe-html';
import { validatingIn, type CollectionSchema } from '../schemas/fields';
import { markdownBody } from './frontmatter';

/** Options for a checked collection folder. */
export interface CheckedGlobOptions {
  /** Absolute path of the content folder. */
  contentDir: string;
  /** Sub-folder of the collection, such as "news". */
  folder: string;
  /** The collection's declared fields. */
  schema: CollectionSchema;
  /** Files to load; a leading underscore keeps a file out of the build. */
  pattern?: string | string[];
  /**
   * Checks across the whole collection once every file is loaded (such as references between
   * entries). Runs before any page is built, so a bad reference never publishes anything.
   */
  checkAll?: (entries: CheckedEntry[]) => void;
  /**
   * Runs for an entry the dev server reloads on its own when its file changes, after the whole
   * load (Astro's glob loader watches each file and stores it again; `checkAll` runs only on a
   * whole load, so a check that `checkAll` makes of each entry is made here for the one reloaded).
   */
  checkReloaded?: (entry: CheckedEntry) => void;
  /**
   * Checks one entry's data as it is stored (references to the helpline registry). Throws a
   * ContentError to stop the build. (Markdown bodies go through the content gate.)
   */
  checkEntry?: (entry: { file: string; data: Record<string, unknown> }) => void;
  /**
   * A key for files outside the collection that rendered entries show (the helpline registry):
   * when it changes, every entry is rendered again instead of being taken from Astro's cache.
   */
  renderDependsOn?: () => string;
  /** The folder `renderDependsOn` describes, watched in `astro dev` (see {@link rerenderOnChange}). */
  renderDependsOnFolder?: string;
  /**
   * Facts the pages need from the raw Markdown (a news post's reading time), taken as an entry is
   * stored and kept in its rendered metadata: the store keeps the rendered HTML, not the raw body.
   */
  bodyFacts?: (body: string) => Record<string, unknown>;
}

/** A loaded entry, as a collection-wide check sees it. */
export interface CheckedEntry {
  id: string;
  /** Absolute path of the entry's file. */
  file: string;
  data: Record<string, unknown>;
}

/**
 * What entries stored by this loader hold, named in the store's cache key: entries an older loader
 * stored (with their raw body, without the body facts) are read again instead of being reused.
 */
const STORED_ENTRY_FORMAT = 'rendered-without-body-2';


type StoredEntry = Parameters<LoaderContext['store']['set']>[0];

/**
 * The entry as the store keeps it: without the raw Markdown body, which every page build would
 * otherwise carry (Astro bundles the whole store into the build), and without the rendered copy of
 * the frontmatter (the parsed `data` holds it). What the pages need from the body is kept as facts,
 * and the content gate's verdict with them, for the content report page and the next build.
 */
function withoutBody(
  entry: StoredEntry,
  body: string,
  facts: CheckedGlobOptions['bodyFacts'],
  verdict: GateVerdict | undefined,
): StoredEntry {
  const stored: StoredEntry = { ...entry };
  delete stored.body;
  if (!stored.rendered) return stored;
  const metadata = { ...stored.rendered.metadata, ...facts?.(body), ...(verdict ? { [VERDICT_KEY]: verdict } : {}) };
  delete metadata.frontmatter;
  stored.rendered = { ...stored.rendered, metadata };
  return stored;
}

/** The Markdown body of a file, as Astro's glob loader gives it (frontmatter removed, trimmed). */
function bodyOfFile(file: string): string {
  return markdownBody(readFileSync(file, 'utf8')).trim();
}

/** Dev-server watchers that already re-render a collection folder when its dependency changes. */
const watching = new WeakMap<object, Set<string>>();

/**
 * The key of what stored entries were made with: the loader's format, the files they show (the
 * helpline registry) and the content gate's fingerprint. When it changes, the store is emptied and
 * every entry read, rendered and checked again, so a stored verdict is always the current one.
 */
function dependencyKey(options: CheckedGlobOptions, gate: MarkdownGate): string {
  return `${STORED_ENTRY_FORMAT}:${options.renderDependsOn?.() ?? ''}:${gate.fingerprint ?? 'unchecked'}`;
}

/**
 * In `astro dev`, when a file that rendered entries show changes (a helpline's number), the stored
 * entries are rendered and checked again at once, so pages show it without restarting the server.
 * (A build renders everything afresh whenever the dependency changed: see `renderDependsOn`.)
 */
function rerenderOnChange(ctx: LoaderContext, options: CheckedGlobOptions, base: string): void {
  const folder = options.renderDependsOnFolder;
  const watcher = ctx.watcher;
  if (!folder || !watcher || !options.renderDependsOn) return;
  const seen = watching.get(watcher) ?? new Set<string>();
  if (seen.has(base)) return;
  watching.set(watcher, seen.add(base));
  watcher.add(folder);
  const rerender = async (changed: string) => {
    if (!resolve(changed).startsWith(resolve(folder))) return;
    const gate = markdownGate(options.folder, options.schema, options.contentDir, ctx.meta);
    const key = dependencyKey(options, gate);
    for (const entry of ctx.store.values()) {
      if (!entry.rendered) continue;
      try {
        // The store keeps no raw body, so the file is read again.
        const file = resolve(entry.filePath ?? join(base, entry.id));
        const body = bodyOfFile(file);
        const verdict = await gate.check(file);
        const rendered = await ctx.renderMarkdown(body, { fileURL: pathToFileURL(file) });
        // A new digest, or the store keeps the old rendering; the next sync compares file digests.
        ctx.store.set(
          withoutBody({ ...entry, rendered, digest: `${String(entry.digest)}+${key}` }, body, options.bodyFacts, verdict),
        );
      } catch (error) {
        ctx.logger.warn(`${entry.filePath ?? entry.id}: ${(error as Error).message.split('\n')[0] ?? ''}`);
      }
    }
    ctx.meta.set('render-depends-on', key);
  };
  for (const event of ['add', 'change', 'unlink']) watcher.on(event, (path: string) => void rerender(path));
}

/** The schema with a stand-in for images, so field checks run before Astro resolves files. */
function checkingSchema(schema: CollectionSchema) {
  return schema.schema({ image: () => z.string().min(1, { error: 'is empty' }) });
}

/** A glob loader over `contentDir/folder` that reports bad content as one line. */
export function checkedGlob(options: CheckedGlobOptions): Loader {
  const base = join(options.contentDir, options.folder);
  // Only .md: every collection here is edited in the CMS, and .mdx would run code at build time.
  // An .mdx file stops the build (refuseMdx) rather than being left out quietly.
  const inner = glob({ pattern: options.pattern ?? MARKDOWN_FILES, base });
  const check = checkingSchema(options.schema);
  return {
    name: 'checked-glob',
    load: async (ctx: LoaderContext) => {
      refuseMdx(base);
      // Rules, helpline registry and the charity's own numbers are read once per load.
      const gate = markdownGate(options.folder, options.schema, options.contentDir, ctx.meta);
      /** Verdicts of the files Astro read in this load, by absolute path. */
      const verdicts = new Map<string, GateVerdict>();
      const parseData: LoaderContext['parseData'] = async (props) => {
        const file = props.filePath ?? join(base, props.id);
        const parsed = await validatingIn(dirname(props.filePath ?? ''), () => ctx.parseData(props)).catch((error: unknown) => {
          // Astro's error lists every issue in its own words: the first, as one line naming the
          // field, is what editors see. The fields are checked a second time only here, so a
          // file that passes is validated once.
          const result = check.safeParse(props.data, { reportInput: true });
          if (!result.success) {
            const { field, problem } = describeIssue(result.error.issues[0] as IssueLike);
            throw new ContentError(file, field, problem);
          }
          throw error;
        });
        // Astro calls this only for new and changed files, before rendering them: the content gate
        // (safe language, reading grade, helplines) checks each such file here, parsing it once.
        if (file.endsWith('.md')) verdicts.set(resolve(file), await gate.check(resolve(file), props.data));
        return parsed;
      };
      /** Set once this load is done: an entry stored after it is one the dev server reloaded. */
      let loaded = false;
      const store = new Proxy(ctx.store, {
        get(target, prop, receiver) {
          if (prop === 'set') {
            return (entry: StoredEntry) => {
              const body = entry.body ?? '';
              const file = join(process.cwd(), entry.filePath ?? entry.id);
              options.checkEntry?.({ file, data: entry.data });
              const html = entry.rendered?.html ?? '';
              const problems = findUnsafeHtml(html);
              if (problems.length > 0) {
                throw new ContentError(file, 'body', problems[0] ?? '');
              }
              const stored = target.set(withoutBody(entry, body, options.bodyFacts, verdicts.get(resolve(file))));
              if (loaded) options.checkReloaded?.({ id: entry.id, file: resolve(file), data: entry.data });
              return stored;
            };
          }
          const value: unknown = Reflect.get(target, prop, receiver);
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
      // Entries stored by an older loader, rendered with other helpline numbers, or checked by
      // another version of the gate or its rules, are read again.
      const dependency = dependencyKey(options, gate);
      if (ctx.meta.get('render-depends-on') !== dependency) {
        ctx.store.clear();
        ctx.meta.set('render-depends-on', dependency);
      }
      await inner.load({ ...ctx, parseData, store });
      rerenderOnChange(ctx, options, base);
      // Every entry, cached or not: one Astro took from its cache carries the verdict it was stored
      // with, which is current (the dependency key above names the gate's fingerprint). Without a
      // fingerprint nothing is trusted from an earlier build, and such entries are checked again.
      await gateCollection(
        options.folder,
        ctx.store.values().map((entry) => {
          const file = resolve(entry.filePath ?? join(base, entry.id));
          const stored = gate.fingerprint ? (entry.rendered?.metadata?.[VERDICT_KEY] as GateVerdict | undefined) : undefined;
          return { filePath: entry.filePath, verdict: verdicts.get(file) ?? stored };
        }),
        options.schema,
        ctx.logger,
        options.contentDir,
        { cache: ctx.meta, gate },
      );
      options.checkAll?.(
        ctx.store.values().map((entry) => ({
          id: entry.id,
          file: resolve(entry.filePath ?? join(base, entry.id)),
          data: entry.data,
        })),
      );
      loaded = true;
    },
  };
}
