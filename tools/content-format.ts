// `npm run content:format`: rewrites every file in content/ in the exact form the CMS (Decap 3.16)
// writes when an editor saves it, so that a save in the editor changes only what the editor changed
// (a one-word edit is a one-line diff for the reviewer). `--check` writes nothing and lists the files
// that are not in that form (exit code 1). Running it twice changes nothing the second time. It
// never writes a file whose new form says something else (a field's value, or the body's words,
// directives or link addresses): Decap's serialiser deletes a few things it cannot write back, such
// as a helpline alone in bold. Such a file is left as it is and named, with the words that would
// change, and the run fails (exit code 1).
//
// It does not imitate Decap: it runs Decap's own code from node_modules, bundled for Node with
// esbuild (Decap's ESM builds import files without extensions, which Node cannot load as they are):
// - front matter and YAML files: `FrontmatterFormatter.toFile` and the YAML formatter's `toFile`
//   (decap-cms-core dist/esm/formats/frontmatter.js and yaml.js, yaml 1.x `Document#toString`), with
//   the keys in the order of the collection's fields, as `Backend#entryToRaw` and `fieldsOrder` do
//   (decap-cms-core src/backend.ts), plus the final line break entryToRaw adds;
// - the Markdown body: what the rich-text editor writes once its text changes, `slateToMarkdown(
//   markdownToSlate(body))` (decap-cms-widget-markdown dist/esm/serializers/index.js: remark-stringify
//   with `bullet: '*'`, `emphasis: '*'`, `listItemIndent: '1'`, `fences`, `commonmark`), with the
//   editor components Decap registers by default (the image, decap-cms-app src/extensions.js) and the
//   site's Helpline component, whose directives it writes back as `:helpline[id]` or
//   `:helpline[id]{show="…"}` (src/lib/helpline-render.ts `directiveFor`).
//
// Usage: node tools/content-format.ts [--check] [--content DIR] [FILE…]
import { build } from 'esbuild';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import type { Nodes, Root } from 'mdast';
import { markdownToMdast } from 'satteri';
import { SKIP, walk } from '../src/lib/tree-walk.ts';
import type { buildCmsConfig } from '../src/cms/config.ts';
import type { readSiteLists } from '../src/content/site-lists.ts';
import type { DIRECTIVE_NAME, HELPLINE_SHOW_VALUES, HelplineShow, directiveFor } from '../src/lib/helpline-render.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The Node module bundled from Decap's serialisers and the site's CMS configuration. */
const ENTRY = `
export { markdownToSlate, slateToMarkdown } from 'decap-cms-widget-markdown/dist/esm/serializers/index.js';
export { setEditorComponents } from 'decap-markdown-control';
export { FrontmatterFormatter } from 'decap-cms-core/dist/esm/formats/frontmatter.js';
export { default as yamlFormatter } from 'decap-cms-core/dist/esm/formats/yaml.js';
export { default as createEditorComponent } from 'decap-cms-core/dist/esm/valueObjects/EditorComponent.js';
export { default as imageComponent } from 'decap-cms-editor-component-image/dist/esm/index.js';
export { Map as ImmutableMap } from 'immutable';
export { buildCmsConfig } from './src/cms/config.ts';
export { readSiteLists } from './src/content/site-lists.ts';
export { DIRECTIVE_NAME, HELPLINE_SHOW_VALUES, directiveFor } from './src/lib/helpline-render.ts';
`;

/**
 * Stands in for the Markdown widget's React control, which the serialisers import only for
 * `getEditorComponents()` (decap-cms-widget-markdown src/MarkdownControl/index.js keeps the
 * registry's components in a module variable in the same way).
 */
const MARKDOWN_CONTROL = `
import { Map } from 'immutable';
let components = Map();
export function getEditorComponents() { return components; }
export function setEditorComponents(next) { components = next; }
`;

/** A Helpline directive's data in the editor: the line's id and what to show of it ('' for all). */
interface HelplineData {
  id: string;
  show: HelplineShow | '';
}

/** A front matter or YAML file's fields as Decap reads them (an entry's body is `body`). */
type EntryData = Record<string, unknown>;

/** Decap's file formatters (decap-cms-core dist/esm/formats/): text to data and back. */
interface DecapFormatter {
  fromFile(text: string): EntryData;
  toFile(data: EntryData, sortedKeys: string[]): string;
}

/** An editor component's definition, as `CMS.registerEditorComponent` takes it. */
interface EditorComponentOptions {
  id: string;
  label: string;
  type: 'inline';
  pattern: RegExp;
  fromInline(match: RegExpMatchArray): HelplineData;
  toInline(data: HelplineData): string;
  toBlock(data: HelplineData): string;
}

/**
 * What the bundle of Decap's code exports (ENTRY): Decap ships no types, so these are the shapes of
 * the parts used here, read from its dist/esm sources.
 */
interface DecapBundle {
  markdownToSlate(markdown: string): unknown;
  slateToMarkdown(slate: unknown): string;
  setEditorComponents(components: unknown): void;
  FrontmatterFormatter: new () => DecapFormatter;
  yamlFormatter: DecapFormatter;
  createEditorComponent(options: object): { id: string };
  imageComponent: object;
  ImmutableMap(entries: [string, unknown][]): unknown;
  buildCmsConfig: typeof buildCmsConfig;
  readSiteLists: typeof readSiteLists;
  DIRECTIVE_NAME: typeof DIRECTIVE_NAME;
  HELPLINE_SHOW_VALUES: typeof HELPLINE_SHOW_VALUES;
  directiveFor: typeof directiveFor;
}

/** The parts of a collection in the generated CMS configuration read here (Decap's own keys). */
interface DecapCollection {
  folder?: string;
  format?: string;
  extension?: string;
  fields?: { name: string }[];
  files?: { file: string; format?: string; fields: { name: string }[] }[];
}

/** Where a file the CMS edits lives: its format, its fields in order, and a folder's file ending. */
interface Place {
  format: string;
  fields: string[];
  extension?: string;
}

/**
 * The Markdown features the site renders with (Astro's Sätteri processor turns GFM on unless the
 * config says `gfm: false`: node_modules/@astrojs/markdown-satteri/dist/satteri-processor.js), so
 * that a table, a footnote or a bare web address is read here as the site reads it. The content
 * gate reads without GFM, as the CMS preview does (src/content/markdown-tree.ts).
 */
const SITE_FEATURES = { directive: true, gfm: true, frontmatter: false } as const;

/**
 * What a Markdown body says, for comparing two forms of it: its words with their spacing made one
 * space, each directive as written (`:helpline[samaritans]{show="phone"}`) and each link's and
 * picture's address, a reference-style link's (`[text][id]`) taken from its definition, as the
 * page shows it. Bullets, folding, escapes, table padding and whether a link is written inline or
 * by reference are only form, and leave it the same (Decap writes every link inline). Parsed by
 * Sätteri (`markdownToMdast`, satteri 0.10), the parser the site renders with.
 */
function bodyMeaning(markdown: string): string {
  const tree = markdownToMdast(markdown, { features: SITE_FEATURES }) as Root;
  const definitions = new Map<string, string>();
  walk<Nodes>(tree, (node) => {
    // CommonMark: the first definition of a label wins, and labels match without case.
    if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
  });
  const parts: string[] = [];
  walk<Nodes>(tree, (node) => {
    if (node.type === 'textDirective' || node.type === 'leafDirective' || node.type === 'containerDirective') {
      const label = markdown.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
      parts.push(` ${label} `);
      return SKIP;
    }
    if (node.type === 'definition') return SKIP;
    if ('value' in node) parts.push(node.value);
    else if (node.type === 'break') parts.push(' ');
    if (node.type === 'link' || node.type === 'image') parts.push(` (${node.url}) `);
    if (node.type === 'linkReference' || node.type === 'imageReference') {
      parts.push(` (${definitions.get(node.identifier) ?? `[${node.identifier}]`}) `);
    }
    // A task list's box, which Decap's editor drops (it writes `- [ ] item` back as `* item`).
    if (node.type === 'listItem' && typeof node.checked === 'boolean') parts.push(node.checked ? ' [x] ' : ' [ ] ');
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'listItem' || node.type === 'tableCell') {
      parts.push(' ');
    }
    return undefined;
  });
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** Where two texts first differ, as a few words of each around that place. */
function firstDifference(before: string, after: string): [before: string, after: string] {
  let at = 0;
  while (at < before.length && before[at] === after[at]) at += 1;
  const from = Math.max(0, before.lastIndexOf(' ', Math.max(0, at - 30)));
  const around = (text: string) => `${from > 0 ? '…' : ''}${text.slice(from, at + 40).trim()}…`;
  return [around(before), around(after)];
}

/** The reason a file is left as it is: Decap's form of it would not say the same. */
class MeaningChanged extends Error {}

/** Bundles Decap's serialisers for Node and imports them. */
async function loadDecap(): Promise<DecapBundle> {
  const dir = mkdtempSync(join(tmpdir(), 'content-format-'));
  try {
    const outfile = join(dir, 'decap.mjs');
    await build({
      stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile,
      logLevel: 'error',
      // CommonJS dependencies (lodash, gray-matter) require Node's own modules.
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
      plugins: [
        {
          name: 'decap-markdown-control',
          setup(b) {
            b.onResolve({ filter: /^(\.\.\/MarkdownControl|decap-markdown-control)$/ }, () => ({
              path: 'markdown-control',
              namespace: 'decap-markdown-control',
            }));
            b.onLoad({ filter: /.*/, namespace: 'decap-markdown-control' }, () => ({
              contents: MARKDOWN_CONTROL,
              resolveDir: ROOT,
              loader: 'js',
            }));
          },
        },
      ],
    });
    return (await import(pathToFileURL(outfile).href)) as DecapBundle;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Makes a formatter: a function from a content file's path (relative to the content folder) and
 * text to the text Decap would write for it, or undefined for a file the CMS does not edit.
 */
export async function createFormatter(contentDir: string): Promise<(path: string, text: string) => string | undefined> {
  const decap = await loadDecap();
  const lists = decap.readSiteLists(contentDir, 'settings/site.yaml');
  const config = decap.buildCmsConfig({ lists, env: { CMS_LOCAL: '1' }, dev: false, siteUrl: 'https://example.org' });

  // The components the live editor registers: Decap's image (decap-cms-app src/extensions.js) and
  // the Helpline button (src/cms/register.ts), which finds directives by this pattern and writes
  // them back with directiveFor. Only the parts the serialisers use are given here.
  const helpline = decap.createEditorComponent({
    // satisfies: the options are checked here, though Decap's function takes any object.
    id: decap.DIRECTIVE_NAME,
    label: 'Helpline',
    type: 'inline',
    pattern: new RegExp(
      `^:${decap.DIRECTIVE_NAME}\\[([a-z0-9-]+)\\](?:\\{show="(${decap.HELPLINE_SHOW_VALUES.join('|')})"\\})?`,
    ),
    // The pattern matches only the values HELPLINE_SHOW_VALUES lists.
    fromInline: (match) => ({ id: match[1] ?? '', show: (match[2] ?? '') as HelplineShow | '' }),
    toInline: (data) => decap.directiveFor(data.id, data.show || undefined),
    toBlock: (data) => decap.directiveFor(data.id, data.show || undefined),
  } satisfies EditorComponentOptions);
  const image = decap.createEditorComponent(decap.imageComponent);
  decap.setEditorComponents(
    decap.ImmutableMap([
      [image.id, image],
      [helpline.id, helpline],
    ]),
  );

  // Where each file of the CMS lives: folder collections by folder, file collections by file.
  const folders = new Map<string, Place>();
  const files = new Map<string, Place>();
  for (const collection of config.collections as DecapCollection[]) {
    const names = (fields: readonly { name: string }[]) => fields.map((field) => field.name);
    if (typeof collection.folder === 'string') {
      folders.set(relative('content', collection.folder), {
        format: String(collection.format),
        extension: String(collection.extension),
        fields: names(collection.fields ?? []),
      });
    }
    for (const file of collection.files ?? []) {
      files.set(relative('content', file.file), { format: String(file.format), fields: names(file.fields) });
    }
  }

  const frontmatter = new decap.FrontmatterFormatter();
  /** Decap's Markdown body after the rich-text editor has written it. */
  const body = (markdown: string) => decap.slateToMarkdown(decap.markdownToSlate(markdown));

  /**
   * Throws MeaningChanged if `after` (Decap's reading of the new form) does not say what `before`
   * (its reading of the file as it is) says: a field's value differs, or the body's words,
   * directives or addresses do. Decap's rich-text editor deletes some things it cannot write back,
   * such as a helpline alone in bold (the content gate refuses that one,
   * src/lib/helpline-directive.ts); this keeps such a file from being rewritten.
   */
  const checkSameMeaning = (before: EntryData, after: EntryData) => {
    const { body: bodyBefore, ...fieldsBefore } = before;
    const { body: bodyAfter, ...fieldsAfter } = after;
    for (const key of new Set([...Object.keys(fieldsBefore), ...Object.keys(fieldsAfter)])) {
      if (!isDeepStrictEqual(fieldsBefore[key], fieldsAfter[key])) {
        throw new MeaningChanged(`the field "${key}" would change`);
      }
    }
    if (typeof bodyBefore !== 'string' || typeof bodyAfter !== 'string') return;
    const [was, would] = [bodyMeaning(bodyBefore), bodyMeaning(bodyAfter)];
    if (was === would) return;
    const [from, to] = firstDifference(was, would);
    throw new MeaningChanged(`the text "${from}" would become "${to}"`);
  };

  return (path: string, text: string) => {
    const where = files.get(path) ?? folders.get(dirname(path));
    if (!where || (where.extension && !path.endsWith(`.${where.extension}`))) return undefined;
    const formatter = where.format === 'yaml' ? decap.yamlFormatter : frontmatter;
    const data = formatter.fromFile(text);
    // A Markdown file's body as the rich-text editor writes it; `data` stays as read, to compare.
    const saved = where.format !== 'yaml' && typeof data.body === 'string' ? { ...data, body: body(data.body) } : data;
    let out = formatter.toFile(saved, where.fields);
    // Backend#entryToRaw ends every file with a line break.
    if (!out.endsWith('\n')) out = `${out}\n`;
    if (out !== text) checkSameMeaning(data, formatter.fromFile(out));
    return out;
  };
}

/** Every file under a folder, as paths relative to it (files and folders starting "_" or "." included). */
function walkFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walkFiles(path, base) : [relative(base, path)];
  });
}

/** What {@link formatContent} did: the files not in Decap's form, and those it had to leave. */
export interface FormatResult {
  /** Paths, relative to the content folder, of the files that were not in Decap's form. */
  changed: string[];
  /** Of those, the files left as they are, with why: Decap's form would not say the same. */
  refused: { path: string; reason: string }[];
}

/**
 * Formats the content files (all of them, or the named ones). A file whose meaning Decap's form
 * would change is never written (see createFormatter).
 */
export async function formatContent({
  contentDir,
  check = false,
  only,
}: {
  contentDir: string;
  check?: boolean;
  only?: string[];
}): Promise<FormatResult> {
  const format = await createFormatter(contentDir);
  const paths = only?.length ? only.map((file) => relative(contentDir, resolve(file))) : walkFiles(contentDir).sort();
  const result: FormatResult = { changed: [], refused: [] };
  for (const path of paths) {
    const file = join(contentDir, path);
    const text = readFileSync(file, 'utf8');
    let formatted: string | undefined;
    try {
      formatted = format(path, text);
    } catch (error) {
      if (!(error instanceof MeaningChanged)) throw error;
      result.changed.push(path);
      result.refused.push({ path, reason: error.message });
      continue;
    }
    if (formatted === undefined || formatted === text) continue;
    result.changed.push(path);
    if (!check) writeFileSync(file, formatted);
  }
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { check: { type: 'boolean', default: false }, content: { type: 'string', default: 'content' } },
  });
  const contentDir = resolve(values.content);
  const { changed, refused } = await formatContent({ contentDir, check: values.check, only: positionals });
  const shown = (path: string) => join(relative(process.cwd(), contentDir), path);
  const left = new Set(refused.map(({ path }) => path));
  for (const { path, reason } of refused) {
    console.error(
      `${shown(path)}: left as it is, because the CMS's form of it would not say the same (${reason}). Change that part by hand; \`npm run build\` names the causes it knows`,
    );
  }
  const rewritten = changed.filter((path) => !left.has(path));
  if (values.check) {
    for (const path of rewritten) {
      console.error(`${shown(path)}: not in the form the CMS saves; run \`npm run content:format\` to fix it`);
    }
    process.exit(changed.length ? 1 : 0);
  }
  if (rewritten.length) console.log(`Rewrote ${String(rewritten.length)} file(s):\n${rewritten.map(shown).join('\n')}`);
  else if (!refused.length) console.log('Every content file is already in the form the CMS saves.');
  process.exit(refused.length ? 1 : 0);
}
