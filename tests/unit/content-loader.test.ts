/**
 * Malformed or unsafe content is refused by the collections' real loaders with one clear line
 * naming the file and the field, before any page is built. Each case adds one bad file to a small
 * valid content tree and runs that collection's loader in-process (tests/support/loader.ts); the
 * few real builds in tests/build/ prove the same error stops `astro build` and publishes nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildContentReport } from '../../src/content/content-report';
import { displayPath } from '../../src/lib/content-error';
import { VERDICT_KEY, type FileVerdict } from '../../src/lib/content-report';
import { readingMinutes } from '../../src/lib/news';
import type { CollectionName } from '../../src/schemas/collections';
import { ROOT, makeContentTree, removeTemporaryFolders } from '../support/build';
import { bodyOf } from '../support/frontmatter';
import { loadCollection } from '../support/loader';

const BAD = join(ROOT, 'tests/fixtures/bad');

afterAll(removeTemporaryFolders);

/** Loads the collection a fixture belongs to, with the fixture added to the minimal tree. */
async function loadWith(file: string) {
  const collection = file.split('/')[0] as CollectionName;
  return loadCollection(collection, makeContentTree({ [file]: join(BAD, file) }));
}

/** The one-line error a load fails with. */
async function errorOf(file: string): Promise<string> {
  const error: unknown = await loadWith(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `${file} should have been refused`).toBeInstanceOf(Error);
  return (error as Error).message;
}

describe('the minimal content tree', () => {
  it.each(['news', 'a-z', 'values', 'pages', 'services', 'settings'] as const)('loads its %s', async (name) => {
    const { entries, warnings } = await loadCollection(name, makeContentTree());
    expect(entries.length).toBeGreaterThan(0);
    expect(warnings).toEqual([]);
  });

  it('renders Markdown bodies to HTML', async () => {
    const { entries } = await loadCollection('news', makeContentTree());
    expect(entries[0]?.rendered?.html).toMatch(/<p>/);
  });

  it('stores the rendered HTML but not the raw Markdown, which every page build would carry', async () => {
    for (const name of ['news', 'a-z', 'pages', 'services', 'values'] as const) {
      const { entries } = await loadCollection(name, makeContentTree());
      for (const entry of entries) expect(entry.body, `${name}/${entry.id}`).toBeUndefined();
    }
  });

  it('keeps each Markdown file’s content check with it, as the terminal report gives it (for /admin/report/)', async () => {
    const tree = makeContentTree();
    // A number the registry does not know is a warning: it must reach the stored verdict too.
    const post = readFileSync(join(tree, 'news/fixture-post.md'), 'utf8');
    writeFileSync(join(tree, 'news/fixture-post.md'), `${post}\nOr ring the office on 020 7946 0000.\n`);
    const rows = await buildContentReport(tree, new Date(Date.UTC(2030, 0, 1)));
    // News and the A–Z: the collections with reading targets, helplines and the longest pages.
    for (const name of ['news', 'a-z'] as const) {
      const { entries } = await loadCollection(name, tree);
      expect(entries.length).toBeGreaterThan(0);
      for (const entry of entries) {
        const file = displayPath(resolve(ROOT, entry.filePath ?? ''));
        const row = rows.find((r) => r.file === file);
        const verdict = entry.rendered?.metadata?.[VERDICT_KEY] as FileVerdict | undefined;
        expect(row, file).toBeDefined();
        expect(verdict, file).toEqual({
          grade: row?.grade,
          words: row?.words,
          sentences: row?.sentences,
          helplines: row?.helplines,
          warnings: row?.warnings,
          silenced: [],
        });
      }
    }
    const news = rows.find((r) => r.file.endsWith('news/fixture-post.md'));
    expect(news?.warnings).toEqual([expect.stringContaining('"020 7946 0000" is not in the helpline registry')]);
  });

  it("keeps each news post's reading time, counted from its Markdown", async () => {
    const tree = makeContentTree();
    // A post of about 970 words, the way an editor writes one: paragraphs, a heading, a link.
    const paragraph = `${'Our peer support group met again this week and talked about sleep. '.repeat(10)}\n\n`;
    const long = `${readFileSync(join(tree, 'news/fixture-post.md'), 'utf8')}\n## More\n\n${paragraph.repeat(8)}[Contact us](/contact/)\n`;
    writeFileSync(join(tree, 'news/long-post.md'), long);
    const { entries } = await loadCollection('news', tree);
    const minutes = new Map(entries.map((entry) => [entry.id, entry.rendered?.metadata?.['readingMinutes']]));
    expect(minutes.get('long-post')).toBe(readingMinutes(bodyOf(long)));
    expect(minutes.get('long-post')).toBe(5);
    expect(minutes.get('fixture-post')).toBe(1);
  });
});

const SCHEMA_CASES: [file: string, field: string, problem: string][] = [
  ['news/missing-title.md', 'title', 'is required'],
  ['news/bad-date.md', 'date', 'is not a valid date'],
  ['news/unknown-category.md', 'category', '"Gossip" is not one of'],
  ['news/image-without-alt.md', 'imageAlt', 'is required when there is a hero image'],
  ['news/long-summary.md', 'summary', 'must be 200 characters or fewer'],
  ['news/wrong-type.md', 'draft', 'should be true or false'],
  ['services/unknown-town.md', 'town', '"Atlantis" is not one of'],
  ['services/unknown-type.md', 'type', '"Karaoke night" is not one of'],
  ['services/unknown-format.md', 'format', '"Carrier pigeon" is not one of'],
  ['services/unknown-day.md', 'days.1', '"Funday" is not one of'],
  ['services/end-before-start.md', 'endTime', 'must be after the start time'],
  ['services/cancelled-not-a-session.md', 'cancelled.0.date', 'is 2026-12-23, which is not a session date'],
  ['services/change-not-a-session.md', 'changes.0.date', 'is 2026-12-14, which is not a session date'],
  ['services/fortnightly-without-first-date.md', 'firstDate', 'is required for a fortnightly group'],
  ['services/monthly-without-week.md', 'weekOfMonth', 'is required for a monthly group'],
  ['a-z/review-before-last.md', 'nextReview', 'must be after the last-reviewed date'],
  ['a-z/unknown-related-topic.md', 'relatedTopics', 'names "no-such-topic", which is not an A–Z topic'],
  ['a-z/unknown-related-service.md', 'relatedServices', 'names "no-such-service", which is not a service'],
  ['a-z/duplicate-synonym.md', 'alsoKnownAs', 'has "worry", which is already another name of'],
  // Line 14 of the file: the count starts at the file's first line, not at the trimmed body.
  ['a-z/guide-with-signs.md', 'kind', 'is "guide", but line 14 has the heading "Signs"'],
  ['values/same-order-as-hope.md', 'order', 'is 1, the same as'],
];

describe('a file that breaks its schema is refused', () => {
  it.each(SCHEMA_CASES)('%s: names the file and the "%s" field', async (file, field, problem) => {
    const message = await errorOf(file);
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(/^Content error in /);
    expect(message).toContain(`${file}: field "${field}" `);
    expect(message).toContain(problem);
  });
});

describe('a news post named like a page the site needs', () => {
  it('news/thank-you.md: names the file and the clash', async () => {
    expect(await errorOf('news/thank-you.md')).toContain(
      'news/thank-you.md: has a file name that the site uses for /news/thank-you/',
    );
  });
});

/** Fixture, and what the error says about it. */
const ATTACKS: [file: string, problem: string][] = [
  ['raw-script.md', 'contains a <script> element'],
  ['javascript-link.md', 'which is not a web, email or phone address'],
  ['entity-javascript-link.md', 'which is not a web, email or phone address'],
  ['newline-javascript-link.md', 'which is not a web, email or phone address'],
  ['data-url-link.md', 'which is not a web, email or phone address'],
  ['onerror-image.md', 'has a "onerror" attribute on <img>'],
  ['iframe.md', 'contains a <iframe> element'],
  ['object-embed.md', 'contains a <object> element'],
  ['form.md', 'contains a <form> element'],
  ['style-element.md', 'contains a <style> element'],
  ['style-attribute.md', 'has a "style" attribute on <p>'],
  ['svg-script.md', 'contains a <svg> element'],
];

describe('raw HTML that could run code is refused', () => {
  it('covers at least eight attack shapes, including disguised javascript: links', () => {
    expect(ATTACKS.length).toBeGreaterThanOrEqual(8);
    expect(ATTACKS.filter(([file]) => file.includes('javascript')).length).toBeGreaterThanOrEqual(3);
  });

  it.each(ATTACKS)('%s: names the file and the "body" field', async (file, problem) => {
    const message = await errorOf(`news/${file}`);
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain(`news/${file}: field "body" `);
    expect(message).toContain(problem);
  });
});

/** The one-line error a collection fails to load with, given extra files for the minimal tree. */
async function errorWith(collection: CollectionName, files: Record<string, string>): Promise<string> {
  const error: unknown = await loadCollection(collection, makeContentTree(files)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `${Object.keys(files).join(', ')} should have been refused`).toBeInstanceOf(Error);
  const message = (error as Error).message;
  expect(message.split('\n')).toHaveLength(1);
  return message;
}

describe('helpline mistakes are refused with one line', () => {
  const HELPLINES = join(ROOT, 'tests/fixtures/helplines');

  it('a registry number typed by hand: the file, its line, the number and the directive to use', async () => {
    const file = 'news/hand-typed-number.md';
    const message = await errorWith('news', { [file]: join(HELPLINES, 'hand-typed', file) });
    expect(message).toContain('news/hand-typed-number.md: line 10 "116 123" (Samaritans) is typed by hand');
    expect(message).toContain('write :helpline[samaritans]{show="phone"} instead');
  });

  it('an unknown helpline id: the file, its line and the id', async () => {
    const file = 'news/unknown-helpline.md';
    const message = await errorWith('news', { [file]: join(HELPLINES, 'unknown-id', file) });
    expect(message).toContain('news/unknown-helpline.md: line 10 unknown helpline "samaritanz"');
    expect(message).toContain('in ":helpline[samaritanz]{show="phone"}"');
  });

  it('a directive with an escaped bracket: the file, its line, the text as written and the fix', async () => {
    const file = 'news/escaped-helpline.md';
    const message = await errorWith('news', { [file]: join(HELPLINES, 'escaped', file) });
    expect(message).toContain(
      'news/escaped-helpline.md: line 10 ":helpline\\[samaritans]{show="phone"}" has a backslash before "[", so it is not read as a helpline: write :helpline[samaritans]{show="phone"}',
    );
  });

  it('a bad registry number: the registry file, the field and how to fix it', async () => {
    const file = 'helplines/samaritans.yaml';
    const message = await errorWith('helplines', { [file]: join(HELPLINES, 'bad-number', file) });
    expect(message).toContain('helplines/samaritans.yaml: field "phone" "116 1234" is not a UK number');
    expect(message).toContain('check the digits');
  });
});

describe('an .mdx file in a CMS-edited collection', () => {
  it('is refused before MDX could run its code, naming the file and the fix', async () => {
    const file = 'news/runs-code.mdx';
    const message = await errorWith('news', { [file]: join(ROOT, 'tests/fixtures/content-gate', file) });
    expect(message).toMatch(
      /news\/runs-code\.mdx: \.mdx files can run code when the site is built, so this folder accepts only \.md; rename it to \.md/,
    );
  });
});
