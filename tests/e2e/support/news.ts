/**
 * What the news content folder says, read straight from the Markdown files, so news specs can
 * check the built site against the content rather than against numbers written into the tests.
 */
import { join } from 'node:path';
import { slugify } from '../../../src/lib/format';
import { suiteNow } from '../../support/clock';
import { markdownEntries } from '../../support/files';

const CONTENT = process.env['CONTENT_DIR'] ?? 'content';

/** The frontmatter of one post, as an editor wrote it. */
export interface PostFile {
  slug: string;
  title: string;
  date: Date;
  updated: Date | undefined;
  author: string;
  category: string;
  tags: string[];
  summary: string;
  imageAlt: string | undefined;
  contentWarning: string | undefined;
  draft: boolean;
}

/** Every post file in content/news/, newest first. */
export function allPostFiles(): PostFile[] {
  return markdownEntries(join(CONTENT, 'news'))
    .map(({ slug, data }) => {
      const date = (value: unknown) => (value === undefined ? undefined : new Date(value as string | Date));
      return {
        slug,
        title: String(data['title']),
        date: date(data['date']) as Date,
        updated: date(data['updated']),
        author: String(data['author']),
        category: String(data['category']),
        tags: (data['tags'] as string[] | undefined) ?? [],
        summary: String(data['summary']).trim(),
        imageAlt: data['imageAlt'] as string | undefined,
        contentWarning: data['contentWarning'] as string | undefined,
        draft: data['draft'] === true,
      };
    })
    .sort((a, b) => b.date.getTime() - a.date.getTime() || (a.slug < b.slug ? -1 : 1));
}

/** Posts the build under test publishes: not drafts, not dated after the suite's clock. */
export function publishedPostFiles(now = suiteNow()): PostFile[] {
  return allPostFiles().filter((post) => !post.draft && post.date <= now);
}

/** Posts a production build must leave out. */
export function hiddenPostFiles(now = suiteNow()): PostFile[] {
  return allPostFiles().filter((post) => post.draft || post.date > now);
}

/** A post by slug (for specs about one particular post). */
export function postFile(slug: string): PostFile {
  const post = allPostFiles().find((p) => p.slug === slug);
  if (!post) throw new Error(`content/news/${slug}.md is missing`);
  return post;
}

/** A category's slug in its web address ("Fundraising" → "fundraising"), as the site makes it. */
export const categorySlug = slugify;
