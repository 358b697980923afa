/**
 * The content safety gate, file-system half: reads content-rules.yaml and content files, and runs
 * the pure checks of src/lib/prose-check.ts and src/lib/reading-level.ts over them. The loader
 * (checked-glob.ts) calls `gateCollection` for every collection it loads; `npm run content:report`
 * and /admin/report/ call `checkContentFile` through content-report.ts, so all three agree.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseFrontmatter } from 'astro/markdown';
import type { Root } from 'mdast';
import { parse as parseYaml } from 'yaml';
import { SETTINGS_FILE } from '../config';
import { ContentError, displayPath } from '../lib/content-error';
import type { ContentRules } from '../lib/content-rules';
import {
  gradeSummary,
  isLater,
  readingWarning,
  withReading,
  type FileVerdict,
  type GateVerdict,
  type GradedPage,
} from '../lib/content-report';

export type { FileVerdict, GateVerdict } from '../lib/content-report';
import { checkHelplineProse, type ProseCheck } from '../lib/helpline-prose';
import { helplinesUsed, proseParagraphs, type HelplineNamer } from '../lib/markdown-prose';
import {
  checkProse,
  describeCommentProblem,
  describeFinding,
  type ProseCheckResult,
  type TextField,
} from '../lib/prose-check';
import { readingLevel, readingOfParagraphs, type ReadingLevel } from '../lib/reading-level';
import { COLLECTIONS } from '../schemas/collections';
import type { CmsField, CollectionSchema } from '../schemas/fields';
import { gateProcess } from './gate-process';
import { helplineContext, readHelplineRegistry, type HelplineContext } from './helplines';
import { loadContentRules, RULES_FILE } from './rules-file';

export { loadContentRules, RULES_FILE } from './rules-file';
import { markdownBody } from './frontmatter';
import { deferReading, keepForSummary, laterReading, readingsPending } from './later-readings';
import { parseBody } from './markdown-tree';

/** The Markdown files of a collection's folder, as a glob: a leading _ keeps a file out of the build. */
export const MARKDOWN_FILES = '**/[^_]*.md';

/** The Markdown collections, in the order editors see them in the CMS. */
export const MARKDOWN_COLLECTIONS: readonly string[] = COLLECTIONS.filter((c) => c.kind === 'markdown').map(
  (c) => c.name,
);

/** Helpline names by id from the registry, so `:helpline[id]` reads as the helpline's name. */
export function helplineNames(contentDir: string): Map<string, string> {
  return new Map([...readHelplineRegistry(contentDir)].map(([id, line]) => [id, line.name]));
}

/** Looks up helpline names for the reading grade. */
export function helplineNamer(contentDir: string): HelplineNamer {
  const names = helplineNames(contentDir);
  return (id) => names.get(id);
}

/** Frontmatter text fields worth checking: single- and multi-line text, also inside lists of groups. */
function textFieldNames(fields: readonly CmsField[], prefix = ''): { path: string; key: string }[] {
  return fields.flatMap((field) => {
    const path = `${prefix}${field.name}`;
    if (field.widget === 'string' || field.widget === 'text') return [{ path, key: field.name }];
    if ((field.widget === 'list' || field.widget === 'object') && field.fields)
      return textFieldNames(field.fields, `${path}.*.`);
    return [];
  });
}

/** The values at a field path such as `furtherHelp.*.label`, with their concrete paths. */
function valuesAt(data: unknown, path: string[], prefix: string[] = []): { path: string; value: string }[] {
  if (path.length === 0) return typeof data === 'string' && data.trim() ? [{ path: prefix.join('.'), value: data }] : [];
  const [head, ...rest] = path;
  if (head === '*') {
    return Array.isArray(data) ? data.flatMap((item, i) => valuesAt(item, rest, [...prefix, String(i)])) : [];
  }
  if (data && typeof data === 'object' && head !== undefined) {
    return valuesAt((data as Record<string, unknown>)[head], rest, [...prefix, head]);
  }
  return [];
}

/** A content file as the gate reads it. */
export interface ContentFile {
  /** The body, with the frontmatter blanked out line for line so positions are the file's lines. */
  body: string;
  data: Record<string, unknown>;
  fields: TextField[];
}

/**
 * The body with its YAML frontmatter blanked out line for line, as Astro's
 * `parseFrontmatter(raw, { frontmatter: 'empty-with-lines' })` gives it (astro/markdown, from
 * @astrojs/internal-helpers/frontmatter), and the frontmatter's data. When the loader already has
 * the data Astro parsed from this text, it is used instead of parsing the YAML again.
 */
function blankFrontmatter(raw: string, parsedData?: Record<string, unknown>): { body: string; data: Record<string, unknown> } {
  if (parsedData) return { body: markdownBody(raw, 'empty-with-lines'), data: parsedData };
  const parsed = parseFrontmatter(raw, { frontmatter: 'empty-with-lines' });
  return { body: parsed.content, data: parsed.frontmatter as Record<string, unknown> };
}

/**
 * Reads a Markdown file with Astro's own frontmatter parser and picks out its text fields (those
 * the collection declares as text), each with the line its value starts on.
 * @param parsedData The frontmatter Astro already parsed from `raw`, if the caller has it.
 */
export function readContentFile(raw: string, schema?: CollectionSchema, parsedData?: Record<string, unknown>): ContentFile {
  const { body, data } = blankFrontmatter(raw, parsedData);
  return { body, data, fields: textFields(raw, data, schema) };
}

/**
 * Reads a YAML data file (the settings file, a helpline) as the gate reads a page without a body:
 * its text fields, each with its line, so the language rules reach what the cards and footer show.
 */
export function readDataFile(raw: string, schema?: CollectionSchema): ContentFile {
  const parsed: unknown = parseYaml(raw);
  const data = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  return { body: '', data, fields: textFields(raw, data, schema) };
}

/** The declared text fields of a file's data, each with the line its value starts on. */
function textFields(raw: string, data: Record<string, unknown>, schema?: CollectionSchema): TextField[] {
  const lines = raw.split(/\r?\n/);
  const fields: TextField[] = [];
  for (const { path, key } of schema ? textFieldNames(schema.fields.map((f) => f.cms)) : []) {
    for (const found of valuesAt(data, path.split('.'))) {
      const firstWords = found.value.trim().split('\n')[0]?.slice(0, 30) ?? '';
      // The value's own line when it is on one; else the line of its key (block scalars).
      let index = lines.findIndex((line, i) => i > 0 && firstWords !== '' && line.includes(firstWords));
      if (index === -1) index = lines.findIndex((line) => new RegExp(`^\\s*-?\\s*${key}\\s*:`).test(line));
      fields.push({ name: found.path, value: found.value, line: index + 1 });
    }
  }
  return fields;
}

/** What the gate's rules found in one file: all that can stop the build. */
export interface RulesCheck extends ProseCheckResult {
  helplines: string[];
  /** Helpline directives and phone numbers (when the registry was given), with the file's lines. */
  helplineProblems?: ProseCheck;
}

/** What the gate found in one file, plus what the report shows. */
export interface FileCheck extends RulesCheck {
  reading: ReadingLevel;
}

/** The rules, silencing comments, helplines used and (given the registry) helpline checks of a parsed body. */
async function checkRules(
  content: ContentFile,
  tree: Root,
  rules: ContentRules,
  helplines: HelplineContext | undefined,
): Promise<RulesCheck> {
  const prose = await checkProse(content.body, rules, content.fields, tree);
  return {
    ...prose,
    helplines: helplinesUsed(tree),
    ...(helplines ? { helplineProblems: checkHelplineProse(tree, helplines.registry, helplines.ownDials, content.body) } : {}),
  };
}

/**
 * Checks one file's text: rules, silencing comments, reading level, helplines used and, given the
 * registry, helpline directives and numbers. The body is parsed once for all of these.
 */
export async function checkContentFile(
  content: ContentFile,
  rules: ContentRules,
  helplineName?: HelplineNamer,
  helplines?: HelplineContext,
): Promise<FileCheck> {
  const tree = parseBody(content.body);
  return { ...(await checkRules(content, tree, rules, helplines)), reading: readingLevel(tree, helplineName) };
}

/**
 * Checks one file's text as `checkContentFile` does, but leaves out the reading level, which only
 * ever warns: a cold build works it out after the content is synced (src/content/later-readings.ts).
 * @param keepProse Given the parsed body, e.g. to keep its paragraphs for the reading level.
 */
async function checkContentRules(
  content: ContentFile,
  rules: ContentRules,
  helplines?: HelplineContext,
  keepProse?: (tree: Root) => void,
): Promise<RulesCheck> {
  const tree = parseBody(content.body);
  keepProse?.(tree);
  return checkRules(content, tree, rules, helplines);
}

/** The reading level of a Markdown file's body, as `checkContentFile` works it out. */
export function readingOfFile(file: string, helplineName?: HelplineNamer): ReadingLevel {
  return readingLevel(parseBody(markdownBody(readFileSync(file, 'utf8'), 'empty-with-lines')), helplineName);
}

/** The first problem that must stop the build, as one line without the file name. */
export function firstFailure(check: ProseCheckResult & Pick<RulesCheck, 'helplineProblems'>): string | undefined {
  const helpline = check.helplineProblems?.errors[0];
  if (helpline) return `line ${String(helpline.line)} ${helpline.message}`;
  const finding = check.findings.find((f) => f.rule.level === 'fail');
  if (finding) return describeFinding(finding);
  const comment = check.commentProblems.find((p) => p.level === 'fail');
  return comment ? describeCommentProblem(comment) : undefined;
}

/** The rules' warnings for one file, each one line without the file name. */
function ruleWarnings(check: RulesCheck): string[] {
  return [
    ...(check.helplineProblems?.warnings ?? []).map((w) => `line ${String(w.line)} ${w.message}`),
    ...check.findings.filter((f) => f.rule.level === 'warn').map(describeFinding),
    ...check.commentProblems.filter((p) => p.level === 'warn').map(describeCommentProblem),
  ];
}

/** Warnings for one file, each one line without the file name; the reading grade's comes last. */
export function fileWarnings(collection: string, check: FileCheck): string[] {
  const reading = readingWarning(collection, check.reading.grade);
  return [...ruleWarnings(check), ...(reading ? [reading] : [])];
}

/**
 * Refuses `.mdx` files in a collection the CMS edits: MDX runs code at build time
 * (`{process.env.X}`, `export`, `import`), so a file there could publish a secret or run anything.
 * The file stops the build; it is never dropped quietly.
 */
export function refuseMdx(folder: string): void {
  let names: string[];
  try {
    names = readdirSync(folder, { recursive: true }).map(String);
  } catch {
    return;
  }
  // A file whose name starts with "_" is kept out of the build, so it cannot run anything.
  const mdx = names.sort().find((name) => name.endsWith('.mdx') && !/(^|[\\/])_/.test(name));
  if (mdx) {
    throw new ContentError(
      join(folder, mdx),
      undefined,
      '.mdx files can run code when the site is built, so this folder accepts only .md; rename it to .md (and remove any import, export or {…} code)',
    );
  }
}

/** The logger the gate writes to (Astro's loader logger). */
export interface GateLogger {
  info: (message: string) => void;
  warn: (message: string) => void;
}

/** Where the gate keeps each file's verdict between builds (the loader's `ctx.meta`). */
export interface GateCache {
  get: (key: string) => string | undefined;
  set: (key: string, value: string) => void;
}

/** The gate's own code: a change to any of these files must re-check every file. */
const GATE_SOURCES = [
  'src/content/content-gate.ts',
  'src/content/frontmatter.ts',
  'src/content/gate-child.ts',
  'src/content/gate-process.ts',
  'src/content/helplines.ts',
  'src/content/later-readings.ts',
  'src/content/markdown-tree.ts',
  'src/content/rules-file.ts',
  'src/lib/content-report.ts',
  'src/lib/content-rules.ts',
  'src/lib/content-rules-schema.ts',
  'src/lib/helpline-directive.ts',
  'src/lib/helpline-prose.ts',
  'src/lib/helpline-render.ts',
  'src/lib/markdown-prose.ts',
  'src/lib/phone-numbers.ts',
  'src/lib/phrase-search.ts',
  'src/lib/prose-check.ts',
  'src/lib/reading-level.ts',
  'src/lib/tree-walk.ts',
];

/**
 * A fingerprint of everything besides a file's own text that decides its verdict: the gate's code,
 * content-rules.yaml, the helpline registry and the charity's own numbers. Undefined (no caching)
 * when the sources are not where the project keeps them.
 */
function gateFingerprint(helplines: HelplineContext): string | undefined {
  const hash = createHash('sha256');
  try {
    for (const file of [...GATE_SOURCES, RULES_FILE]) hash.update(readFileSync(resolve(file)));
  } catch {
    return undefined;
  }
  hash.update(JSON.stringify([[...helplines.registry], [...helplines.ownDials].sort()]));
  return hash.digest('hex');
}

/** The content gate for one collection, set up once per load: rules, registry and own numbers read once. */
export interface MarkdownGate {
  /**
   * What the verdict of a file depends on besides its text (see `gateFingerprint`); undefined
   * when it cannot be known, and then nothing is reused between builds.
   */
  fingerprint: string | undefined;
  /**
   * Checks one Markdown file, or takes its verdict from the cache when neither its text nor the
   * fingerprint changed. Throws a ContentError (one line naming the file) on a failing rule. While
   * the gate's own process runs (a cold build), the verdict leaves the reading level for later.
   * @param parsedData The frontmatter Astro already parsed from the file, to save parsing it again.
   */
  check: (file: string, parsedData?: Record<string, unknown>) => Promise<GateVerdict>;
  /** The reading level of one Markdown file of the collection. */
  reading: (file: string) => ReadingLevel;
  /**
   * Checks the text fields of a YAML data file (the settings, a helpline) against the language
   * rules; such files have no body, so no reading grade or helpline directives. Not cached: there
   * are a few dozen, each a few lines.
   */
  checkData: (file: string) => Promise<FileVerdict>;
}

/**
 * A file's verdict from its check: throws a ContentError (one line naming the file) on the first
 * failing rule; otherwise its warnings, silenced rules, helplines and, when the check has it, its
 * reading level (else the verdict leaves it for later).
 */
function verdictOf(collection: string, file: string, check: FileCheck | RulesCheck): GateVerdict {
  const failure = firstFailure(check);
  if (failure) throw new ContentError(file, undefined, failure);
  const shown = displayPath(file);
  const rules = {
    warnings: ruleWarnings(check),
    silenced: check.silenced.map(
      (item) => `${shown} line ${String(item.line)}: ${item.rule.id} ("${item.text}") — ${item.reason}`,
    ),
    helplines: check.helplines,
  };
  if (!('reading' in check)) return { ...rules, readingLater: true };
  return withReading(collection, { ...rules, readingLater: true }, check.reading);
}

/** Sets up the gate for `collection` of the content tree at `contentDir`. */
export function markdownGate(
  collection: string,
  schema: CollectionSchema,
  contentDir: string,
  cache?: GateCache,
  options: {
    /**
     * Leave every Markdown file's reading level for later (the gate's own process does); by
     * default, only while that process runs.
     */
    readingLater?: boolean;
    /**
     * Keep each checked file's paragraphs until `reading` asks for its level, which then need not
     * read and parse the file again (the gate's own process, which asks for every one).
     */
    keepProse?: boolean;
  } = {},
): MarkdownGate {
  const helplines = helplineContext(contentDir, SETTINGS_FILE);
  const fingerprint = cache ? gateFingerprint(helplines) : undefined;
  const name = helplineNamer(contentDir);
  /** Paragraphs by file, kept from the check for the reading level (`keepProse`). */
  const prose = new Map<string, string[]>();
  const keepProse =
    options.keepProse === true ? (file: string) => (tree: Root) => prose.set(file, proseParagraphs(tree, name)) : undefined;
  return {
    fingerprint,
    check: async (file, parsedData) => {
      const shown = displayPath(file);
      const raw = readFileSync(file, 'utf8');
      const digest = fingerprint && createHash('sha256').update(fingerprint).update(raw).digest('hex');
      const key = `content-gate:${shown}`;
      const kept = digest ? (JSON.parse(cache?.get(key) ?? 'null') as (GateVerdict & { digest: string }) | null) : null;
      if (kept && kept.digest === digest) {
        if (isLater(kept)) return kept;
        const { warnings, silenced, grade, words, sentences, helplines: used } = kept;
        return { warnings, silenced, grade, words, sentences, helplines: used };
      }
      // In a production build the gate's own process checks the file, on the other core
      // (src/content/gate-process.ts); elsewhere (the dev server, the report, tests) it is checked here.
      // That process gives back a file it has not started, which is then checked here: so neither
      // process waits for the other while files remain. While it runs, the reading level is left
      // for later (src/content/later-readings.ts), here and there alike.
      const remote = MARKDOWN_COLLECTIONS.includes(collection) ? gateProcess(contentDir) : undefined;
      const content = () => readContentFile(raw, schema, parsedData);
      const verdict =
        (await remote?.check({ collection, file, giveBack: true })) ??
        verdictOf(
          collection,
          file,
          (options.readingLater ?? remote !== undefined)
            ? await checkContentRules(content(), loadContentRules(), helplines, keepProse?.(file))
            : await checkContentFile(content(), loadContentRules(), name, helplines),
        );
      if (!digest) return verdict;
      cache?.set(key, JSON.stringify({ ...verdict, digest }));
      // A verdict without its reading level carries the digest, by which the level is kept.
      return isLater(verdict) ? { ...verdict, digest } : verdict;
    },
    reading: (file) => {
      const paragraphs = prose.get(file);
      prose.delete(file);
      return paragraphs ? readingOfParagraphs(paragraphs) : readingOfFile(file, name);
    },
    checkData: async (file) => {
      const check = await checkContentFile(readDataFile(readFileSync(file, 'utf8'), schema), loadContentRules(), name);
      return verdictOf(collection, file, check) as FileVerdict;
    },
  };
}

/** An entry as the gate needs it from the loader's store. */
export interface GateEntry {
  /** Path of the entry's file, as Astro stores it (relative to the project or absolute). */
  filePath?: string | undefined;
  /** The entry's verdict when the loader already has it (checked as it was stored). */
  verdict?: GateVerdict | undefined;
}

/** Each Markdown collection's results, so the summary is printed once every one has reported. */
const reported = new Map<string, { graded: GradedPage[]; silenced: string[] }>();

/**
 * Runs the gate over every entry of a loaded collection: Markdown pages, and YAML data files (the
 * settings, each helpline) by their text fields alone; those Astro re-read and those it took from
 * its cache alike, so a changed rule reaches unchanged files. An entry that carries its verdict
 * (the loader checked it as it was stored) is not checked again; otherwise the verdict is kept in
 * `cache` under a digest of the file's text and of the gate itself, so a warm build re-checks only
 * what changed. A failing rule throws one ContentError line; warnings are logged. Once every
 * collection in `expected` has reported, prints the reading-grade summary and the list of silenced
 * rules; in a cold build, the reading warnings and summary come at the end of the build instead
 * (src/content/later-readings.ts).
 */
export async function gateCollection(
  collection: string,
  entries: readonly GateEntry[],
  schema: CollectionSchema,
  logger: GateLogger,
  contentDir: string,
  options: {
    expected?: readonly string[];
    cache?: GateCache | undefined;
    gate?: MarkdownGate;
    /** Where an earlier build kept the reading levels it left for later (READINGS_FILE by default). */
    readingsFile?: string;
  } = {},
): Promise<void> {
  const expected = options.expected ?? MARKDOWN_COLLECTIONS;
  let gate = options.gate;
  const graded: GradedPage[] = [];
  const silenced: string[] = [];
  for (const entry of entries) {
    const path = entry.filePath;
    if (!path) continue;
    const isData = /\.ya?ml$/.test(path);
    if (!path.endsWith('.md') && !isData) continue;
    const file = resolve(path);
    // The dev server keeps its data store in .astro/ across runs: an entry stored from another
    // content folder (CONTENT_DIR) can name a file that is not there. The loader re-reads the files
    // that are, so such an entry has nothing to check.
    if (isData && !existsSync(file)) continue;
    const shown = displayPath(file);
    gate ??= markdownGate(collection, schema, contentDir, options.cache);
    let verdict = isData ? await gate.checkData(file) : (entry.verdict ?? (await gate.check(file)));
    if (isLater(verdict)) {
      // While the gate's process runs, it works the reading level out after the content is synced,
      // and its warning comes at the end of the build (src/content/later-readings.ts).
      if (gateProcess(contentDir)) deferReading({ collection, file, shown, digest: verdict.digest });
      else {
        const fileGate = gate;
        const workOut = () => fileGate.reading(file);
        verdict = withReading(collection, verdict, await laterReading(file, verdict, workOut, options.readingsFile));
      }
    }
    for (const warning of verdict.warnings) logger.warn(`Content warning in ${shown}: ${warning}`);
    silenced.push(...verdict.silenced);
    // Data files have no prose to grade; only their words are checked.
    if (!isData && !isLater(verdict)) graded.push({ collection, file: shown, grade: verdict.grade });
  }
  if (!expected.includes(collection)) return;
  reported.set(collection, { graded, silenced });
  if (expected.every((c) => reported.has(c))) {
    const all = expected.flatMap((c) => reported.get(c)?.graded ?? []);
    // With reading levels still to come, the summary waits for them.
    if (readingsPending()) keepForSummary(all);
    else logger.info(gradeSummary(all));
    const lines = expected.flatMap((c) => reported.get(c)?.silenced ?? []);
    logger.info(
      lines.length === 0
        ? 'Silenced content rules: none.'
        : `Silenced content rules (${String(lines.length)}):\n  ${lines.join('\n  ')}`,
    );
  }
}
