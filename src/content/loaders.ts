/**
 * Each collection's loader: the checked glob over `content/<name>/`, with the collection-wide
 * checks where a collection has them. `src/content.config.ts` hands these to Astro, and the unit
 * tests run the same loaders in-process over fixture trees.
 */
import type { Loader } from 'astro/loaders';
import { join } from 'node:path';
import { COLLECTIONS, type CollectionName } from '../schemas/collections';
import type { SiteLists } from '../schemas/settings';
import { checkNewsSlugs, readingMinutes } from '../lib/news';
import { sortValues, type ValueLike } from '../lib/values';
import { azCollectionCheck } from './a-z-content-check';
import { checkedGlob, type CheckedEntry, type CheckedGlobOptions } from './checked-glob';
import { HELPLINES_FOLDER, helplineEntryCheck, registryFingerprint } from './helplines';
import { warnStaleDates } from './news-dates';

/** The loader for one collection of the content tree at `contentDir`. */
export function collectionLoader(name: CollectionName, contentDir: string, lists: SiteLists): Loader {
  const declaration = COLLECTIONS.find((c) => c.name === name);
  if (!declaration) throw new Error(`No collection named "${name}"`);
  const checkAll: Partial<Record<CollectionName, CheckedGlobOptions['checkAll']>> = {
    'a-z': azCollectionCheck(contentDir),
    news: (entries) => {
      checkNewsSlugs(entries);
      // Every build, cached entries too: a promise goes stale as the days pass, not as the file changes.
      for (const entry of entries) warnStaleDates(entry);
    },
    // Two values with the same order would make the values page's order a guess.
    values: (entries) => void sortValues(entries as (CheckedEntry & ValueLike)[], (entry) => entry.file),
  };
  const check = checkAll[name];
  return checkedGlob({
    contentDir,
    folder: name,
    schema: declaration.schema(lists),
    ...(declaration.kind === 'markdown' ? {} : { pattern: '[^_]*.yaml' }),
    ...(check ? { checkAll: check } : {}),
    // A post the dev server reloads after an edit: its passed dates, for the log and the report.
    ...(name === 'news' ? { checkReloaded: (entry: CheckedEntry) => void warnStaleDates(entry) } : {}),
    // Helpline ids named in every file's data are checked (a Markdown body's directives and
    // numbers by the content gate); Markdown that shows registry lines is rendered again whenever
    // the registry changes.
    checkEntry: helplineEntryCheck(name, contentDir),
    // The store keeps no raw Markdown: a news post's reading time is counted as it is stored.
    ...(name === 'news' ? { bodyFacts: (body: string) => ({ readingMinutes: readingMinutes(body) }) } : {}),
    ...(declaration.kind === 'markdown'
      ? { renderDependsOn: () => registryFingerprint(contentDir), renderDependsOnFolder: join(contentDir, HELPLINES_FOLDER) }
      : {}),
  });
}
