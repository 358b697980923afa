/**
 * The content gate's own tree walk and phrase search stand in for unist-util-visit and
 * nlcst-search, to make the build faster. They must find exactly what those libraries find: each is
 * compared with the library it replaces, over every Markdown file of the real content and over
 * sentences written to catch the edge cases (quotes, brackets, "*" words, hyphens, apostrophes).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Nodes } from 'mdast';
import type { Root as NlcstRoot } from 'nlcst';
import { search } from 'nlcst-search';
import { toString as nlcstToString } from 'nlcst-to-string';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import remarkRetext from 'remark-retext';
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import { SKIP as VISIT_SKIP, visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { loadContentRules } from '../../src/content/content-gate';
import { parseMarkdown } from '../../src/lib/markdown-prose';
import { searchPhrases } from '../../src/lib/phrase-search';
import { SKIP, walk } from '../../src/lib/tree-walk';
import { ROOT } from '../support/build';

const rules = loadContentRules();
const phrases = [...new Set(rules.flatMap((rule) => rule.phrases))];

/** Every Markdown body of the real content, by path. */
function contentFiles(): [string, string][] {
  const dir = join(ROOT, 'content');
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => [name, readFileSync(join(dir, name), 'utf8')]);
}

/** A Markdown text as the gate's nlcst tree (remark, remark-directive, remark-retext). */
async function nlcstOf(markdown: string): Promise<NlcstRoot> {
  let result: NlcstRoot | undefined;
  const retext = unified()
    .use(retextEnglish)
    .use(() => (tree: NlcstRoot) => {
      result = tree;
    });
  const processor = unified().use(remarkParse).use(remarkDirective).use(remarkRetext, retext);
  await processor.run(processor.parse(markdown), markdown);
  if (!result) throw new Error('no nlcst tree');
  return result;
}

type Found = [number, string, string, number | undefined];

/** Matches as [index, phrase, words, offset], from one search function. */
function matches(tree: NlcstRoot, allowLiterals: boolean, using: 'library' | 'ours'): Found[] {
  const found: Found[] = [];
  const record = (nodes: { position?: { start: { offset?: number } } }[], index: number, _p: unknown, phrase: string) =>
    found.push([index, phrase, nlcstToString(nodes as never), nodes[0]?.position?.start.offset]);
  if (using === 'library') search(tree, phrases, record as never, { allowLiterals });
  else searchPhrases(tree, phrases, record as never, { allowLiterals });
  return found;
}

const EDGE_CASES = [
  'He did commit suicide, the old paper said. They committed suicide. She is suicide-prone.',
  'It was not “attention seeking”. It was not (attention seeking). The word: crazy. A "successful suicide attempt".',
  'People who suffer from depression. The mentally ill. A schizophrenic. Psycho! He is a mental. Mental health.',
  'She’s crazy-ish, they’re insanely busy, it’s a failed attempt — a failed-attempt; a suicide epidemic.',
  '**commit** _suicide_ [commit suicide](https://example.org) and `commit suicide` in code.',
  ':helpline[samaritans] is free. Call :helpline[nhs-111]{show="phone"} today. Commit\nsuicide over two lines.',
];

describe('searchPhrases finds what nlcst-search finds', () => {
  const cases: [string, string][] = [
    ...EDGE_CASES.map((text, i): [string, string] => [`edge case ${String(i + 1)}`, text]),
    ...contentFiles(),
  ];
  it('has content to compare', () => {
    expect(cases.length).toBeGreaterThan(20);
  });
  it.each(cases)('%s', async (_name, text) => {
    const tree = await nlcstOf(text);
    for (const allowLiterals of [true, false]) {
      expect(matches(tree, allowLiterals, 'ours')).toEqual(matches(tree, allowLiterals, 'library'));
    }
  });
  it('finds the phrases of the edge cases at all (the comparison is not of two empty lists)', async () => {
    const tree = await nlcstOf(EDGE_CASES.join('\n\n'));
    expect(matches(tree, true, 'ours').length).toBeGreaterThan(10);
    expect(matches(tree, false, 'ours').length).toBeLessThan(matches(tree, true, 'ours').length);
  });
});

describe('walk visits what unist-util-visit visits', () => {
  /** Node types in visiting order, leaving out the children of emphasis and of the second list item. */
  const order = (markdown: string, using: 'library' | 'ours'): string[] => {
    const seen: string[] = [];
    let items = 0;
    const skip = (node: Nodes) => node.type === 'emphasis' || (node.type === 'listItem' && ++items === 2);
    if (using === 'library') {
      visit(parseMarkdown(markdown), (node: Nodes) => {
        seen.push(node.type);
        return skip(node) ? VISIT_SKIP : undefined;
      });
    } else {
      walk<Nodes>(parseMarkdown(markdown), (node) => {
        seen.push(node.type);
        return skip(node) ? SKIP : undefined;
      });
    }
    return seen;
  };
  it.each(contentFiles().slice(0, 10))('%s', (_name, text) => {
    expect(order(text, 'ours')).toEqual(order(text, 'library'));
  });
  it('skips children on SKIP and goes on at the index the visitor gives', () => {
    const text = '- one *two* three\n- four *five*\n- six\n\nA :x[y] b :z[w] c.';
    expect(order(text, 'ours')).toEqual(order(text, 'library'));
    const replace = (using: 'library' | 'ours') => {
      const tree = parseMarkdown(text);
      const seen: string[] = [];
      const visitor = (node: Nodes, index: number | undefined, parent: { children: Nodes[] } | undefined) => {
        seen.push(node.type);
        if (node.type !== 'textDirective' || !parent || index === undefined) return undefined;
        parent.children.splice(index, 1, { type: 'text', value: `[${node.name}]` });
        return [using === 'ours' ? SKIP : VISIT_SKIP, index + 1] as const;
      };
      if (using === 'library') visit(tree, visitor as never);
      else walk<Nodes>(tree, visitor as never);
      return { seen, tree: JSON.stringify(tree) };
    };
    expect(replace('ours')).toEqual(replace('library'));
    expect(replace('ours').tree).toContain('[x]');
  });
});
