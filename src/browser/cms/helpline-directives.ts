/**
 * Keeps `:helpline[id]` directives whole when Decap CMS writes Markdown, in one module with no
 * browser or Decap imports, so a Node tool that writes files the way Decap does can use it too.
 *
 * Why it is needed (decap-cms-widget-markdown 3.13.1, the version inside decap-cms 3.16.3):
 * `serializers/index.js` `remarkToMarkdown` runs `remarkEscapeMarkdownEntities` over every text
 * node before it writes the file, and that escapes any `[…]` as `\[…]` (its "Links and Images"
 * pattern). A directive typed as text in the rich-text editor was saved as `:helpline\[samaritans]`,
 * which remark-directive no longer reads as a directive. Decap runs plugins registered with
 * `CMS.registerRemarkPlugin` (decap-cms-core `lib/registry.js`) after its own, both when it reads
 * Markdown (`markdownToRemark`) and when it writes it (`remarkToMarkdown`), and its writer prints
 * a text node's value as it is (`remarkAllowAllText`). Text typed in the rich-text editor reaches
 * that writer as `html` nodes, not `text` (`serializers/slateRemark.js` `createText`), printed as
 * they are too. So {@link remarkHelplineDirectives} can undo the escape in both kinds of node, and
 * write each well-formed directive in its one canonical form.
 */
import { DIRECTIVE_NAME, directiveFor, HELPLINE_SHOW_VALUES, type HelplineShow } from '../../lib/helpline-render';

/** What a directive says: the line's id, and which way of getting in touch it shows (if one). */
export interface HelplineDirectiveData {
  id: string;
  show?: HelplineShow | undefined;
}

/**
 * A helpline directive as people and Decap write it: `:helpline[id]`, perhaps with Decap's
 * backslash before a bracket, spaces inside the brackets, and `{show="phone"}`, `{show='phone'}` or
 * `{show=phone}` after it. Groups: 1 id, 2–4 the show value (double-quoted, single-quoted, bare).
 * Only the three real `show` values are taken, so `{show="fax"}` stays as it was written, for the
 * build to report.
 */
const DIRECTIVE_SOURCE =
  `:${DIRECTIVE_NAME}\\\\?\\[[ \\t]*([a-z0-9]+(?:-[a-z0-9]+)*)[ \\t]*\\\\?\\]` +
  `(?:\\{[ \\t]*show[ \\t]*=[ \\t]*(?:"(${HELPLINE_SHOW_VALUES.join('|')})"|'(${HELPLINE_SHOW_VALUES.join('|')})'|(${HELPLINE_SHOW_VALUES.join('|')}))[ \\t]*\\})?`;

/**
 * Matches one helpline directive at the start of the text (Decap's inline editor components
 * tokenise from the current position: `serializers/remarkShortcodes.js` anchors the pattern).
 */
export const HELPLINE_DIRECTIVE_PATTERN = new RegExp(`^${DIRECTIVE_SOURCE}`);

/** The directive's data from a match of {@link HELPLINE_DIRECTIVE_PATTERN}. */
export function helplineDirectiveData(match: RegExpMatchArray): HelplineDirectiveData {
  const show = (match[2] ?? match[3] ?? match[4]) as HelplineShow | undefined;
  return { id: match[1] ?? '', show };
}

/** Decap's escape before a helpline directive's bracket, in any directive, well-formed or not. */
const ESCAPED_BRACKET = new RegExp(`(?<!\\\\):${DIRECTIVE_NAME}\\\\\\[`, 'g');

/**
 * The text with every helpline directive in canonical form (`:helpline[id]` or
 * `:helpline[id]{show="phone"}`), and Decap's backslash taken out of any other `:helpline\[`, so a
 * mistyped directive reaches the file as it was typed and the build can name it.
 */
export function canonicalHelplineText(text: string): string {
  if (!text.includes(`:${DIRECTIVE_NAME}`)) return text;
  return text
    .replace(new RegExp(`(?<!\\\\)${DIRECTIVE_SOURCE}`, 'g'), (...groups: string[]) => {
      const data = helplineDirectiveData(groups as unknown as RegExpMatchArray);
      return directiveFor(data.id, data.show);
    })
    .replace(ESCAPED_BRACKET, `:${DIRECTIVE_NAME}[`);
}

/** The shape of an mdast node, as far as this plugin looks (Decap's remark 6 trees and today's). */
interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  data?: unknown;
}

/** Nodes whose value Decap's writer prints as it is. */
const PLAIN = new Set(['text', 'html']);

/** Nodes whose children are written one after another on a line (not as blocks). */
const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'emphasis', 'strong', 'delete', 'link', 'tableCell']);

/**
 * Joins neighbouring nodes of the same plain kind (a directive may arrive split: remark 6 reads
 * `[samaritans]` as a reference, which Decap's `remarkSquashReferences` turns back into three text
 * nodes), then puts the directives in each in canonical form.
 */
function canonicaliseChildren(node: MdNode): void {
  const children = node.children;
  if (!children) return;
  const merged: MdNode[] = [];
  for (const child of children) {
    const previous = merged[merged.length - 1];
    const join = PHRASING_PARENTS.has(node.type) && PLAIN.has(child.type) && previous?.type === child.type;
    if (join && !previous.data && !child.data) {
      merged[merged.length - 1] = { ...previous, value: `${previous.value ?? ''}${child.value ?? ''}` };
    } else {
      merged.push(child);
    }
  }
  for (const child of merged) {
    if (PLAIN.has(child.type) && typeof child.value === 'string') child.value = canonicalHelplineText(child.value);
    canonicaliseChildren(child);
  }
  node.children = merged;
}

/**
 * The remark plugin registered with Decap (`CMS.registerRemarkPlugin`): every helpline directive
 * in the text is written as `:helpline[id]` or `:helpline[id]{show="…"}`, never `:helpline\[id]`.
 * It changes nothing else, and leaves code alone (code is not text to remark).
 */
export function remarkHelplineDirectives() {
  return (tree: MdNode): void => {
    canonicaliseChildren(tree);
  };
}
