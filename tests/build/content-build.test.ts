/**
 * Malformed content must stop the real build with one clear line naming the file and the field,
 * and must never publish a page. Each case adds one bad file to a small valid content tree.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, buildSite, makeContentTree } from '../support/build';

const BAD = join(ROOT, 'tests/fixtures/bad');

describe('a valid content tree', () => {
  it('builds, with the fixture post and topic published', () => {
    const result = buildSite(makeContentTree());
    expect(result.status, result.output).toBe(0);
    expect(existsSync(join(result.outDir, 'index.html'))).toBe(true);
    expect(readFileSync(join(result.outDir, 'urgent-help/index.html'), 'utf8')).toContain('116\u00a0123');
  });
});

const CASES: [file: string, field: string, problem: string][] = [
  ['news/missing-title.md', 'title', 'is required'],
  ['news/bad-date.md', 'date', 'is not a valid date'],
  ['news/unknown-category.md', 'category', '"Gossip" is not one of'],
  ['news/image-without-alt.md', 'imageAlt', 'is required when there is a hero image'],
  ['news/long-summary.md', 'summary', 'must be 200 characters or fewer'],
  ['news/wrong-type.md', 'draft', 'should be true or false'],
  ['news/raw-script.md', 'body', 'contains a <script> element'],
  ['news/javascript-link.md', 'body', 'which is not a web, email or phone address'],
  ['services/unknown-town.md', 'town', '"Atlantis" is not one of'],
  ['services/unknown-type.md', 'type', '"Karaoke night" is not one of'],
  ['services/unknown-format.md', 'format', '"Carrier pigeon" is not one of'],
  ['services/unknown-day.md', 'days.1', '"Funday" is not one of'],
  ['services/end-before-start.md', 'endTime', 'must be after the start time'],
  ['values/same-order-as-hope.md', 'order', 'is 1, the same as'],
  ['a-z/review-before-last.md', 'nextReview', 'must be after the last-reviewed date'],
  ['a-z/unknown-related-topic.md', 'relatedTopics', 'names "no-such-topic", which is not an A–Z topic'],
  ['a-z/unknown-related-service.md', 'relatedServices', 'names "no-such-service", which is not a service'],
  ['a-z/duplicate-synonym.md', 'synonyms', 'has "worry", which is already a synonym of'],
];

describe('an A–Z topic past its review date', () => {
  it('still publishes, and the build warns, naming the topic and its file', () => {
    const file = 'a-z/overdue-topic.md';
    const result = buildSite(makeContentTree({ [file]: join(ROOT, 'tests/fixtures/review', file) }));
    expect(result.status, result.output).toBe(0);
    const warning = result.output.split('\n').filter((l) => l.includes('Review overdue'));
    expect(warning, result.output).toHaveLength(1);
    expect(warning[0]).toContain(`Overdue topic (`);
    expect(warning[0]).toContain(`${file}, due 2023-01-10)`);
    expect(warning[0]).not.toContain('Anxiety');
    const html = readFileSync(join(result.outDir, 'a-z/overdue-topic/index.html'), 'utf8');
    expect(html.replace(/<[^>]+>/g, '')).toContain('Next review due: 10 January 2023.');
  });
});

describe('bad content fails the build', () => {
  it.concurrent.each(CASES)('%s: names the file and the "%s" field', async (file, field, problem) => {
    const tree = makeContentTree({ [file]: join(BAD, file) });
    const result = buildSite(tree);
    expect(result.status).not.toBe(0);
    const line = result.output.split('\n').find((l) => l.includes('Content error in'));
    expect(line, result.output).toBeDefined();
    expect(line).toContain(`${file}: field "${field}" `);
    expect(line).toContain(problem);
    // Nothing is published from a failed build.
    expect(existsSync(join(result.outDir, 'index.html'))).toBe(false);
  });
});

describe('a news post named like a page the site needs fails the build', () => {
  it('news/thank-you.md: names the file and the clash', () => {
    const tree = makeContentTree({ 'news/thank-you.md': join(BAD, 'news/thank-you.md') });
    const result = buildSite(tree);
    expect(result.status).not.toBe(0);
    const line = result.output.split('\n').find((l) => l.includes('Content error in'));
    expect(line, result.output).toContain('news/thank-you.md: has a file name that the site uses for /news/thank-you/');
    expect(existsSync(join(result.outDir, 'index.html'))).toBe(false);
  });
});
