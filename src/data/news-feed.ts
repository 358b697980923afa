/**
 * RSS 2.0 feeds of news posts (all news, and one per category), built with @astrojs/rss.
 */
import rss from '@astrojs/rss';
import { SITE_URL } from '../config';
import { feedPosts } from '../lib/news';
import { postHtmlForFeed, postPath, type NewsEntry } from './news';
import { getSettings } from './settings';

/** What a feed says about itself. */
export interface FeedOptions {
  title: string;
  description: string;
  /** Path of the page the feed follows, e.g. /news/. */
  path: string;
  /** Path of the feed itself, e.g. /rss.xml. */
  feedPath: string;
  /** The feed's posts, newest first; it carries the newest (`feedPosts`). */
  posts: NewsEntry[];
}

/** An RSS response: each of the newest posts with its summary as description and its full HTML as content. */
export async function newsFeed({ title, description, path, feedPath, posts }: FeedOptions): Promise<Response> {
  const settings = await getSettings();
  const items = await Promise.all(
    feedPosts(posts).map(async (post) => ({
      title: post.data.title,
      link: postPath(post),
      pubDate: post.data.date,
      description: post.data.summary,
      content: await postHtmlForFeed(post),
      // RSS 2.0 wants an email address here; the writer's name follows it in brackets.
      author: `${settings.email} (${post.data.author})`,
      categories: [post.data.category],
    })),
  );
  const self = new URL(feedPath, SITE_URL).href;
  return rss({
    title,
    description,
    site: new URL(path, SITE_URL).href,
    items,
    trailingSlash: true,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>en-gb</language><atom:link href="${self}" rel="self" type="application/rss+xml"/>`,
  });
}
