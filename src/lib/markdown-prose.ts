/**
 * Markdown as the prose checks see it: parsed with remark and remark-directive (the same syntax the
 * site renders, so `:helpline[samaritans]` is a directive, not stray punctuation), then reduced to
 * the paragraphs a reader reads. Headings, code, tables and raw HTML are left out: a heading is not
 * a sentence, and counting it as one would make every page look easier to read than it is.
 */
import type { Nodes, Root } from 'mdast';
import type {} from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { SKIP, walk } from './tree-walk';

/** The directive editors write for a helpline: `:helpline[samaritans]`. */
export const HELPLINE_DIRECTIVE = 'helpline';

/** Gives a helpline's name for its id, or undefined when the id is unknown. */
export type HelplineNamer = (id: string) => string | undefined;

const parser = unified().use(remarkParse).use(remarkDirective).freeze();

/** Parses Markdown (without frontmatter) into an mdast tree with positions. */
export function parseMarkdown(markdown: string): Root {
  // remark-directive only adds syntax; there are no transforms to run.
  return parser.parse(markdown);
}

/** Blocks that are not prose, and everything inside them. */
const NOT_PROSE = new Set(['heading', 'code', 'html', 'table', 'definition', 'thematicBreak', 'yaml']);

/** A helpline id as words, when the registry does not know it ("nhs-111" → "nhs 111"). */
function fallbackName(id: string): string {
  return id.replace(/-/g, ' ');
}

/** The text a reader reads in an inline node: helpline directives become the helpline's name. */
function readText(node: Nodes, name: HelplineNamer): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return ' ';
  if (node.type === 'textDirective' && node.name === HELPLINE_DIRECTIVE) {
    const id = toString(node).trim();
    return name(id) ?? fallbackName(id);
  }
  if ('children' in node) return node.children.map((child) => readText(child, name)).join('');
  return '';
}

/**
 * The paragraphs of a page as plain text, in order. Each list item's paragraph is its own entry,
 * so a bullet point counts as one sentence, as readers take it.
 */
export function proseParagraphs(tree: Root, name: HelplineNamer = () => undefined): string[] {
  const paragraphs: string[] = [];
  walk<Nodes>(tree, (node) => {
    if (NOT_PROSE.has(node.type)) return SKIP;
    if (node.type === 'paragraph') {
      const text = readText(node, name).trim();
      if (text) paragraphs.push(text);
      return SKIP;
    }
    return undefined;
  });
  return paragraphs;
}

/** The ids of the helplines a page names with `:helpline[id]`, once each, in order of first use. */
export function helplinesUsed(tree: Root): string[] {
  const ids = new Set<string>();
  walk<Nodes>(tree, (node) => {
    if (node.type === 'textDirective' && node.name === HELPLINE_DIRECTIVE) ids.add(toString(node).trim());
  });
  return [...ids];
}
