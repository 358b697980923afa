/**
 * How hard a page is to read: the Flesch-Kincaid grade level of its prose, with its words and
 * sentences. NHS guidance aims health information at a reading age of 9 to 11 (about grade 5 to 6),
 * because stress makes reading harder, and people reach these pages under stress.
 *
 * The same function runs in the build, in `npm run content:report` and in the CMS preview (in the
 * browser), so an editor sees the number the build will print.
 */
import type { Root } from 'mdast';
import type { Sentence } from 'nlcst';
import type { Node } from 'unist';
import { toString as nlcstToString } from 'nlcst-to-string';
import retextEnglish from 'retext-english';
import { syllable } from 'syllable';
import { unified } from 'unified';
import { parseMarkdown, proseParagraphs, type HelplineNamer } from './markdown-prose';
import { SKIP, walk } from './tree-walk';

/** Counts behind a reading grade. */
export interface ReadingCounts {
  words: number;
  sentences: number;
  syllables: number;
}

/** A page's reading level. `grade` is undefined when there is no prose to measure. */
export interface ReadingLevel extends ReadingCounts {
  grade: number | undefined;
}

/**
 * The Flesch-Kincaid grade level: 0.39 × words per sentence + 11.8 × syllables per word − 15.59,
 * rounded to one decimal place. Undefined when there are no words.
 */
export function fleschKincaidGrade({ words, sentences, syllables }: ReadingCounts): number | undefined {
  if (words === 0 || sentences === 0) return undefined;
  const grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
  return Math.round(grade * 10) / 10;
}

const english = unified().use(retextEnglish).freeze();

/** Words (tokens with at least one letter, so "116 123" is not counted) in one sentence. */
function wordsOf(sentence: Sentence): string[] {
  return sentence.children
    .filter((child) => child.type === 'WordNode')
    .map((word) => nlcstToString(word))
    .filter((word) => /\p{L}/u.test(word));
}

/** Syllables by word: a site uses a few thousand words over and over, and counting is the slow part. */
const syllableCounts = new Map<string, number>();

/** The syllables of a word, counted as at least one, as the grade always has. */
function syllablesOf(word: string): number {
  let count = syllableCounts.get(word);
  if (count === undefined) {
    count = Math.max(1, syllable(word));
    if (syllableCounts.size >= 50_000) syllableCounts.clear();
    syllableCounts.set(word, count);
  }
  return count;
}

/** Counts the words, sentences and syllables of plain-text paragraphs. */
export function countProse(paragraphs: readonly string[]): ReadingCounts {
  const counts: ReadingCounts = { words: 0, sentences: 0, syllables: 0 };
  for (const paragraph of paragraphs) {
    const tree = english.parse(paragraph);
    walk<Node>(tree, (node) => {
      if (node.type !== 'SentenceNode') return undefined;
      const words = wordsOf(node as Sentence);
      if (words.length > 0) {
        counts.sentences += 1;
        counts.words += words.length;
        for (const word of words) counts.syllables += syllablesOf(word);
      }
      // A sentence holds words, never another sentence.
      return SKIP;
    });
  }
  return counts;
}

/**
 * The reading level of a Markdown body (prose only: headings, code, tables and HTML are left out;
 * each list item counts as a sentence; a `:helpline[id]` counts as the helpline's name).
 * @param markdown The body, or a tree already parsed with `parseMarkdown`.
 * @param helplineName Looks up a helpline's name by id; unknown ids are read as their words.
 */
export function readingLevel(markdown: string | Root, helplineName?: HelplineNamer): ReadingLevel {
  const tree = typeof markdown === 'string' ? parseMarkdown(markdown) : markdown;
  return readingOfParagraphs(proseParagraphs(tree, helplineName));
}

/** The reading level of a page's paragraphs, as `proseParagraphs` gives them. */
export function readingOfParagraphs(paragraphs: readonly string[]): ReadingLevel {
  const counts = countProse(paragraphs);
  return { ...counts, grade: fleschKincaidGrade(counts) };
}
