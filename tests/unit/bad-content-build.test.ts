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
    expect(readFileSync(join(result.outDir, 'urgent-help/index.html'), 'utf8')).toContain('116 123');
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
  ['a-z/review-before-last.md', 'nextReview', 'must be after the last-reviewed date'],
];

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
