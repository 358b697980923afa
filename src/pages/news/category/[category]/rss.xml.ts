/**
 * One RSS feed per news category: /news/category/<slug>/rss.xml.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getNews } from '../../../../data/news';
import { newsFeed } from '../../../../data/news-feed';
import { getSettings } from '../../../../data/settings';
import type { CategorySummary } from '../../../../lib/news';

export const getStaticPaths = (async () => {
  const news = await getNews();
  return news.categories.map((category) => ({ params: { category: category.slug }, props: { category } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ category: CategorySummary }> = async ({ props: { category } }) => {
  const [news, settings] = await Promise.all([getNews(), getSettings()]);
  return newsFeed({
    title: `${settings.charityName}: ${category.name}`,
    description: `${category.name} posts from ${settings.charityName}.`,
    path: `/news/category/${category.slug}/`,
    feedPath: `/news/category/${category.slug}/rss.xml`,
    posts: news.inCategory(category.slug),
  });
};
