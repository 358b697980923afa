/**
 * Reading level: the Flesch-Kincaid grade of a page's prose, as the build, the content report and
 * the CMS preview all compute it.
 */
import { describe, expect, it } from 'vitest';
import { readingGradeNote } from '../../src/browser/cms/previews';
import { helplinesUsed, parseMarkdown } from '../../src/lib/markdown-prose';
import { fleschKincaidGrade, readingLevel } from '../../src/lib/reading-level';

// Wikipedia's worked example for the Flesch-Kincaid grade level: 13 words, 26 syllables, grade 13.1.
const PLATYPUS = 'The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.';

describe('Flesch-Kincaid grade', () => {
  it('uses the standard formula: 0.39 × words per sentence + 11.8 × syllables per word − 15.59', () => {
    expect(fleschKincaidGrade({ words: 100, sentences: 10, syllables: 130 })).toBe(3.7);
    expect(fleschKincaidGrade({ words: 13, sentences: 1, syllables: 26 })).toBe(13.1);
    expect(fleschKincaidGrade({ words: 0, sentences: 0, syllables: 0 })).toBeUndefined();
  });

  it('grades a known sentence as published', () => {
    expect(readingLevel(PLATYPUS)).toEqual({ words: 13, sentences: 1, syllables: 26, grade: 13.1 });
  });

  it('grades short, plain sentences low', () => {
    const level = readingLevel('You are not alone. Talk to someone you trust. Help is there.');
    expect(level.sentences).toBe(3);
    expect(level.grade).toBeLessThan(2);
  });
});

describe('what counts as prose', () => {
  it('leaves out headings, code and HTML comments', () => {
    const page = [
      '# A long heading with many complicated syllables',
      '',
      PLATYPUS,
      '',
      '```',
      'code is never read aloud',
      '```',
      '',
      '<!-- a note for editors -->',
    ].join('\n');
    expect(readingLevel(page)).toEqual(readingLevel(PLATYPUS));
  });

  it('counts each list item as a sentence, as readers take it', () => {
    const level = readingLevel(
      'You might notice:\n\n- feeling tired\n- not sleeping well\n- losing interest in things\n',
    );
    expect(level.sentences).toBe(4);
    expect(level.words).toBe(3 + 2 + 3 + 4);
  });

  it('reads a helpline directive as the helpline name, and phone numbers not as words', () => {
    const names = (id: string) => ({ samaritans: 'Samaritans', 'nhs-111': 'NHS 111' })[id];
    const level = readingLevel('Call :helpline[samaritans] or :helpline[nhs-111]{show="phone"} on 116 123.', names);
    // Call, Samaritans, or, NHS, on: the numbers are not words.
    expect(level.words).toBe(5);
    expect(readingLevel('Call :helpline[local-crisis-line].').words).toBe(4);
  });

  it('lists the helplines a page names, once each', () => {
    const tree = parseMarkdown(
      'Call :helpline[samaritans].\n\n- :helpline[shout]{show="text"}\n- :helpline[samaritans]\n',
    );
    expect(helplinesUsed(tree)).toEqual(['samaritans', 'shout']);
  });
});

describe('the CMS preview', () => {
  /** A stand-in for React's createElement that keeps the text. */
  const h = (_type: string, props?: Record<string, unknown> | null, ...children: unknown[]) => ({
    props,
    text: children.flat().join(''),
  });

  it('shows the grade of what is being typed, against the collection’s aim', () => {
    const note = readingGradeNote(h, PLATYPUS, 'a-z') as { props: { className: string }; text: string };
    expect(note.text).toBe(
      'Reading grade 13.1 (aim for 6.5 or below: use shorter sentences and everyday words) · 13 words · 1 sentence',
    );
    expect(note.props.className).toBe('reading-grade over');
    const easy = readingGradeNote(h, 'You are not alone. Help is there.', 'news') as { text: string };
    expect(easy.text).toMatch(/^Reading grade -?\d+\.\d \(aim for 7\.0 or below\) · 7 words · 2 sentences$/);
    expect((readingGradeNote(h, '', 'news') as { text: string }).text).toBe('Reading grade: no text yet');
  });

  it('reads a helpline by its registry name, as the build does', () => {
    const body = 'Call :helpline[domestic-abuse] now.';
    const byId = readingGradeNote(h, body, 'news') as { text: string };
    const byName = readingGradeNote(h, body, 'news', () => 'National Domestic Abuse Helpline') as { text: string };
    expect(byId.text).toContain('· 4 words ·');
    expect(byName.text).toContain('· 6 words ·');
  });
});
