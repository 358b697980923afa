/**
 * The content safety gate's checks: finds the words of content-rules.yaml in a page's prose and
 * text fields, with the real line each is on, and applies the visible silencing comments.
 *
 * Markdown is parsed with remark (plus remark-directive, so `:helpline[id]` is a directive and not
 * text), turned into natural-language sentences with remark-retext and retext-english, and searched
 * word by word (`searchPhrases`, nlcst-search's search at a fraction of its cost). Matching words rather than raw Markdown means emphasis, links and
 * line breaks inside a phrase do not hide it, "insanely" never matches "insane", and a phrase
 * written about in quotes ("the word “crazy”") counts as talking about the word, not using it.
 *
 * Splitting text into words and sentences is most of the gate's cost, and most files use none of
 * the rules' words. So a text goes through it only if one regular expression says a phrase could be
 * there (`mayUseRules`, below), or if it has a silencing comment, which needs its sentences.
 */
import type { Nodes, Root as MdastRoot } from 'mdast';
import type { Root as NlcstRoot, SentenceContent } from 'nlcst';
import type { Node } from 'unist';
import { toString as nlcstToString } from 'nlcst-to-string';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import remarkRetext from 'remark-retext';
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import { suggestion, type ContentRule, type ContentRules } from './content-rules';
import { normalizeWord, searchPhrases, wordsOf } from './phrase-search';
import { SKIP, walk } from './tree-walk';

/** Where prose came from: the body (a line of the file) or a frontmatter field. */
export interface ProseLocation {
  /** Line in the file (1-based). */
  line: number;
  /** The frontmatter field, when the text is a field rather than the body. */
  field?: string;
}

/** A rule's words found in the prose. */
export interface ProseFinding extends ProseLocation {
  rule: ContentRule;
  /** The words as written. */
  text: string;
}

/** A finding that a silencing comment allowed, kept so the build can list it. */
export interface SilencedFinding extends ProseFinding {
  reason: string;
}

/** A silencing comment that is malformed (an error) or silences nothing (a warning). */
export interface CommentProblem extends ProseLocation {
  level: 'fail' | 'warn';
  problem: string;
}

/** Everything the gate found in one file. */
export interface ProseCheckResult {
  findings: ProseFinding[];
  silenced: SilencedFinding[];
  commentProblems: CommentProblem[];
}

/** A frontmatter text field to check. */
export interface TextField {
  name: string;
  value: string;
  line: number;
}

/** A match as the retext plugin records it, before silencing. */
interface Match {
  rule: ContentRule;
  text: string;
  line: number;
  start: number;
  end: number;
  sentenceStart: number;
}

/** A sentence's start, so a silencing comment can find the sentence that follows it. */
interface SentenceStart {
  line: number;
  offset: number;
}

/** What the retext plugin leaves on the file for the caller. */
interface GateData {
  matches: Match[];
  sentences: SentenceStart[];
}

/** A sentence (or paragraph) as the search hands it over. */
type NlcstParent = { children: SentenceContent[]; position?: { start: { offset?: number | undefined } } | undefined };

/** The normalised next word after `index` in a sentence, skipping spaces. */
function nextWord(parent: NlcstParent, index: number): string | undefined {
  for (const node of parent.children.slice(index)) {
    if (node.type === 'WhiteSpaceNode') continue;
    if (node.type !== 'WordNode') return undefined;
    return nlcstToString(node).toLowerCase().replace(/[’']/g, '');
  }
  return undefined;
}

const QUOTES = new Set(['"', "'", '“', '”', '‘', '’', '«', '»']);

/** Whether the words from `start` to `end` (exclusive) sit directly between quote marks. */
function quoted(parent: NlcstParent, start: number, end: number): boolean {
  const before = parent.children[start - 1];
  const after = parent.children[end];
  const isQuote = (node: SentenceContent | undefined) =>
    node !== undefined && node.type !== 'WordNode' && QUOTES.has(nlcstToString(node));
  return isQuote(before) && isQuote(after);
}

/** A retext plugin that records every rule's matches and every sentence's start on the file. */
function retextContentRules(rules: ContentRules) {
  // Each level's rules by phrase, worked out once for every page the processor checks.
  const levels = (['fail', 'warn'] as const).map((level) => {
    const byPhrase = new Map<string, ContentRule[]>();
    for (const rule of rules.filter((r) => r.level === level)) {
      for (const phrase of rule.phrases) byPhrase.set(phrase, [...(byPhrase.get(phrase) ?? []), rule]);
    }
    return { level, byPhrase, phrases: [...byPhrase.keys()] };
  });
  return (tree: NlcstRoot, file: { data: Record<string, unknown> }) => {
    const data: GateData = { matches: [], sentences: [] };
    file.data['contentGate'] = data;
    walk<Node>(tree, (node) => {
      if (node.type !== 'SentenceNode') return undefined;
      const start = node.position?.start;
      if (start?.offset !== undefined) data.sentences.push({ line: start.line, offset: start.offset });
      // Sentences hold words, never other sentences.
      return SKIP;
    });
    const words = wordsOf(tree);
    // One search per level rather than per rule: each search walks every word of the page.
    for (const { level, byPhrase, phrases } of levels) {
      const handler = (nodes: SentenceContent[], index: number, parent: NlcstParent, phrase: string) => {
        const first = nodes[0]?.position?.start;
        const last = nodes.at(-1)?.position?.end;
        if (!first || !last || first.offset === undefined || last.offset === undefined) return;
        // A warning is about using a word; writing about it in quotes ("it is not “attention
        // seeking”") is not using it. Failures are never let off by quotes: quoting a harmful
        // phrase needs the visible silencing comment.
        if (level === 'warn' && quoted(parent, index, index + nodes.length)) return;
        for (const rule of byPhrase.get(phrase) ?? []) {
          const next = nextWord(parent, index + nodes.length);
          if (next !== undefined && rule.notBefore.some((word) => word.toLowerCase() === next)) continue;
          data.matches.push({
            rule,
            text: nlcstToString(nodes).replace(/\s+/g, ' '),
            line: first.line,
            start: first.offset,
            end: last.offset,
            sentenceStart: parent.position?.start.offset ?? first.offset,
          });
        }
      };
      searchPhrases(words, phrases, handler, { allowLiterals: level === 'fail' });
    }
    // Two phrases of one rule can match at one place ("successful suicide" and "successful
    // suicide attempt"): report the place once, with the longer words.
    data.matches.sort((a, b) => a.start - b.start || b.end - a.end);
    data.matches = data.matches.filter(
      (match, i, all) => !all.slice(0, i).some((m) => m.rule === match.rule && m.end >= match.start),
    );
  };
}

/**
 * The text that mdast-util-to-nlcst 7.0 (lib/index.js, `one`) turns into words, one piece per node:
 * text and image alt text; not tables, code, HTML or links' addresses. Pieces are joined with a
 * space, as the words of two nodes are never one word there.
 */
function wordText(tree: MdastRoot): string {
  const pieces: string[] = [];
  walk<Nodes>(tree, (node) => {
    if (node.type === 'table' || node.type === 'tableRow' || node.type === 'tableCell') return SKIP;
    if (node.type === 'text') pieces.push(node.value);
    else if ((node.type === 'image' || node.type === 'imageReference') && node.alt) pieces.push(node.alt);
    return undefined;
  });
  return pieces.join(' ');
}

const ESCAPE = /[.*+?^${}()|[\]\\/]/g;

/** A letter of a phrase as a pattern. σ and ς are one: lower case makes a final Σ ς, and a lone one σ. */
function letterPattern(letter: string): string {
  return letter === 'σ' || letter === 'ς' ? '[σς]' : letter.replace(ESCAPE, '\\$&');
}

/** A step of a phrase: one of its letters, the gap between two words, or `*`. */
const GAP = '\u0001 gap';
const ANY_WORD = '\u0001 any word';
const END = '\u0001 end';

/** Phrases as a tree of their steps, so that the pattern tries each step once at each place. */
type StepTree = Map<string, StepTree>;

/**
 * The rules' phrases as one pattern that finds, in lower-case text, at least every place
 * `searchPhrases` matches one of them (the phrases share their first steps in a tree, which makes
 * it about seven times as fast as a list of phrases).
 * - A word there matches when `normalizeWord` makes it the phrase's word (hyphens and apostrophes
 *   anywhere in it), so each letter after the first may follow hyphens and apostrophes.
 * - The search allows only white space between two words; this allows anything but ASCII letters
 *   and digits. `*` is any run of characters without a space.
 * - An ASCII letter or digit cannot sit right before a word's first letter or after its last:
 *   parse-latin makes it part of the same word, which then differs from the phrase's.
 * - No `u` or `i` flag: each makes the pattern several times slower to build.
 */
function phrasesPattern(phrases: readonly string[]): RegExp {
  const tree: StepTree = new Map();
  for (const phrase of phrases) {
    const steps = phrase
      .split(' ')
      .flatMap((word, i) => [...(i > 0 ? [GAP] : []), ...(word === '*' ? [ANY_WORD] : [...normalizeWord(word)])]);
    let branch = tree;
    for (const step of [...steps, END]) {
      let next = branch.get(step);
      if (!next) branch.set(step, (next = new Map<string, StepTree>()));
      branch = next;
    }
  }
  const pattern = (branch: StepTree, afterLetter: boolean): string => {
    const choices = [...branch].map(([step, next]) => {
      if (step === END) return '(?![a-z0-9])';
      if (step === GAP) return `[^a-z0-9]*${pattern(next, false)}`;
      if (step === ANY_WORD) return `\\S+${pattern(next, false)}`;
      return `${afterLetter ? "[-'’]*" : ''}${letterPattern(step)}${pattern(next, true)}`;
    });
    return choices.length === 1 ? (choices[0] ?? '') : `(?:${choices.join('|')})`;
  };
  return new RegExp(`(?<![a-z0-9])${pattern(tree, false)}`);
}

const rulePatterns = new WeakMap<ContentRules, RegExp>();

/**
 * Whether a text could use any rule's phrase: false means `searchPhrases` finds none of them in it,
 * so the text need not be split into words. It may be true for text that has none (a phrase split
 * by a full stop, "a mental health"), which then goes through the word search as before.
 * tests/unit/prose-check.test.ts checks that the search never finds a phrase where this says no.
 */
export function mayUseRules(rules: ContentRules, text: string): boolean {
  let pattern = rulePatterns.get(rules);
  if (!pattern) {
    pattern = phrasesPattern(rules.flatMap((rule) => rule.phrases));
    rulePatterns.set(rules, pattern);
  }
  return pattern.test(text.toLowerCase());
}

/**
 * Hyphens that a reader cannot tell from "-": the Unicode hyphen and the non-breaking hyphen, which
 * word processors insert. The word search drops "-" inside a word, as nlcst-normalize does, but not
 * these, so "suicide\u2011prone" would pass. The text is checked with "-" in their place.
 */
const LOOK_ALIKE_HYPHENS = /[\u2010\u2011]/g;

/** The text with each look-alike hyphen replaced by "-" (one character for one, so offsets stay). */
function withPlainHyphens(text: string): string {
  return text.replace(LOOK_ALIKE_HYPHENS, '-');
}

/** The gate's data for a text the rules cannot match. */
const NOTHING_FOUND: GateData = { matches: [], sentences: [] };

const processors = new WeakMap<ContentRules, ReturnType<typeof buildProcessors>>();

function buildProcessors(rules: ContentRules) {
  const retext = unified().use(retextEnglish).use(retextContentRules, rules).freeze();
  const markdown = unified().use(remarkParse).use(remarkDirective).use(remarkRetext, retext).freeze();
  return { retext, markdown };
}

function processorsFor(rules: ContentRules) {
  let built = processors.get(rules);
  if (!built) {
    built = buildProcessors(rules);
    processors.set(rules, built);
  }
  return built;
}

/** Runs a processor and hands back the gate's data from the file (unified's callback form). */
function runGate<T>(
  processor: { run: (tree: T, file: string, done: (error?: Error, tree?: unknown, file?: unknown) => void) => void },
  tree: T,
  text: string,
): Promise<GateData> {
  return new Promise((resolve, reject) => {
    processor.run(tree, text, (error, _tree, file) => {
      if (error) reject(error);
      else
        resolve(
          ((file as { data: Record<string, unknown> }).data['contentGate'] as GateData | undefined) ?? {
            matches: [],
            sentences: [],
          },
        );
    });
  });
}

/** A silencing comment: `<!-- content-check: allow rule-id, other-id (reason) -->`. */
interface AllowComment {
  line: number;
  endOffset: number;
  endLine: number;
  ids: string[];
  reason: string;
}

const COMMENT = /^<!--\s*content-check\s*:?\s*([\s\S]*?)\s*-->$/i;
const ALLOW = /^allow\s+([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*(?:\(([\s\S]*)\))?$/i;

/** The example editors are pointed to when a comment is malformed. */
export const ALLOW_EXAMPLE = '<!-- content-check: allow commit-suicide (quoting a 1990s headline) -->';

/** Reads the silencing comments of a body, reporting malformed ones. */
function allowComments(tree: MdastRoot, rules: ContentRules, problems: CommentProblem[]): AllowComment[] {
  const known = new Set(rules.map((rule) => rule.id));
  const comments: AllowComment[] = [];
  walk<Nodes>(tree, (node) => {
    if (node.type !== 'html') return;
    const inner = COMMENT.exec(node.value.trim());
    const position = node.position;
    if (!inner || !position || position.end.offset === undefined) return;
    const line = position.start.line;
    const allow = ALLOW.exec(inner[1] ?? '');
    if (!allow) {
      problems.push({
        line,
        level: 'fail',
        problem: `has a content-check comment that is not understood; write ${ALLOW_EXAMPLE}`,
      });
      return;
    }
    const ids = (allow[1] ?? '').split(',').map((id) => id.trim().toLowerCase());
    const reason = (allow[2] ?? '').trim();
    const unknown = ids.find((id) => !known.has(id));
    if (unknown) {
      problems.push({
        line,
        level: 'fail',
        problem: `has a content-check comment for "${unknown}", which is not a rule in content-rules.yaml`,
      });
      return;
    }
    if (!reason) {
      problems.push({
        line,
        level: 'fail',
        problem: `has a content-check comment without a reason; give it in brackets, as in ${ALLOW_EXAMPLE}`,
      });
      return;
    }
    comments.push({ line, endOffset: position.end.offset, endLine: position.end.line, ids, reason });
  });
  return comments;
}

/**
 * Checks a Markdown body and a page's text fields against the rules.
 * @param body The Markdown body with the frontmatter blanked out line for line (Astro's
 *   `parseFrontmatter(…, { frontmatter: 'empty-with-lines' })`), so positions are the file's lines.
 * @param rules The rules from content-rules.yaml.
 * @param fields Frontmatter text fields (title, summary …), each with the line of its key.
 * @param parsed The body already parsed with `parseMarkdown`, to save parsing it twice.
 * @param options `everyWord`: split every text into words, even where `mayUseRules` says no rule
 *   can match (the tests compare the two).
 */
export async function checkProse(
  body: string,
  rules: ContentRules,
  fields: readonly TextField[] = [],
  parsed?: MdastRoot,
  options: { everyWord?: boolean } = {},
): Promise<ProseCheckResult> {
  const { retext, markdown } = processorsFor(rules);
  const result: ProseCheckResult = { findings: [], silenced: [], commentProblems: [] };

  for (const field of fields) {
    const value = withPlainHyphens(field.value);
    if (options.everyWord !== true && !mayUseRules(rules, value)) continue;
    const gate = await runGate(retext, retext.parse(value), value);
    for (const match of gate.matches) {
      result.findings.push({ rule: match.rule, text: match.text, line: field.line, field: field.name });
    }
  }

  // A body with a look-alike hyphen is parsed again with plain ones (same length, so the same lines).
  const text = withPlainHyphens(body);
  const tree = text === body && parsed ? parsed : markdown.parse(text);
  const comments = allowComments(tree, rules, result.commentProblems);
  // Without a silencing comment, the sentences are not needed either.
  const gate =
    options.everyWord === true || comments.length > 0 || mayUseRules(rules, wordText(tree))
      ? await runGate(markdown, tree, text)
      : NOTHING_FOUND;
  // Each comment covers the first sentence after it, which must start on the comment's own line
  // or the next one: a comment never reaches further down the page than the sentence it precedes.
  const covered = comments.map((comment) => {
    const sentence = gate.sentences.find((s) => s.offset >= comment.endOffset);
    return sentence && sentence.line <= comment.endLine + 1 ? sentence.offset : undefined;
  });
  const used = comments.map(() => false);
  for (const match of gate.matches) {
    const index = comments.findIndex(
      (comment, i) => covered[i] === match.sentenceStart && comment.ids.includes(match.rule.id),
    );
    const comment = comments[index];
    if (comment) {
      used[index] = true;
      result.silenced.push({ rule: match.rule, text: match.text, line: match.line, reason: comment.reason });
    } else {
      result.findings.push({ rule: match.rule, text: match.text, line: match.line });
    }
  }
  comments.forEach((comment, i) => {
    if (used[i]) return;
    result.commentProblems.push({
      line: comment.line,
      level: 'warn',
      problem:
        covered[i] === undefined
          ? 'has a content-check comment with no sentence on the next line; put it on the line just before the sentence'
          : `has a content-check comment allowing ${comment.ids.join(', ')}, but the next sentence does not use those words; remove the comment`,
    });
  });
  return result;
}

/** Where a finding is, as the start of a one-line message: `line 12` or `field "title"`. */
function where(location: ProseLocation): string {
  return location.field ? `field "${location.field}"` : `line ${String(location.line)}`;
}

/**
 * A finding as one line for editors, without the file name:
 * `line 12 uses "commit suicide"; write "took their own life" or "died by suicide" instead`.
 */
export function describeFinding(finding: ProseFinding): string {
  const verb = finding.rule.level === 'fail' ? 'write' : 'consider';
  return `${where(finding)} uses "${finding.text}"; ${verb} ${suggestion(finding.rule)} instead`;
}

/** A comment problem as one line for editors, without the file name. */
export function describeCommentProblem(problem: CommentProblem): string {
  return `${where(problem)} ${problem.problem}`;
}
