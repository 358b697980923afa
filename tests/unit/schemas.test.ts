/**
 * Good and bad content against each collection's schema, with the messages editors will see.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { describeIssue, type IssueLike } from '../../src/lib/content-error';
import { validatingIn } from '../../src/schemas/fields';
import { allSchemas, VALID_SERVICE, zodFor } from '../support/schemas';

const schemas = allSchemas();

/** The field and problem an editor would be told about, or undefined when the data is valid. */
function firstProblem(collection: string, data: Record<string, unknown>) {
  const schema = schemas[collection];
  if (!schema) throw new Error(`no schema ${collection}`);
  const result = zodFor(schema).safeParse(data, { reportInput: true });
  return result.success ? undefined : describeIssue(result.error.issues[0] as IssueLike);
}

const goodNews = {
  title: 'Peer support during lockdown',
  date: new Date('2020-05-14T09:00:00Z'),
  author: 'Sam Patel',
  category: 'Stories',
  summary: 'How our groups kept meeting online.',
};

describe('a schema with an image field, as Astro asks for it once per entry', () => {
  /** An `image()` for entries in `folder`: Astro's resolves paths from the entry's folder alone. */
  const imageIn = (folder: string) => () => z.string().transform((path) => `${folder}/${path}`);
  const post = { ...goodNews, image: 'images/walk.jpg', imageAlt: 'People walking by a river' };
  const imageOf = (schema: z.ZodType) => (schema.parse(post) as { image: string }).image;

  it('is made once for the entries of one folder while the loader validates them, and resolves images there', () => {
    const news = allSchemas()['news']!;
    const first = validatingIn('content/news', () => news.schema({ image: imageIn('content/news') }));
    const second = validatingIn('content/news', () => news.schema({ image: imageIn('content/news') }));
    expect(second).toBe(first);
    expect(imageOf(second)).toBe('content/news/images/walk.jpg');
    const nested = validatingIn('content/news/2024', () => news.schema({ image: imageIn('content/news/2024') }));
    expect(nested).not.toBe(first);
    expect(imageOf(nested)).toBe('content/news/2024/images/walk.jpg');
  });

  it('is made afresh, with the image() given, when asked for outside a validation', () => {
    const news = allSchemas()['news']!;
    const kept = validatingIn('content/news', () => news.schema({ image: imageIn('content/news') }));
    const fresh = news.schema({ image: imageIn('elsewhere') });
    expect(fresh).not.toBe(kept);
    expect(imageOf(fresh)).toBe('elsewhere/images/walk.jpg');
  });
});

describe('news schema', () => {
  it('accepts a complete post and fills in defaults', () => {
    const result = zodFor(schemas['news']!).parse(goodNews) as Record<string, unknown>;
    expect(result['draft']).toBe(false);
    expect(result['tags']).toEqual([]);
  });
  it('accepts a date written with a UTC offset and keeps the exact instant', () => {
    const result = zodFor(schemas['news']!).parse({ ...goodNews, date: '2020-05-14T10:00:00+01:00' }) as { date: Date };
    expect(result.date.toISOString()).toBe('2020-05-14T09:00:00.000Z');
  });
  it.each([
    [{ title: undefined }, 'title', 'is required'],
    [{ title: '' }, 'title', 'is required'],
    [{ date: 'next Tuesday' }, 'date', 'is not a valid date'],
    [{ category: 'Gossip' }, 'category', '"Gossip" is not one of: News, Events, Stories'],
    [{ summary: 'x'.repeat(201) }, 'summary', 'must be 200 characters or fewer (it has 201)'],
    [{ image: './images/a.jpg' }, 'imageAlt', 'is required when there is a hero image'],
    [{ draft: 'yes' }, 'draft', 'should be true or false, not a string'],
    [{ colour: 'blue' }, 'colour', 'is not a known field'],
    [{ updated: new Date('2019-01-01T00:00:00Z') }, 'updated', 'must be after the publication date'],
  ])('refuses %o, naming the field', (change, field, problem) => {
    const data = { ...goodNews, ...change } as Record<string, unknown>;
    for (const [key, value] of Object.entries(change)) if (value === undefined) delete data[key];
    const issue = firstProblem('news', data);
    expect(issue?.field).toBe(field);
    expect(issue?.problem).toContain(problem);
  });
  it('treats an empty optional field as not set', () => {
    expect(firstProblem('news', { ...goodNews, contentWarning: '', updated: null })).toBeUndefined();
  });
});

describe('a-z schema', () => {
  const good = {
    title: 'Bipolar disorder',
    summary: 'Big changes in mood.',
    sources: [
      { title: 'NHS – Bipolar disorder', url: 'https://www.nhs.uk/mental-health/conditions/bipolar-disorder/' },
    ],
    reviewedBy: 'Clinical adviser',
    lastReviewed: new Date('2026-03-12'),
  };
  it('accepts a topic', () => expect(firstProblem('a-z', good)).toBeUndefined());
  it('treats a topic as a condition unless it says it is a guide', () => {
    expect(zodFor(schemas['a-z']!).parse(good)).toMatchObject({ kind: 'condition', alsoKnownAs: [], searchTerms: [] });
    expect(firstProblem('a-z', { ...good, kind: 'leaflet' })?.field).toBe('kind');
  });
  it('needs at least one source and who reviewed it', () => {
    expect(firstProblem('a-z', { ...good, sources: [] })?.field).toBe('sources');
    expect(firstProblem('a-z', { ...good, reviewedBy: undefined })?.field).toBe('reviewedBy');
  });
  it('refuses a source that is not a web address', () => {
    expect(firstProblem('a-z', { ...good, sources: [{ title: 'NHS', url: 'nhs.uk' }] })?.field).toBe('sources.0.url');
  });
  it('refuses the old field names, so a file not yet moved over is caught', () => {
    expect(firstProblem('a-z', { ...good, synonyms: ['Manic depression'] })?.field).toBe('synonyms');
  });
  it('refuses a next review before the last review', () => {
    expect(firstProblem('a-z', { ...good, nextReview: new Date('2025-01-01') })?.field).toBe('nextReview');
  });
  it('refuses a further-help link that is not a web address', () => {
    const issue = firstProblem('a-z', { ...good, furtherHelp: [{ label: 'NHS', url: 'nhs dot uk' }] });
    expect(issue?.field).toBe('furtherHelp.0.url');
  });
  it('refuses a related topic that is not a slug', () => {
    expect(firstProblem('a-z', { ...good, relatedTopics: ['Bipolar Disorder'] })?.field).toBe('relatedTopics.0');
  });
});

describe('services schema', () => {
  const good = VALID_SERVICE;
  it('accepts a service', () => expect(firstProblem('services', good)).toBeUndefined());
  it.each([
    [{ town: 'Atlantis' }, 'town'],
    [{ type: 'Party' }, 'type'],
    [{ format: 'Carrier pigeon' }, 'format'],
    [{ days: ['Funday'] }, 'days.0'],
    [{ days: [] }, 'days'],
    [{ endTime: '18:00' }, 'endTime'],
    [{ startTime: '6.30pm' }, 'startTime'],
  ])('refuses %o', (change, field) => {
    expect(firstProblem('services', { ...good, ...change })?.field).toBe(field);
  });
});

describe('values and pages schemas', () => {
  it('refuses a value without an order', () => {
    expect(firstProblem('values', { title: 'Hope', summary: 'We believe things can get better.' })?.field).toBe(
      'order',
    );
  });
  it('refuses an order that is not a whole number', () => {
    expect(firstProblem('values', { title: 'Hope', summary: 'Better.', order: 1.5 })?.problem).toBe(
      'must be a whole number',
    );
  });
  it('refuses a page without a description', () => {
    expect(firstProblem('pages', { title: 'About us' })?.field).toBe('description');
  });
});
