/**
 * Headings that fit the kind of topic: a guide (a right, a service, a law) may not use the
 * condition-only "Signs" heading, and the error names the file's real line.
 */
import { describe, expect, it } from 'vitest';
import { checkTopicHeadings, secondLevelHeadings } from '../../src/lib/a-z-headings';

const body = '\nIntro.\n\n## What is it?\n\nText.\n\n## Signs\n\n- one\n';

describe('checkTopicHeadings', () => {
  it('lets a condition use "Signs"', () => {
    expect(() => checkTopicHeadings('content/a-z/depression.md', 'condition', body)).not.toThrow();
  });

  it('refuses "Signs" on a guide, naming the file line where the body starts on line 12', () => {
    expect(() => checkTopicHeadings('content/a-z/advocacy.md', 'guide', body, 12)).toThrow(
      'Content error in content/a-z/advocacy.md: field "kind" is "guide", but line 19 has the heading "Signs"',
    );
  });

  it('lets a guide use its own headings, and ignores headings inside code', () => {
    const guide = '## What it means for you\n\n```\n## Signs\n```\n';
    expect(() => checkTopicHeadings('content/a-z/advocacy.md', 'guide', guide)).not.toThrow();
    expect(secondLevelHeadings(guide)).toEqual([{ text: 'What it means for you', line: 1 }]);
  });
});
