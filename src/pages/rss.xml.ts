/**
 * The RSS feed of all news: /rss.xml.
 */
import type { APIRoute } from 'astro';
import { getNews } from '../data/news';
import { newsFeed } from '../data/news-feed';
import { getSettings } from '../data/settings';

export const GET: APIRoute = async () => {
  const [news, settings] = await Promise.all([getNews(), getSettings()]);
  return newsFeed({
    title: `${settings.charityName} news`,
    description: `News, events and stories from ${settings.charityName}.`,
    path: '/news/',
    feedPath: '/rss.xml',
    posts: news.posts,
  });
};
