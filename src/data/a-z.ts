/**
 * The mental health A–Z, built once per build and shared by every A–Z page: the letter index,
 * each topic's related topics, services and news, and the review-date warning.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { resolve } from 'node:path';
import { BUILD_NOW } from '../config';
import { azReviewReport, buildAzIndex, overdueWarning, type AzIndex, type AzTopic } from '../lib/a-z-index';
import { tagRanker } from '../lib/related-by-tags';
import { activeServices } from '../lib/services';
import { getNews } from './news';

/** An A–Z topic entry from content/a-z/. */
export type AzEntryData = CollectionEntry<'a-z'>;
/** A topic in the built A–Z. */
export type AzPageTopic = AzTopic<AzEntryData, AzEntryData['data']>;

/** Everything an A–Z topic page shows besides its own Markdown. */
export interface AzTopicPage {
  topic: AzPageTopic;
  services: CollectionEntry<'services'>[];
  news: CollectionEntry<'news'>[];
}

/** The whole A–Z, with each topic's related content resolved. */
export interface AzSite {
  index: AzIndex<AzEntryData, AzEntryData['data']>;
  pages: AzTopicPage[];
}

let cache: Promise<AzSite> | undefined;

async function load(): Promise<AzSite> {
  const [topics, services, news] = await Promise.all([getCollection('a-z'), getCollection('services'), getNews()]);
  const index = buildAzIndex(
    topics.map((entry) => ({
      slug: entry.id,
      file: resolve(entry.filePath ?? `a-z/${entry.id}.md`),
      data: entry.data,
      entry,
    })),
    services.map((s) => s.id),
  );

  const now = BUILD_NOW;
  // Health information still publishes when its review is overdue, but the build says so, once.
  const warning = overdueWarning(azReviewReport(index, now).overdue);
  if (warning) console.warn(`[a-z] Warning: ${warning}`);

  const servicesBySlug = new Map(services.map((s) => [s.id, s]));
  const relatedNews = tagRanker(news.posts.map((post) => ({ post, tags: post.data.tags, date: post.data.date })));
  const pages = index.topics.map((topic) => ({
    topic,
    // A service that is not running now is published nowhere (src/lib/services.ts), so a topic
    // that names it leaves it out rather than linking to a page that does not exist.
    services: activeServices(
      topic.data.relatedServices.map((slug) => servicesBySlug.get(slug) as CollectionEntry<'services'>),
    ),
    news: relatedNews(topic.data.tags).map((n) => n.post),
  }));
  return { index, pages };
}

/** The A–Z index and every topic page's data, computed once per build. */
export function getAz(): Promise<AzSite> {
  cache ??= load();
  return cache;
}
