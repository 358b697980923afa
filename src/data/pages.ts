/**
 * General pages, their web addresses and breadcrumbs, computed once per build.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildPageTree, type PageNode } from '../lib/page-tree';

/** A page entry from content/pages/. */
export type PageEntry = CollectionEntry<'pages'>;

let cache: Promise<Map<string, PageNode<PageEntry>>> | undefined;

/** Every page with its path and breadcrumb trail, keyed by slug. */
export function getPageTree(): Promise<Map<string, PageNode<PageEntry>>> {
  cache ??= getCollection('pages').then((pages) =>
    buildPageTree(
      pages.map((entry) => ({ slug: entry.id, title: entry.data.title, parent: entry.data.parent, entry })),
    ),
  );
  return cache;
}

/** A page by slug, or an error naming the missing file. */
export async function getPage(slug: string): Promise<PageNode<PageEntry>> {
  const page = (await getPageTree()).get(slug);
  if (!page) throw new Error(`Content error: content/pages/${slug}.md is missing (the site needs it)`);
  return page;
}
