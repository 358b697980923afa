/**
 * The A–Z index: letters, order, "see" entries for other names, the checks that stop a bad
 * reference, review dates, and the filter's matching.
 */
import { describe, expect, it } from 'vitest';
import { matchesFilter, normaliseForFilter } from '../../src/lib/a-z-filter';
import { buildAzIndex, compareLabels, letterOf, overdueWarning } from '../../src/lib/a-z-index';
import type { AzData } from '../../src/schemas/a-z';
import { tagRanker } from '../../src/lib/related-by-tags';
import { nextReviewDate, reviewReport, reviewState } from '../../src/lib/review-dates';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function topic(slug: string, title: string, extra: Partial<AzData> = {}) {
  const data: AzData = {
    title,
    summary: `About ${title.toLowerCase()}.`,
    kind: 'condition',
    alsoKnownAs: [],
    searchTerms: [],
    urgent: false,
    quickExit: false,
    relatedTopics: [],
    relatedServices: [],
    tags: [],
    furtherHelp: [],
    sources: [{ title: 'NHS – Mental health conditions', url: 'https://www.nhs.uk/mental-health/conditions/' }],
    reviewedBy: 'Clinical adviser',
    lastReviewed: day('2026-03-12'),
    nextReview: undefined,
    ...extra,
  };
  return { slug, file: `content/a-z/${slug}.md`, data, entry: slug };
}

const TOPICS = [
  topic('depression', 'Depression', { alsoKnownAs: ['Low mood'], searchTerms: ['feeling low'] }),
  topic('bipolar-disorder', 'Bipolar disorder', {
    alsoKnownAs: ['Manic depression'],
    searchTerms: ['mood swings'],
    relatedTopics: ['depression'],
    relatedServices: ['group'],
  }),
  topic('the-mental-health-act', 'The Mental Health Act', { alsoKnownAs: ['Sectioning'] }),
  topic('anxiety', 'anxiety', { alsoKnownAs: ['Worry'] }),
  topic('adhd', 'ADHD'),
];

describe('buildAzIndex', () => {
  const index = buildAzIndex(TOPICS, ['group']);
  const letter = (l: string) => index.letters.find((x) => x.letter === l);
  const labels = (l: string) => letter(l)?.entries.map((e) => e.label);

  it('always has the 26 letters A to Z, in order, including letters with no entries', () => {
    expect(index.letters.map((l) => l.letter).join('')).toBe('ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    expect(letter('Q')?.entries).toEqual([]);
    expect(letter('A')?.id).toBe('letter-a');
  });

  it('sorts case-insensitively and files "The …" under the next word', () => {
    expect(labels('A')).toEqual(['ADHD', 'anxiety']);
    expect(labels('M')).toEqual(['Manic depression', 'The Mental Health Act']);
    expect(labels('T')).toEqual([]);
    expect(index.topics.map((t) => t.slug)).toEqual([
      'adhd',
      'anxiety',
      'bipolar-disorder',
      'depression',
      'the-mental-health-act',
    ]);
  });

  it('lists each synonym under its own letter, leading to its topic', () => {
    const manic = letter('M')?.entries[0];
    expect(manic).toMatchObject({
      kind: 'synonym',
      label: 'Manic depression',
      topicTitle: 'Bipolar disorder',
      path: '/a-z/bipolar-disorder/',
    });
    expect(labels('L')).toEqual(['Low mood']);
    expect(labels('S')).toEqual(['Sectioning']);
    expect(letter('B')?.entries[0]).toMatchObject({ kind: 'topic', summary: 'About bipolar disorder.' });
  });

  it('resolves related topics and gives each topic its page address', () => {
    const bipolar = index.bySlug.get('bipolar-disorder');
    expect(bipolar?.path).toBe('/a-z/bipolar-disorder/');
    expect(bipolar?.relatedTopics.map((t) => t.data.title)).toEqual(['Depression']);
  });

  it('lets the filter find a topic by title, synonym or keyword', () => {
    const bipolar = letter('B')?.entries[0];
    expect(bipolar && matchesFilter(bipolar.filterWords, 'manic')).toBe(true);
    expect(bipolar && matchesFilter(bipolar.filterWords, 'Mood swing')).toBe(true);
    expect(bipolar && matchesFilter(bipolar.filterWords, 'worry')).toBe(false);
  });

  it('puts a title that starts with a number under 0–9, after Z', () => {
    const withNumber = buildAzIndex([...TOPICS, topic('five-ways', '5 ways to wellbeing')], ['group']);
    expect(withNumber.letters.at(-1)).toMatchObject({ letter: '0–9', id: 'letter-other' });
    expect(withNumber.letters.at(-1)?.entries.map((e) => e.label)).toEqual(['5 ways to wellbeing']);
  });
});

describe('bad references fail with one line naming the file and the field', () => {
  const build = (topics: ReturnType<typeof topic>[]) => () => buildAzIndex(topics, ['group']);

  it('an unknown related topic', () => {
    expect(build([topic('a', 'A', { relatedTopics: ['nope'] })])).toThrow(
      'Content error in content/a-z/a.md: field "relatedTopics" names "nope", which is not an A–Z topic',
    );
  });

  it('an unknown related service', () => {
    expect(build([topic('a', 'A', { relatedServices: ['nope'] })])).toThrow(
      'Content error in content/a-z/a.md: field "relatedServices" names "nope", which is not a service',
    );
  });

  it('a synonym claimed by two topics (in any case), naming the second file', () => {
    expect(build([topic('b', 'B', { alsoKnownAs: ['worry'] }), topic('a', 'A', { alsoKnownAs: ['Worry'] })])).toThrow(
      'Content error in content/a-z/b.md: field "alsoKnownAs" has "worry", which is already another name of content/a-z/a.md',
    );
  });

  it("a synonym that is another topic's title", () => {
    expect(build([topic('a', 'Anxiety'), topic('b', 'B', { alsoKnownAs: ['anxiety'] })])).toThrow(
      'Content error in content/a-z/b.md: field "alsoKnownAs" has "anxiety", which is the title of content/a-z/a.md',
    );
  });

  it('a file name the A–Z uses for the feedback thank-you page', () => {
    expect(build([topic('thank-you', 'Thanks')])).toThrow(
      'Content error in content/a-z/thank-you.md: has a file name that the site uses for /a-z/thank-you/; rename the file',
    );
  });

  it('a topic related to itself, or a synonym listed twice', () => {
    expect(build([topic('a', 'A', { relatedTopics: ['a'] })])).toThrow('field "relatedTopics"');
    expect(build([topic('a', 'A', { alsoKnownAs: ['X', 'x'] })])).toThrow('field "alsoKnownAs" lists "x" twice');
  });
});

describe('letters and order', () => {
  it('ignores case and a leading "The"', () => {
    expect(letterOf('The Mental Health Act')).toBe('M');
    expect(letterOf('Theory')).toBe('T');
    expect(letterOf('éating')).toBe('E');
    expect(['b', 'The C', 'A'].sort(compareLabels)).toEqual(['A', 'b', 'The C']);
  });
});

describe('review dates', () => {
  it('defaults the next review to three years after the last', () => {
    expect(nextReviewDate(day('2026-03-12'))).toEqual(day('2029-03-12'));
    expect(nextReviewDate(day('2024-02-29'))).toEqual(day('2027-02-28'));
    expect(nextReviewDate(day('2026-03-12'), day('2027-01-01'))).toEqual(day('2027-01-01'));
  });

  it('is overdue the day after the due date, and due soon within 90 days', () => {
    const today = day('2026-11-23');
    expect(reviewState(day('2026-11-22'), today)).toBe('overdue');
    expect(reviewState(day('2026-11-23'), today)).toBe('due-soon');
    expect(reviewState(day('2027-02-21'), today)).toBe('due-soon');
    expect(reviewState(day('2027-02-22'), today)).toBe('current');
  });

  it('reports overdue and due-soon topics, soonest first', () => {
    const items = [
      { title: 'Late', file: 'late.md', nextReview: day('2026-05-02') },
      { title: 'Soon', file: 'soon.md', nextReview: day('2027-01-15') },
      { title: 'Later', file: 'later.md', nextReview: day('2029-01-15') },
      { title: 'Very late', file: 'very-late.md', nextReview: day('2020-01-01') },
    ];
    const report = reviewReport(items, day('2026-11-23'));
    expect(report.overdue.map((i) => i.title)).toEqual(['Very late', 'Late']);
    expect(report.dueSoon.map((i) => i.title)).toEqual(['Soon']);
    expect(overdueWarning(report.overdue)).toContain('2 A–Z topics are past the next review date');
    expect(overdueWarning([])).toBeUndefined();
  });
});

describe('filter matching', () => {
  it('matches the start of words, ignoring case, accents and punctuation', () => {
    const words = normaliseForFilter("Anxiety Can't stop worrying Généralised");
    expect(matchesFilter(words, 'cant stop')).toBe(true);
    expect(matchesFilter(words, 'WORRY')).toBe(true);
    expect(matchesFilter(words, 'generalised')).toBe(true);
    expect(matchesFilter(words, 'xiety')).toBe(false);
    expect(matchesFilter(words, '   ')).toBe(true);
  });
});

describe('related news by tags', () => {
  it('ranks by shared tags, then newest, and leaves out posts with none in common', () => {
    const posts = [
      { id: 'old-two', tags: ['sleep', 'stress'], date: day('2020-01-01') },
      { id: 'new-one', tags: ['sleep'], date: day('2025-01-01') },
      { id: 'none', tags: ['fundraising'], date: day('2026-01-01') },
      { id: 'newer-one', tags: ['Stress'], date: day('2026-01-01') },
    ];
    expect(tagRanker(posts)(['sleep', 'stress']).map((p) => p.id)).toEqual(['old-two', 'newer-one', 'new-one']);
    expect(tagRanker(posts)([])).toEqual([]);
  });

  it('gives what ranking every item would give, ties in their order, for any limit', () => {
    // A small seeded generator, so the case is the same on every run.
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const names = ['sleep', 'Stress', 'anxiety', 'carers', 'money'];
    const items = Array.from({ length: 400 }, (_, i) => ({
      id: `post-${String(i)}`,
      tags: names.filter(() => next() < 0.3),
      // Few distinct dates, so many items tie.
      date: day(`2026-0${String(1 + Math.floor(next() * 3))}-01`),
    }));
    /** Every item ranked with a stable sort: the meaning the one-pass version must keep. */
    const rankAll = (tags: string[], limit: number) => {
      const wanted = new Set(tags.map((t) => t.toLowerCase()));
      return items
        .map((item) => ({ item, shared: item.tags.filter((t) => wanted.has(t.toLowerCase())).length }))
        .filter(({ shared }) => shared > 0)
        .sort((a, b) => b.shared - a.shared || b.item.date.getTime() - a.item.date.getTime())
        .slice(0, limit)
        .map(({ item }) => item.id);
    };
    for (const tags of [['sleep'], ['STRESS', 'money'], names, ['none']]) {
      for (const limit of [1, 3, 10, 500]) {
        expect(
          tagRanker(items)(tags, limit).map((item) => item.id),
          `${tags.join()} ${String(limit)}`,
        ).toEqual(rankAll(tags, limit));
      }
    }
  });
});
