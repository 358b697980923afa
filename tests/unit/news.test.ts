/**
 * News logic: what is published when, the order of posts, previous and next, related and recent
 * posts, category counts, pagination, reading time, and absolute addresses for feed readers.
 */

import { describe, expect, it } from 'vitest';
import { readData } from '../support/frontmatter';
import { absoluteUrls } from '../../src/lib/absolute-urls';
import { documentTitle } from '../../src/lib/format';
import {
  buildNewsIndex,
  FEED_SIZE,
  feedPosts,
  isPublished,
  paginateList,
  readingMinutes,
  RELATED_CANDIDATES,
  type NewsLike,
} from '../../src/lib/news';

const NOW = new Date('2026-11-23T12:00:00Z');
const CATEGORIES = ['News', 'Events', 'Fundraising', 'Campaigns', 'Stories'];

function post(id: string, date: string, category = 'News', tags: string[] = [], draft = false): NewsLike {
  return { id, data: { date: new Date(date), draft, category, tags } };
}

const build = (posts: NewsLike[], preview = false) =>
  buildNewsIndex(posts, { now: NOW, preview, categoryOrder: CATEGORIES });

describe('publishing', () => {
  const draft = post('draft', '2026-01-01T10:00:00Z', 'News', [], true);
  const future = post('future', '2030-06-01T09:00:00Z');
  const past = post('past', '2020-05-14T09:00:00Z');

  it('leaves out drafts in production', () => {
    expect(build([draft, past]).posts.map((p) => p.id)).toEqual(['past']);
  });

  it('shows drafts and future posts in development, so editors can check them', () => {
    expect(build([draft, future, past], true).posts.map((p) => p.id)).toEqual(['future', 'draft', 'past']);
  });

  it('leaves out posts dated after the build, and publishes them from their exact moment', () => {
    expect(build([future, past]).posts.map((p) => p.id)).toEqual(['past']);
    expect(isPublished(future, { now: new Date('2030-06-01T08:59:59Z'), preview: false })).toBe(false);
    expect(isPublished(future, { now: new Date('2030-06-01T09:00:00Z'), preview: false })).toBe(true);
  });

  it('keeps a real future post (a test fixture, not site content) off the live site until its moment', () => {
    const data = readData('tests/fixtures/news/future-open-day-2030.md') as {
      date: Date;
      category: string;
      tags: string[];
    };
    const date = data.date;
    const openDay: NewsLike = { id: 'future-open-day-2030', data: { ...data, date, draft: false } };
    expect(build([openDay, past]).posts.map((p) => p.id)).toEqual(['past']);
    expect(isPublished(openDay, { now: date, preview: false })).toBe(true);
  });

  it('does not let a draft or future post be found by slug', () => {
    const news = build([draft, future, past]);
    expect(news.get('draft')).toBeUndefined();
    expect(news.get('future')).toBeUndefined();
    expect(news.get('past')).toBe(past);
  });
});

describe('order, previous and next', () => {
  const a = post('a-oldest', '2019-04-09T09:00:00Z');
  const b = post('b-middle', '2021-10-08T09:00:00Z');
  const c = post('c-same-time', '2024-09-03T09:00:00Z');
  const d = post('d-same-time', '2024-09-03T09:00:00Z');
  const news = build([b, d, a, c]);

  it('sorts newest first, and posts at the same moment by slug', () => {
    expect(news.posts.map((p) => p.id)).toEqual(['c-same-time', 'd-same-time', 'b-middle', 'a-oldest']);
  });

  it('links each post to the older one (previous) and the newer one (next)', () => {
    expect(news.previous(b)).toBe(a);
    expect(news.next(b)).toBe(d);
    expect(news.next(c)).toBeUndefined();
    expect(news.previous(a)).toBeUndefined();
  });

  it('lists recent posts without the current one', () => {
    expect(news.recent(2).map((p) => p.id)).toEqual(['c-same-time', 'd-same-time']);
    expect(news.recent(2, c).map((p) => p.id)).toEqual(['d-same-time', 'b-middle']);
    expect(news.recent(10, c).map((p) => p.id)).toEqual(['d-same-time', 'b-middle', 'a-oldest']);
  });
});

describe('feeds', () => {
  it('carry the newest 50 posts, newest first, so a feed reader’s every check stays small', () => {
    const newestFirst = Array.from({ length: 120 }, (_, i) => `post-${String(i)}`);
    expect(FEED_SIZE).toBe(50);
    expect(feedPosts(newestFirst)).toEqual(newestFirst.slice(0, 50));
    expect(feedPosts(newestFirst.slice(0, 12))).toEqual(newestFirst.slice(0, 12));
  });
});

describe('related posts', () => {
  const subject = post('subject', '2022-01-01T10:00:00Z', 'Stories', ['peer-support', 'lockdown']);
  const sameCategoryAndTag = post('cat-and-tag', '2019-01-01T10:00:00Z', 'Stories', ['peer-support']);
  const twoTags = post('two-tags', '2020-01-01T10:00:00Z', 'Events', ['peer-support', 'lockdown']);
  const sameCategoryNew = post('cat-new', '2025-01-01T10:00:00Z', 'Stories');
  const sameCategoryOld = post('cat-old', '2018-01-01T10:00:00Z', 'Stories');
  const oneTag = post('one-tag', '2026-01-01T10:00:00Z', 'News', ['lockdown']);
  const unrelated = post('unrelated', '2026-02-01T10:00:00Z', 'Fundraising', ['money']);
  const hiddenDraft = post('hidden-draft', '2021-01-01T10:00:00Z', 'Stories', ['peer-support', 'lockdown'], true);
  const news = build([
    subject,
    sameCategoryAndTag,
    twoTags,
    sameCategoryNew,
    sameCategoryOld,
    oneTag,
    unrelated,
    hiddenDraft,
  ]);

  it('ranks by shared category and tags, then by recency, and never includes itself or a draft', () => {
    // cat-and-tag scores 3, then two-tags and cat-new both score 2 and the newer wins.
    expect(news.related(subject).map((p) => p.id)).toEqual(['cat-and-tag', 'cat-new', 'two-tags']);
    expect(news.related(subject, 5).map((p) => p.id)).toEqual([
      'cat-and-tag',
      'cat-new',
      'two-tags',
      'cat-old',
      'one-tag',
    ]);
  });

  it('fills up with the newest posts when too few share anything', () => {
    expect(news.related(unrelated).map((p) => p.id)).toEqual(['one-tag', 'cat-new', 'subject']);
  });

  it('gives what scoring every candidate and sorting them would give, ties to the newer post', () => {
    // A seeded generator, so the case is the same on every run; few tags and categories, so many
    // posts tie and each tag has more posts than the candidates looked at.
    let seed = 11;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const tags = ['sleep', 'stress', 'carers', 'money', 'walking', 'art'];
    const all = Array.from({ length: 400 }, (_, i) =>
      post(
        `p${String(i)}`,
        new Date(Date.UTC(2020, 0, 1 + Math.floor(next() * 2000), 10)).toISOString(),
        CATEGORIES[Math.floor(next() * CATEGORIES.length)],
        tags.filter(() => next() < 0.35),
      ),
    );
    const index = build(all);
    const newest = index.posts;
    /** The meaning: the newest RELATED_CANDIDATES of each shared tag and of the category, scored, sorted. */
    const reference = (subject: NewsLike, count: number) => {
      const head = (keep: (p: NewsLike) => boolean) => new Set(newest.filter(keep).slice(0, RELATED_CANDIDATES));
      const score = new Map<NewsLike, number>();
      for (const tag of new Set(subject.data.tags))
        for (const other of head((p) => p.data.tags.includes(tag))) score.set(other, (score.get(other) ?? 0) + 1);
      for (const other of head((p) => p.data.category === subject.data.category))
        score.set(other, (score.get(other) ?? 0) + 2);
      score.delete(subject);
      const ranked = newest
        .filter((p) => score.has(p))
        .sort((a, b) => (score.get(b) ?? 0) - (score.get(a) ?? 0) || newest.indexOf(a) - newest.indexOf(b))
        .slice(0, count);
      for (const other of newest)
        if (ranked.length < count && other !== subject && !ranked.includes(other)) ranked.push(other);
      return ranked.map((p) => p.id);
    };
    for (const subject of newest.filter((_, i) => i % 37 === 0)) {
      for (const count of [1, 3, 8]) {
        expect(
          index.related(subject, count).map((p) => p.id),
          `${subject.id} ${String(count)}`,
        ).toEqual(reference(subject, count));
      }
    }
  });

  it('stays within the published posts when there are fewer than three others', () => {
    const small = build([subject, sameCategoryAndTag]);
    expect(small.related(subject).map((p) => p.id)).toEqual(['cat-and-tag']);
  });
});

describe('categories', () => {
  it('counts published posts per category, in the settings order, leaving out empty ones', () => {
    const news = build([
      post('s1', '2020-01-01T10:00:00Z', 'Stories'),
      post('e1', '2021-01-01T10:00:00Z', 'Events'),
      post('s2', '2022-01-01T10:00:00Z', 'Stories'),
      post('s3-draft', '2022-01-01T10:00:00Z', 'Stories', [], true),
    ]);
    expect(news.categories).toEqual([
      { name: 'Events', slug: 'events', count: 1 },
      { name: 'Stories', slug: 'stories', count: 2 },
    ]);
    expect(news.inCategory('stories').map((p) => p.id)).toEqual(['s2', 's1']);
    expect(news.inCategory('fundraising')).toEqual([]);
  });
});

describe('pagination', () => {
  it('makes pages of ten with paths and neighbours', () => {
    const pages = paginateList(
      Array.from({ length: 23 }, (_, i) => i),
      10,
      '/news/',
    );
    expect(pages.map((p) => [p.path, p.items.length, p.previousPath, p.nextPath])).toEqual([
      ['/news/', 10, undefined, '/news/page/2/'],
      ['/news/page/2/', 10, '/news/', '/news/page/3/'],
      ['/news/page/3/', 3, '/news/page/2/', undefined],
    ]);
    expect(pages[2]?.total).toBe(3);
  });

  it('still has a first page when the list is empty', () => {
    expect(paginateList([], 10, '/news/category/events/')).toEqual([
      { items: [], number: 1, total: 1, path: '/news/category/events/', previousPath: undefined, nextPath: undefined },
    ]);
  });
});

describe('reading time', () => {
  it('counts words at 200 a minute, at least one minute, ignoring Markdown marks and image addresses', () => {
    expect(readingMinutes('Hello there.')).toBe(1);
    expect(readingMinutes('word '.repeat(1000))).toBe(5);
    expect(readingMinutes(`## Heading\n\n- ${'word '.repeat(399)}\n\n![alt](./images/a.jpg) [link](/x/)`)).toBe(2);
  });
});

describe('absolute addresses for feeds', () => {
  const base = 'https://www.example.org/news/my-post/';

  it('resolves root, relative and srcset addresses against the post and leaves mailto and others alone', () => {
    const html = absoluteUrls(
      '<p><a href="/urgent-help/">help</a> <a href="../other-post/">other</a> <a href="mailto:a@b.org">mail</a> <a href="https://nhs.uk/">NHS</a></p><img src="/_astro/a.webp" srcset="/_astro/a-400.webp 400w, /_astro/a-800.webp 800w" alt="A">',
      base,
    );
    expect(html).toBe(
      '<p><a href="https://www.example.org/urgent-help/">help</a> <a href="https://www.example.org/news/other-post/">other</a> <a href="mailto:a@b.org">mail</a> <a href="https://nhs.uk/">NHS</a></p><img src="https://www.example.org/_astro/a.webp" srcset="https://www.example.org/_astro/a-400.webp 400w, https://www.example.org/_astro/a-800.webp 800w" alt="A">',
    );
  });
});

describe('page titles for long headlines', () => {
  it('keeps "Headline | Charity" when it fits, drops the name when not, and cuts at a word when needed', () => {
    expect(documentTitle('Peer support during lockdown', 'Millbrook Mental Health')).toBe(
      'Peer support during lockdown | Millbrook Mental Health',
    );
    const long = 'Ask early: our campaign about money worries and mental health';
    expect(documentTitle(long, 'Millbrook Mental Health')).toBe(long);
    const veryLong =
      'A very long headline that goes on and on about the many things we did this year, all of them good';
    const title = documentTitle(veryLong, 'Millbrook Mental Health');
    expect(title).toBe('A very long headline that goes on and on about the many things we…');
    expect(title.length).toBeLessThanOrEqual(70);
  });
});
