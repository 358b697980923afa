/**
 * Files on disk that the tests list: every file a build wrote, the entries of a content folder.
 * (The pages of a built site, with the addresses they are served at, are in built-pages.ts.)
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readEntry } from './frontmatter';

/** Every file under a folder, at any depth, as paths joined onto `dir` (none if the folder does not exist). */
export function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** A Markdown entry of a content folder, as the build reads it. */
export interface MarkdownEntry {
  /** The file name without `.md` or `.mdx`, which is the entry's slug. */
  slug: string;
  /** Path of the file, joined onto the folder given. */
  file: string;
  /** Its frontmatter. */
  data: Record<string, unknown>;
  /** Its Markdown body. */
  body: string;
}

/**
 * The Markdown entries (`.md`, `.mdx`) directly in a content folder, by file name, leaving out
 * files that start with "_" as the build does.
 */
export function markdownEntries(dir: string): MarkdownEntry[] {
  return readdirSync(dir)
    .filter((name) => /^[^_].*\.mdx?$/.test(name))
    .sort()
    .map((name) => ({ slug: name.replace(/\.mdx?$/, ''), file: join(dir, name), ...readEntry(join(dir, name)) }));
}
