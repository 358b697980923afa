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
import { walk } from './tree-walk';

/** A parent of words (a sentence) as the handler receives it. */
export type PhraseParent = Parent & { children: SentenceContent[] };

/** Called for every match: its nodes, the index of its first node in `parent`, and the phrase. */
export type PhraseHandler = (nodes: SentenceContent[], index: number, parent: PhraseParent, phrase: string) => void;

/**
 * A word as nlcst-normalize 4.0 (lib/index.js, without options) compares it, which is what
 * nlcst-search uses: lower case, curly apostrophes straight, then hyphens and apostrophes removed.
 */
export function normalizeWord(value: string | Node): string {
  const text = typeof value === 'string' ? value : nlcstToString(value as Parameters<typeof nlcstToString>[0]);
  return text.toLowerCase().replace(/’/g, "'").replace(/-/g, '').replace(/'/g, '');
}

/** A phrase ready to test: its words after the first, normalised (`*` stays any one word). */
interface Prepared {
  phrase: string;
  rest: string[];
}

/**
 * Calls `handler` for every place a phrase's words follow each other in one sentence (white space
 * between them allowed; `*` matches any one word), in document order and, at one word, in the
 * order of `phrases`. Words meant literally (quoted, in brackets, after a colon) are passed over
 * unless `allowLiterals` is set.
 */
export function searchPhrases(
  tree: Root,
  phrases: readonly string[],
  handler: PhraseHandler,
  options: { allowLiterals?: boolean } = {},
): void {
  const prepare = (phrase: string): Prepared => ({
    phrase,
    rest: phrase
      .split(' ')
      .slice(1)
      .map((word) => (word === '*' ? '*' : normalizeWord(word))),
  });
  // As nlcst-search: phrases by their first word, and phrases starting with "*" tried at every word.
  const any: Prepared[] = [];
  const byWord = new Map<string, Prepared[]>();
  for (const phrase of phrases) {
    const first = normalizeWord(phrase.split(' ', 1)[0] ?? '');
    if (first === '*') any.push(prepare(phrase));
    else byWord.set(first, [...(byWord.get(first) ?? []), prepare(phrase)]);
  }
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
  walk<Node>(tree, (node, index, parent) => {
    if (node.type !== 'WordNode' || !parent || index === undefined) return;
    const started = byWord.get(normalizeWord(node));
    const candidates = started ? [...any, ...started] : any;
    if (candidates.length === 0) return;
    const sentence = parent as PhraseParent;
    if (!options.allowLiterals && isLiteral(sentence as Parameters<typeof isLiteral>[0], index)) return;
    for (const { phrase, rest } of candidates) {
      const nodes = test(rest, index, sentence.children);
      if (nodes) handler(nodes, index, sentence, phrase);
    }
  });
}
