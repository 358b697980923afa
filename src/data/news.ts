/**
 * News posts, computed once per build: which are published, their order, previous and next,
 * related and recent posts, and category counts. Every news page, feed and the home page read
 * from here instead of sorting the collection themselves.
 */
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { BUILD_NOW, SITE_URL } from '../config';
import { absoluteUrls } from '../lib/absolute-urls';
import { slugify } from '../lib/format';
import { buildNewsIndex, type NewsIndex } from '../lib/news';
import { getSettings } from './settings';

/** A news post from content/news/. */
export type NewsEntry = CollectionEntry<'news'>;

let cache: Promise<NewsIndex<NewsEntry>> | undefined;

/**
 * The published news, computed once. Drafts and future posts appear only in `astro dev`; in a
 * production build a post dated after the moment of the build waits for a build on or after its
 * date.
 */
export function getNews(): Promise<NewsIndex<NewsEntry>> {
  cache ??= (async () => {
    const [entries, settings] = await Promise.all([getCollection('news'), getSettings()]);
    return buildNewsIndex(entries, {
      now: BUILD_NOW,
      preview: import.meta.env.DEV,
      categoryOrder: settings.categories,
    });
  })();
  return cache;
}

/**
 * A post's reading time in minutes, counted from its Markdown when the loader stored it
 * (src/content/loaders.ts): the content store keeps the rendered HTML, not the raw body.
 */
export function postReadingMinutes(post: NewsEntry): number {
  const minutes = post.rendered?.metadata?.['readingMinutes'];
  if (typeof minutes !== 'number') throw new Error(`${post.filePath ?? post.id}: the loader stored no reading time`);
  return minutes;
}

/** The address of a post, e.g. /news/peer-support-during-lockdown/. */
export function postPath(post: NewsEntry): string {
  return `/news/${post.id}/`;
}

/** The address of a category's first page, e.g. /news/category/fundraising/. */
export function categoryPath(category: string): string {
  return `/news/category/${slugify(category)}/`;
}

let container: Promise<AstroContainer> | undefined;
// Every post appears in two feeds (all news and its category): render it once.
const feedHtml = new Map<string, Promise<string>>();

/**
 * A post's body as HTML with absolute addresses, for feed readers. Rendered through Astro's
 * container API so optimised images come out exactly as on the page. Posts are Markdown only (the
 * content gate refuses .mdx), which needs no renderer.
 */
export function postHtmlForFeed(post: NewsEntry): Promise<string> {
  let html = feedHtml.get(post.id);
  if (!html) {
    html = renderForFeed(post);
    feedHtml.set(post.id, html);
  }
  return html;
}

async function renderForFeed(post: NewsEntry): Promise<string> {
  container ??= AstroContainer.create();
  const { Content } = await render(post);
  const html = await (await container).renderToString(Content);
  return absoluteUrls(html, new URL(postPath(post), SITE_URL).href);
}
