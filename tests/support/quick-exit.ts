/**
 * Which pages should show "Exit this page": every A–Z topic, page and (published) news post whose
 * content turns on `quickExit`, as web addresses. Read from the content the site was built from.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildPageTree } from '../../src/lib/page-tree';
import { readData } from './frontmatter';

const CONTENT = process.env['CONTENT_DIR'] ?? 'content';

/** Markdown entries of a collection with their data, leaving out files that start with "_". */
function entries(folder: string): { slug: string; data: Record<string, unknown> }[] {
  return readdirSync(join(CONTENT, folder))
    .filter((name) => /^[^_].*\.mdx?$/.test(name))
    .map((name) => ({ slug: name.replace(/\.mdx?$/, ''), data: readData(join(CONTENT, folder, name)) }));
}

/** The web address of every entry whose content turns the button on, sorted. */
export function quickExitPaths(): string[] {
  const tree = buildPageTree(
    entries('pages').map(({ slug, data }) => ({
      slug,
      title: String(data['title']),
      parent: data['parent'] as string | undefined,
      entry: data,
    })),
  );
  return [
    ...entries('a-z')
      .filter(({ data }) => data['quickExit'] === true)
      .map(({ slug }) => `/a-z/${slug}/`),
    ...entries('news')
      .filter(({ data }) => data['quickExit'] === true && data['draft'] !== true)
      .map(({ slug }) => `/news/${slug}/`),
    ...[...tree.values()].filter((page) => page.entry['quickExit'] === true).map((page) => page.path),
  ].sort();
}
