/**
 * The keys of pages a rebuild may copy from the last build (src/integrations/page-store.ts, and the
 * `page-reuse` integration that copies them). A key must change whenever anything the page shows
 * could change, besides the code (the store is emptied when any file under src/ changes):
 *
 * - the page's own entry as rendered (its HTML, with any helplines drawn in it, and its headings);
 * - everything a page shows from other files: every file in the content folder other than the
 *   Markdown of news posts and A–Z topics (settings, helplines, services, pages, values, images),
 *   and, of every news post and A–Z topic, its fields and what the pages show from its body (a
 *   post's reading time). So a change to a post's fields (title, date, tags, summary) renders every
 *   keyed page again, as its related and recent lists may show it; a change to its body alone
 *   renders its own page;
 * - the site's address, the day of the build in London, and the news published as of the build's
 *   moment (a post dated later in the day is published by a later build), as pages show review
 *   dates, "Scheduled" and the year.
 *
 * The routes with most pages offer theirs: news posts and A–Z topics, and the lists of news (all
 * news and each category, page by page), which show only posts' fields and reading times. Every
 * other page is rendered on every build.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_NOW, CONTENT_DIR, SITE_URL } from '../config';
import { VERDICT_KEY } from '../lib/content-report';
import { londonDay } from '../lib/schedule/dates';
import { filesUnder, offerPage } from '../integrations/page-store';
import { getNews } from './news';

/** The collections whose Markdown bodies are keyed per page rather than for the whole site. */
const PER_PAGE = ['news', 'a-z'] as const;

/**
 * What the loader keeps in an entry's rendered metadata that no other page shows: the content
 * gate's verdict (for the content report, which is never copied) and what comes from the body
 * only for its own page. Anything else there (a post's reading time) is part of the site's key.
 */
const OWN_PAGE_ONLY = new Set([VERDICT_KEY, 'headings', 'localImagePaths', 'remoteImagePaths', 'imagePaths']);

let site: Promise<string> | undefined;

/** The part of an entry that other pages may show: its fields and what the loader took from its body. */
function sharedFacts(entry: CollectionEntry<(typeof PER_PAGE)[number]>): unknown {
  const metadata = Object.entries(entry.rendered?.metadata ?? {}).filter(([name]) => !OWN_PAGE_ONLY.has(name));
  return [entry.id, entry.filePath, entry.data, metadata];
}

async function siteKey(): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`${SITE_URL}\n${londonDay(BUILD_NOW)}\n`);
  for (const file of filesUnder(CONTENT_DIR)) {
    if (/^(news|a-z)\/[^/]+\.md$/.test(file)) continue;
    hash
      .update(`${file}\n`)
      .update(readFileSync(join(CONTENT_DIR, file)))
      .update('\n');
  }
  for (const collection of PER_PAGE) {
    for (const entry of await getCollection(collection)) hash.update(JSON.stringify(sharedFacts(entry))).update('\n');
  }
  hash.update(JSON.stringify((await getNews()).posts.map((post) => post.id)));
  return hash.digest('hex');
}

/**
 * Offers the page at `path` for reuse by the next build, under a key made of the site's key (see
 * the module comment, worked out once per build) and `own`, what the page shows beyond it.
 */
async function offer(path: string, own: unknown[]): Promise<void> {
  // Only a build reuses pages; `astro dev` calls getStaticPaths() for every request.
  if (import.meta.env.DEV) return;
  site ??= siteKey();
  const key = createHash('sha256')
    .update(await site)
    .update(JSON.stringify([path, ...own]))
    .digest('hex');
  offerPage(path, key);
}

/**
 * Offers the list page at `path` (a page of all news or of one category), which shows nothing
 * beyond the site's key. Called from `getStaticPaths()`.
 */
export function offerListForReuse(path: string): Promise<void> {
  return offer(path, []);
}

/**
 * Offers the page at `path`, which shows `entry`: its own part of the key is the entry's rendering.
 * Called from `getStaticPaths()`.
 */
export function offerForReuse(path: string, entry: CollectionEntry<(typeof PER_PAGE)[number]>): Promise<void> {
  return offer(path, [entry.id, entry.rendered?.html ?? '', entry.rendered?.metadata ?? {}]);
}
