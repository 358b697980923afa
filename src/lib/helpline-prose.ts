/**
 * What is wrong with a Markdown body's helplines: unknown ids, impossible `show` values, a helpline
 * the editor would delete on save (alone in bold or italics) or inside a link, registry numbers
 * typed by hand instead of the directive, and phone numbers the site does not know.
 *
 * Pure, and free of Sätteri's native code (the Markdown plugin that draws the helplines is
 * src/lib/helpline-directive.ts): the registry and the charity's own numbers are passed in
 * (src/content/helplines.ts reads them from disk), so the same code runs in the build's content
 * gate, in unit tests and in the CMS preview (src/browser/cms/previews.ts).
 */
import type { Nodes, Root } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import {
  DIRECTIVE_NAME,
  directiveFor,
  showProblem,
  type HelplineFields as Helpline,
  type HelplineShow,
} from './helpline-render';
import { dialDigits } from './phone-numbers';
import { SKIP, walk } from './tree-walk';

/** The registry, by id. */
export type HelplineRegistry = ReadonlyMap<string, Helpline>;

function isDirective(node: { type: string }): node is TextDirective | LeafDirective | ContainerDirective {
  return node.type === 'textDirective' || node.type === 'leafDirective' || node.type === 'containerDirective';
}

/**
 * A directive as it is written in the text. A directive with no id in brackets is read as just
 * `:helpline`, so what follows it on the line (`\[samaritans]{show="phone"}`, written by an old
 * editor that escaped the bracket) is shown too: that is what the editor typed.
 */
export function writtenAt(source: string, node: Pick<TextDirective, 'position'>): string {
  const start = node.position?.start.offset;
  if (start === undefined) return `:${DIRECTIVE_NAME}`;
  const match = /^::?[\w-]+(?:\\?\[[^\]\n]*\]?)?(?:\{[^}\n]*\})?/.exec(source.slice(start));
  return match?.[0] ?? `:${DIRECTIVE_NAME}`;
}

/** What is wrong with a helpline directive whose id is not in the registry, and the fix. */
export function unknownDirectiveProblem(id: string, written: string, registry: HelplineRegistry): string {
  const unescaped = written.replace(`:${DIRECTIVE_NAME}\\[`, `:${DIRECTIVE_NAME}[`);
  if (unescaped !== written) {
    return `"${written}" has a backslash before "[", so it is not read as a helpline: write ${unescaped}`;
  }
  if (!id) {
    return `"${written}" names no helpline: put a helpline's id in the brackets, such as ${directiveFor('samaritans')}, or use the Helpline button in the editor`;
  }
  return `unknown helpline "${id}" in "${written}": use one of the ids in content/helplines/ (${[...registry.keys()].sort().join(', ')})`;
}

/** One thing wrong (or worth a look) in a Markdown body, with its line in the body. */
export interface ProseFinding {
  line: number;
  message: string;
}

/** Separators people put between digits: spaces, non-breaking spaces, dashes, dots. */
const SEP = '[\\s\\u00a0\\-.\\u2010-\\u2013]{0,2}';

/** A pattern matching these dialled digits however they are grouped (and 0… as +44 …). */
function numberPattern(dial: string): RegExp {
  const digits = [...dial];
  const lead = dial.startsWith('0') ? `(?:0|\\+44${SEP}(?:\\(0\\)${SEP})?)` : digits[0];
  const rest = digits.slice(1).join(SEP);
  // Not part of a longer number, a web address (111.nhs.uk) or an amount (£1,999).
  return new RegExp(
    `(?<![\\d+,][\\s\\u00a0]?)(?<![\\w/.])${lead}${SEP}${rest}(?![\\s\\u00a0]?[-.]?\\d)(?!\\.\\w)`,
    'g',
  );
}

/** A UK-style phone number: 0 or +44 then 9 or 10 more digits, grouped any way. */
const PHONE_LIKE =
  /(?<![\d\w])(?:\+44[\s\u00a0\-.]?(?:\(0\)[\s\u00a0\-.]?)?|0)\d(?:[\s\u00a0\-.]{0,2}\d){8,9}(?![\s\u00a0]?\d)/g;

/** Lines of the registry reachable at a number, by its digits. */
function linesByDial(registry: HelplineRegistry): Map<string, { line: Helpline; show: HelplineShow }[]> {
  const map = new Map<string, { line: Helpline; show: HelplineShow }[]>();
  for (const line of registry.values()) {
    for (const [number, show] of [
      [line.phone, 'phone'],
      [line.textNumber, 'text'],
    ] as const) {
      if (!number) continue;
      const dial = dialDigits(number);
      map.set(dial, [...(map.get(dial) ?? []), { line, show }]);
    }
  }
  return map;
}

const dialPatternsByRegistry = new WeakMap<
  HelplineRegistry,
  { known: ReturnType<typeof linesByDial>; patterns: Map<string, RegExp> }
>();

/** The registry's lines by number and each number's pattern, made once per registry (the gate checks every file with one). */
function dialPatterns(registry: HelplineRegistry) {
  let found = dialPatternsByRegistry.get(registry);
  if (!found) {
    const known = linesByDial(registry);
    found = { known, patterns: new Map([...known.keys()].map((dial) => [dial, numberPattern(dial)])) };
    dialPatternsByRegistry.set(registry, found);
  }
  return found;
}

/** The text a person reads in a Markdown node, with the line it starts on. */
interface Prose {
  value: string;
  line: number;
}

/** Every piece of prose in a Markdown tree, plus tel:/sms: link addresses. Code is left out. */
function proseOf(tree: Root): Prose[] {
  const found: Prose[] = [];
  walk<Nodes>(tree, (node) => {
    const line = node.position?.start.line ?? 1;
    // Code is not prose, and a directive's label is an id (nhs-111), not a number.
    if (node.type === 'code' || node.type === 'inlineCode' || isDirective(node)) return SKIP;
    if (node.type === 'text' || node.type === 'html') found.push({ value: node.value, line });
    if (node.type === 'link' && /^(tel|sms):/i.test(node.url))
      found.push({ value: node.url.replace(/^\w+:/, ' '), line });
    return undefined;
  });
  return found;
}

/** Counts the line breaks before `index`, to turn a match into a line number. */
function lineAt(prose: Prose, index: number): number {
  return prose.line + (prose.value.slice(0, index).match(/\n/g)?.length ?? 0);
}

/** The helpline directives inside a node, in document order. */
function helplinesIn(node: Nodes): TextDirective[] {
  const found: TextDirective[] = [];
  walk<Nodes>(node, (child) => {
    if (child.type === 'textDirective' && child.name === DIRECTIVE_NAME) found.push(child);
  });
  return found;
}

/**
 * The text of an inline node as Decap's editor weighs it when it saves: every directive counts as
 * no text. Decap 3.16's `slateToRemark` (decap-cms-widget-markdown dist/esm/serializers/
 * slateRemark.js, `convertInlineAndTextChildren`) leaves out bold or italic text whose
 * `mdastToString` is empty, so as not to write an empty "****"; a helpline alone in bold is such a
 * node to it, and the helpline is lost on save (the urgent-help page lost its Samaritans and Shout
 * numbers that way to `npm run content:format`, which runs the same code).
 */
function textBesideDirectives(node: Nodes): string {
  if (isDirective(node)) return '';
  if ('value' in node) return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(textBesideDirectives).join('');
  return '';
}

/**
 * Where a helpline cannot go, for a bold, italic or link node: alone in bold or italics (the
 * editor deletes it on save, above), or inside a link (a helpline is a link itself, and a link
 * inside a link is not one a phone can follow). The finding is at the first helpline's line; the
 * helplines found are added to `already`, so one in bold italics is reported once.
 * @param source The body as written, to name the marks the editor typed (`**` or `__`).
 */
function wrapperProblem(node: Nodes, source: string, already: Set<TextDirective>): ProseFinding | undefined {
  if (node.type !== 'strong' && node.type !== 'emphasis' && node.type !== 'link') return undefined;
  const inside = helplinesIn(node);
  const first = inside[0];
  if (!first || already.has(first)) return undefined;
  // Bold or italics with words beside the helpline is written back whole.
  if (node.type !== 'link' && textBesideDirectives(node) !== '') return undefined;
  for (const helpline of inside) already.add(helpline);
  const line = first.position?.start.line ?? 1;
  const written = directiveFor(toString(first).trim(), first.attributes?.['show'] as HelplineShow | undefined);
  if (node.type === 'link') {
    return {
      line,
      message: `"${written}" is inside a link ([…](…)): a helpline is a link already, and a link inside a link does not work. Take the helpline out of the link`,
    };
  }
  // The marks as typed at its start: `**`, `__`, `*`, `_`, or `***` for bold italics.
  const marks = /^[*_]+/.exec(source.slice(node.position?.start.offset ?? 0))?.[0] ?? '**';
  const only = node.children.length === 1 ? node.children[0] : undefined;
  const style =
    only?.type === 'strong' || only?.type === 'emphasis' ? 'bold italics' : node.type === 'strong' ? 'bold' : 'italics';
  return {
    line,
    message: `"${written}" is in ${style} on its own (${marks}…${marks}), and the editor deletes it when it saves the page. Take away the ${marks} around it: its number shows as a link anyway`,
  };
}

/** What {@link checkHelplineProse} found: errors stop the build, warnings are printed. */
export interface ProseCheck {
  errors: ProseFinding[];
  warnings: ProseFinding[];
}

/**
 * Checks a Markdown body against the registry: every `:helpline[id]` must name a line (and a way
 * it can be reached), no registry number may be typed by hand (with any spacing, dashes, dots or
 * +44), and a phone number that is neither in the registry nor one of `ownDials` (the charity's
 * own, digits only) is worth a warning.
 * @param markdown The body, or a tree already parsed with remark-parse and remark-directive.
 * @param source The body as written, to quote a mistake as the editor typed it (given with a tree).
 */
export function checkHelplineProse(
  markdown: string | Root,
  registry: HelplineRegistry,
  ownDials: ReadonlySet<string>,
  source: string = typeof markdown === 'string' ? markdown : '',
): ProseCheck {
  // A tree the content gate already parsed (remark-parse + remark-directive, as here) is reused, so
  // each file is parsed once for all its checks; its lines are then the tree's lines.
  const tree =
    typeof markdown === 'string' ? unified().use(remarkParse).use(remarkDirective).parse(markdown) : markdown;
  const errors: ProseFinding[] = [];
  const warnings: ProseFinding[] = [];

  const wrappedAlready = new Set<TextDirective>();
  walk<Nodes>(tree, (node) => {
    const wrapped = wrapperProblem(node, source, wrappedAlready);
    if (wrapped) errors.push(wrapped);
    if (node.type !== 'textDirective' && node.type !== 'leafDirective') return;
    if (node.name !== DIRECTIVE_NAME) return;
    const line = node.position?.start.line ?? 1;
    const id = toString(node).trim();
    const helpline = registry.get(id);
    if (node.type === 'leafDirective') {
      errors.push({ line, message: `"::${DIRECTIVE_NAME}" has two colons: write ${directiveFor(id)} with one` });
    } else if (!helpline) {
      errors.push({ line, message: unknownDirectiveProblem(id, writtenAt(source, node), registry) });
    } else {
      const problem = showProblem(helpline, node.attributes?.['show'] ?? undefined);
      if (problem) errors.push({ line, message: `${directiveFor(id)}: ${problem}` });
    }
    // "free on:helpline[samaritans]" reads "free on116 123". Decap's editor writes that when an
    // editor makes a space bold on its own: it leaves the empty bold out, and the space with it.
    const start = node.position?.start.offset ?? 0;
    const word = /[\p{L}\p{N}]+$/u.exec(source.slice(Math.max(0, start - 40), start))?.[0];
    if (helpline && word) {
      warnings.push({
        line,
        message: `"${word}${writtenAt(source, node)}" has no space before the helpline, so the words run together: put a space before it`,
      });
    }
  });

  // Every number pattern needs a digit, so text without one (most of a page) is not searched.
  const prose = proseOf(tree).filter((piece) => /\d/.test(piece.value));
  const { known, patterns } = dialPatterns(registry);
  for (const [dial, lines] of known) {
    const pattern = patterns.get(dial) ?? numberPattern(dial);
    for (const piece of prose) {
      for (const match of piece.value.matchAll(pattern)) {
        const instead = lines.map(({ line, show }) => directiveFor(line.id, show)).join(' or ');
        errors.push({
          line: lineAt(piece, match.index),
          message: `"${match[0].trim()}" (${lines.map(({ line }) => line.name).join(' / ')}) is typed by hand: write ${instead} instead, so it stays right when the number changes`,
        });
      }
    }
  }
  for (const piece of prose) {
    for (const match of piece.value.matchAll(PHONE_LIKE)) {
      const dial = dialDigits(match[0]);
      if (known.has(dial) || ownDials.has(dial)) continue;
      warnings.push({
        line: lineAt(piece, match.index),
        message: `"${match[0].trim()}" is not in the helpline registry or the charity's own numbers: check it, and add it to content/helplines/ if it is a helpline`,
      });
    }
  }
  errors.sort((a, b) => a.line - b.line);
  return { errors, warnings };
}
