/**
 * RSS feeds: /rss.xml and one per category, parsed as XML. Every required RSS 2.0 element is
 * there, items match the newest published posts (no drafts, no future posts; up to FEED_SIZE,
 * which the sample content does not reach), the post HTML uses only absolute addresses, and every
 * item links to a page that exists in the build.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { FEED_SIZE } from '../../src/lib/news';
import { categorySlug, hiddenPostFiles, publishedPostFiles, type PostFile } from './support/news';

const PUBLISHED = publishedPostFiles();
const HIDDEN = hiddenPostFiles();
const CATEGORIES = [...new Set(PUBLISHED.map((post) => post.category))];

interface Item {
  title: string;
  link: string;
  guid: { '#text': string; '@_isPermaLink': string };
  pubDate: string;
  description: string;
  author: string;
  category: string;
  'content:encoded': string;
}
interface Channel {
  title: string;
  link: string;
  description: string;
  language: string;
  item: Item[];
}

/** Fetches a feed, checks it is well-formed XML and returns its channel. */
async function fetchFeed(request: APIRequestContext, path: string): Promise<Channel> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()['content-type']).toMatch(/xml/);
  const xml = await response.text();
  expect(XMLValidator.validate(xml), path).toBe(true);
  const parsed = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => name === 'item',
    parseTagValue: false,
  }).parse(xml) as { rss: { '@_version': string; channel: Channel } };
  expect(parsed.rss['@_version']).toBe('2.0');
  return parsed.rss.channel;
}

/** Checks a feed's channel and items against the posts it should carry, newest first. */
async function checkFeed(request: APIRequestContext, path: string, posts: PostFile[]): Promise<void> {
  const channel = await fetchFeed(request, path);
  // Required channel elements (RSS 2.0): title, link, description.
  expect(channel.title).toMatch(/\S/);
  expect(channel.description).toMatch(/\S/);
  expect(channel.link).toMatch(/^https?:\/\/[^/]+\/news\//);
  expect(channel.language).toBe('en-gb');
  const site = new URL(channel.link).origin;

  expect(posts.length).toBeLessThanOrEqual(FEED_SIZE);
  expect(channel.item.map((item) => item.title)).toEqual(posts.map((post) => post.title));
  for (const [i, item] of channel.item.entries()) {
    const post = posts[i] as PostFile;
    expect(item.link).toBe(`${site}/news/${post.slug}/`);
    expect(item.guid['#text']).toBe(item.link);
    expect(item.guid['@_isPermaLink']).toBe('true');
    expect(new Date(item.pubDate).getTime()).toBe(post.date.getTime());
    expect(item.pubDate).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    expect(item.description).toBe(post.summary);
    // RSS 2.0 wants an email address for the author; the name follows it.
    expect(item.author).toMatch(new RegExp(`^\\S+@\\S+ \\(${post.author}\\)$`));
    expect(item.category).toBe(post.category);
    const content = item['content:encoded'];
    expect(content.length).toBeGreaterThan(post.summary.length);
    for (const [, url] of content.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      // sms: for tap-to-text helplines (Shout) written with :helpline[id].
      expect(url, `${post.slug}: ${url ?? ''}`).toMatch(/^(https?:|mailto:|tel:|sms:)/);
    }
  }
  for (const post of HIDDEN) {
    expect(channel.item.map((item) => item.title)).not.toContain(post.title);
  }
}

test('/rss.xml carries every published post, newest first, with every RSS 2.0 element', async ({ request }) => {
  await checkFeed(request, '/rss.xml', PUBLISHED);
});

test('each category has its own feed with only its posts', async ({ request }) => {
  expect(CATEGORIES.length).toBeGreaterThan(1);
  for (const category of CATEGORIES) {
    await checkFeed(
      request,
      `/news/category/${categorySlug(category)}/rss.xml`,
      PUBLISHED.filter((post) => post.category === category),
    );
  }
});

test('a post in the feed keeps its links and images, made absolute', async ({ request }) => {
  const channel = await fetchFeed(request, '/rss.xml');
  const item = channel.item.find((i) => i.link.endsWith('/news/peer-support-during-lockdown/'));
  const site = new URL(channel.link).origin;
  const content = item?.['content:encoded'] ?? '';
  expect(content).toContain(`href="${site}/peer-support/"`);
  // A relative link in the Markdown ("../new-group-opens-in-fernley/") points at the right post.
  expect(content).toContain(`href="${site}/news/new-group-opens-in-fernley/"`);
  const image = /<img [^>]*src="([^"]+)"/.exec(content)?.[1] ?? '';
  expect(image.startsWith(`${site}/_astro/`), image).toBe(true);
  expect((await request.get(new URL(image).pathname)).status()).toBe(200);
});

test('every link in every feed opens a page of the built site', async ({ request }) => {
  const paths = ['/rss.xml', ...CATEGORIES.map((c) => `/news/category/${categorySlug(c)}/rss.xml`)];
  const links = new Set<string>();
  for (const path of paths) {
    const channel = await fetchFeed(request, path);
    links.add(new URL(channel.link).pathname);
    for (const item of channel.item) {
      links.add(new URL(item.link).pathname);
      for (const [, url] of item['content:encoded'].matchAll(/\s(?:href|src)="(https?:[^"]*)"/g)) {
        const target = new URL(url ?? '');
        if (target.origin === new URL(channel.link).origin) links.add(target.pathname);
      }
    }
  }
  for (const path of links) expect((await request.get(path)).status(), path).toBe(200);
});
