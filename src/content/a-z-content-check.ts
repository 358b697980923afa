/**
 * The A–Z's cross-reference checks, run by the content loader as soon as the topics are loaded:
 * related topics and services must exist, and each "also known as" name may lead to one topic only.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkAzReferences, type AzCheckedData } from '../lib/a-z-index';
import type { CheckedEntry } from './checked-glob';

/** Slugs of the Markdown files in a collection folder (files starting with _ are left out). */
export function collectionSlugs(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names.filter((name) => /^[^_].*\.mdx?$/.test(name)).map((name) => name.replace(/\.mdx?$/, ''));
}

/** A collection-wide check for the A–Z topics in `contentDir/a-z`, against `contentDir/services`. */
export function azCollectionCheck(contentDir: string): (entries: CheckedEntry[]) => void {
  return (entries) =>
    checkAzReferences(
      entries.map((entry) => ({ slug: entry.id, file: entry.file, data: entry.data as unknown as AzCheckedData })),
      collectionSlugs(join(contentDir, 'services')),
    );
}
