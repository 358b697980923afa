/** News posts (content/news/). */
import { boolean, datetime, defineSchema, image, select, stringList, text } from './fields';
import { quickExitField } from './quick-exit';
import type { SiteLists } from './settings';

/** Longest summary, in characters: one or two sentences for lists, feeds and link previews. */
export const NEWS_SUMMARY_MAX = 200;

/** Fields of a news post. */
export function newsSchema(lists: SiteLists) {
  return defineSchema(
    [
      text({ name: 'title', label: 'Title', hint: 'A short, clear headline.', required: true, max: 120 }),
      datetime({
        name: 'date',
        label: 'Date',
        hint: 'When the post is published. A future date keeps it hidden until then.',
        required: true,
      }),
      datetime({
        name: 'updated',
        label: 'Updated',
        hint: 'When the post was last changed in a way readers should know. Optional.',
      }),
      text({
        name: 'author',
        label: 'Author',
        hint: 'The name of the person who wrote the post.',
        required: true,
        max: 80,
      }),
      select({
        name: 'category',
        label: 'Category',
        hint: 'The one category this post belongs to.',
        required: true,
        options: lists.categories,
      }),
      stringList({
        name: 'tags',
        label: 'Tags',
        hint: 'Topics, in lower case, separated by commas, for example "peer-support, anxiety". Optional.',
        itemMax: 40,
      }),
      text({
        name: 'summary',
        label: 'Summary',
        hint: `One or two sentences shown in lists and feeds, up to ${NEWS_SUMMARY_MAX} characters.`,
        required: true,
        max: NEWS_SUMMARY_MAX,
        multiline: true,
      }),
      image({ name: 'image', label: 'Hero image', hint: 'A wide picture shown at the top of the post. Optional.' }),
      text({
        name: 'imageAlt',
        label: 'Image description (alt text)',
        hint: 'Describe the picture for people who cannot see it. Needed when there is an image.',
        max: 250,
      }),
      text({
        name: 'contentWarning',
        label: 'Content warning',
        hint: 'Shown before the post, for example "This post mentions suicide." Optional.',
        max: 200,
      }),
      quickExitField,
      boolean({ name: 'draft', label: 'Draft', hint: 'Drafts are not published on the live site.', default: false }),
    ],
    [
      {
        field: 'imageAlt',
        message: 'is required when there is a hero image (describe the picture)',
        check: (d) => d['image'] === undefined || (typeof d['imageAlt'] === 'string' && d['imageAlt'].length > 0),
      },
      {
        field: 'updated',
        message: 'must be after the publication date',
        check: (d) => !(d['updated'] instanceof Date && d['date'] instanceof Date) || d['updated'] >= d['date'],
      },
    ],
  );
}
