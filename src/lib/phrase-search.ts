/**
 * Finds phrases in a natural-language (nlcst) tree, word by word: the search of nlcst-search 4.0
 * (lib/index.js), with the same matches in the same order, for the content gate, which runs it on
 * every file of every build. It differs only in cost: the tree is walked with `walk` instead of
 * unist-util-visit, each phrase is split and normalised once instead of at every word, and a word
 * is checked for being meant literally only when a phrase starts with it.
 */
import type { Parent, Root, SentenceContent } from 'nlcst';
import { isLiteral } from 'nlcst-is-literal';
import { toString as nlcstToString } from 'nlcst-to-string';
import type { Node } from 'unist';
import { SKIP, walk } from './tree-walk';

/** A parent of words (a sentence) as the handler receives it. */
export type PhraseParent = Parent & { children: SentenceContent[] };

/** Called for every match: its nodes, the index of its first node in `parent`, and the phrase. */
export type PhraseHandler = (nodes: SentenceContent[], index: number, parent: PhraseParent, phrase: string) => void;

/**
 * A word as nlcst-normalize 4.0 (lib/index.js, without options) compares it, which is what
 * nlcst-search uses: lower case, curly apostrophes straight, then hyphens and apostrophes removed.
 */
export function normalizeWord(value: string | Node): string {
  const text = typeof value === 'string' ? value : textOf(value);
  const lower = text.toLowerCase();
  return /['’-]/.test(lower) ? lower.replace(/’/g, "'").replace(/-/g, '').replace(/'/g, '') : lower;
}

/** A node's text, as nlcst-to-string gives it (a word is most often one text node). */
function textOf(node: Node): string {
  const children = (node as Partial<Parent>).children;
  const only = children?.length === 1 ? (children[0] as { value?: unknown }) : undefined;
  return typeof only?.value === 'string' ? only.value : nlcstToString(node as Parameters<typeof nlcstToString>[0]);
}

/** A word of the tree: its index in its sentence, the sentence, and its normalised form. */
export interface WordAt {
  index: number;
  parent: PhraseParent;
  normal: string;
}

/** Every word of a tree in document order, normalised once for every search over it. */
export function wordsOf(tree: Root): WordAt[] {
  const words: WordAt[] = [];
  walk<Node>(tree, (node, index, parent) => {
    if (node.type !== 'WordNode') return undefined;
    if (parent && index !== undefined)
      words.push({ index, parent: parent as PhraseParent, normal: normalizeWord(node) });
    // A word holds text, punctuation and symbols (parse-latin), never another word.
    return SKIP;
  });
  return words;
}

/** A phrase ready to test: its words after the first, normalised (`*` stays any one word). */
interface Prepared {
  phrase: string;
  rest: string[];
}

/** Phrases by their first word, ready to test. */
interface PhraseIndex {
  /** Phrases starting with `*`, tried at every word. */
  any: Prepared[];
  byWord: Map<string, Prepared[]>;
}

/** Indexes of the phrase lists searched for, by the list: the gate searches the same two lists in every file. */
const indexes = new Map<string, PhraseIndex>();

/**
 * The same indexes by the list itself: the gate passes the same array for every file, and joining a
 * few hundred phrases into a key on every search cost about 0.1 s of CPU at 1,000 posts. A list is
 * never changed once searched (the gate makes its lists once per set of rules).
 */
const indexesByList = new WeakMap<readonly string[], PhraseIndex>();

/** The phrases indexed as nlcst-search indexes them (by their first word, normalised), made once per list. */
function indexOf(phrases: readonly string[]): PhraseIndex {
  const same = indexesByList.get(phrases);
  if (same) return same;
  const key = phrases.join('\n');
  let index = indexes.get(key);
  if (index) {
    indexesByList.set(phrases, index);
    return index;
  }
  const prepare = (phrase: string): Prepared => ({
    phrase,
    rest: phrase
      .split(' ')
      .slice(1)
      .map((word) => (word === '*' ? '*' : normalizeWord(word))),
  });
  index = { any: [], byWord: new Map() };
  for (const phrase of phrases) {
    const first = normalizeWord(phrase.split(' ', 1)[0] ?? '');
    if (first === '*') index.any.push(prepare(phrase));
    else index.byWord.set(first, [...(index.byWord.get(first) ?? []), prepare(phrase)]);
  }
  // Rules edited while `astro dev` runs make new lists; only the current ones matter.
  if (indexes.size >= 16) indexes.clear();
  indexes.set(key, index);
  indexesByList.set(phrases, index);
  return index;
}

/**
 * Calls `handler` for every place a phrase's words follow each other in one sentence (white space
 * between them allowed; `*` matches any one word), in document order and, at one word, in the
 * order of `phrases`. Words meant literally (quoted, in brackets, after a colon) are passed over
 * unless `allowLiterals` is set.
 * @param source The tree, or its words from `wordsOf` when several searches go over one tree.
 */
export function searchPhrases(
  source: Root | readonly WordAt[],
  phrases: readonly string[],
  handler: PhraseHandler,
  options: { allowLiterals?: boolean } = {},
): void {
  const { any, byWord } = indexOf(phrases);
  /** The nodes of a match of `rest` after the word at `start`, or undefined. */
  const test = (rest: readonly string[], start: number, siblings: SentenceContent[]) => {
    let position = start + 1;
    for (const expected of rest) {
      while (position < siblings.length && siblings[position]?.type === 'WhiteSpaceNode') position++;
      const node = siblings[position];
      if (!node || node.type !== 'WordNode' || (expected !== '*' && expected !== normalizeWord(node))) return undefined;
      position++;
    }
    return siblings.slice(start, position);
  };
  const words: readonly WordAt[] = 'type' in source ? wordsOf(source) : source;
  for (const { index, parent, normal } of words) {
    const started = byWord.get(normal);
    const candidates = started ? [...any, ...started] : any;
    if (candidates.length === 0) continue;
    if (!options.allowLiterals && isLiteral(parent as Parameters<typeof isLiteral>[0], index)) continue;
    for (const { phrase, rest } of candidates) {
      const nodes = test(rest, index, parent.children);
      if (nodes) handler(nodes, index, parent, phrase);
    }
  }
}
