/**
 * Which pages should show "Exit this page": every A–Z topic, page and (published) news post whose
 * content turns on `quickExit`, as web addresses. Read from the content the site was built from.
 */
import { join } from 'node:path';
import { buildPageTree } from '../../src/lib/page-tree';
import { markdownEntries } from './files';

const CONTENT = process.env['CONTENT_DIR'] ?? 'content';

/** Markdown entries of a collection with their data, leaving out files that start with "_". */
const entries = (folder: string) => markdownEntries(join(CONTENT, folder));

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
