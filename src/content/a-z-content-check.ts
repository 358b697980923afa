/**
 * The A–Z's collection-wide checks, run by the content loader as soon as the topics are loaded:
 * related topics and services must exist, each "also known as" name may lead to one topic only, and
 * a guide may not use the headings meant for conditions.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkTopicHeadings } from '../lib/a-z-headings';
import { checkAzReferences, type AzCheckedData } from '../lib/a-z-index';
import type { AzData } from '../schemas/a-z';
import type { CheckedEntry } from './checked-glob';
import { markdownBody } from './frontmatter';

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

/** A Markdown file's body with the frontmatter blanked out line for line, so lines are the file's. */
function bodyWithFileLines(file: string): string {
  return markdownBody(readFileSync(file, 'utf8'), 'empty-with-lines');
}

/** A collection-wide check for the A–Z topics in `contentDir/a-z`, against `contentDir/services`. */
export function azCollectionCheck(contentDir: string): (entries: CheckedEntry[]) => void {
  return (entries) => {
    checkAzReferences(
      entries.map((entry) => ({ slug: entry.id, file: entry.file, data: entry.data as unknown as AzCheckedData })),
      collectionSlugs(join(contentDir, 'services')),
    );
    // Every topic, cached or not, read from its file: the content store keeps no raw Markdown.
    for (const entry of entries) {
      const { kind } = entry.data as Pick<AzData, 'kind'>;
      checkTopicHeadings(entry.file, kind, bodyWithFileLines(entry.file));
    }
  };
}
