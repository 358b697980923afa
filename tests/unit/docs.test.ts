/**
 * The README and docs/ stay true: every fenced code block is checked (commands name real npm scripts,
 * binaries and files; YAML parses, and a content example passes its collection's schema; an example
 * build error has the ContentError format and names a real field; a folder map lists real folders),
 * every relative link and #anchor leads somewhere, every repository path written as code exists,
 * and the README stays short and lists every npm script. A block in a language with no check here
 * fails, so a sample is either checked or not there.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { readSiteLists } from '../../src/content/site-lists';
import { ROOT } from '../support/build';
import { allSchemas, zodFor } from '../support/schemas';

/** The README's size limit (issue 13): everything longer belongs in docs/. */
const README_MAX_BYTES = 10 * 1024;

/** Top-level folders a path written in the docs may start with; such paths must exist. */
const CHECKED_ROOTS = ['src', 'tests', 'content', 'docs', 'tools', 'bench', 'netlify', 'public', '.ci'];

/** Made by builds, tests or benchmarks, so not in a fresh clone: mentioned, never checked. */
const GENERATED = [
  'dist/',
  'node_modules/',
  '.build/',
  '.astro/',
  'test-results/',
  'bench/results/',
  'public/admin/decap/',
];

/** npm's own commands that a doc may use besides the project's scripts. */
const NPM_COMMANDS = new Set(['install', 'i', 'ci', 'run', 'exec', 'ls', 'outdated', 'update', 'audit']);

/** Commands other than npm, npx and node that a shell sample may use. */
const OTHER_COMMANDS = new Set(['sudo', 'apt-get', 'git', 'curl', 'cd', 'bash']);

const SCRIPTS = Object.keys(
  (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts,
);
const CONTENT = join(ROOT, 'content');
const SCHEMAS = allSchemas(readSiteLists(CONTENT, 'settings/site.yaml'));

/** README.md and every Markdown file in docs/, relative to the project root. */
const DOC_FILES = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`),
];

/** A fenced code block, with where it is. */
interface CodeBlock {
  lang: string;
  value: string;
  line: number;
}

/** What one Markdown file holds that can go stale. */
interface Doc {
  file: string;
  blocks: CodeBlock[];
  links: { url: string; line: number }[];
  inlineCode: string[];
  anchors: Set<string>;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function headingAnchors(tree: Root): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  visit(tree, 'heading', (node) => {
    const base = toString(node)
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${String(count)}`);
  });
  return anchors;
}

/** Reads one doc and collects its code blocks, links, inline code and heading anchors. */
function readDoc(file: string): Doc {
  const tree = unified()
    .use(remarkParse)
    .parse(readFileSync(join(ROOT, file), 'utf8'));
  const doc: Doc = { file, blocks: [], links: [], inlineCode: [], anchors: headingAnchors(tree) };
  visit(tree, (node) => {
    const line = node.position?.start.line ?? 0;
    if (node.type === 'code') doc.blocks.push({ lang: node.lang ?? '', value: node.value, line });
    if (node.type === 'link' || node.type === 'definition' || node.type === 'image')
      doc.links.push({ url: node.url, line });
    if (node.type === 'inlineCode') doc.inlineCode.push(node.value);
  });
  return doc;
}

const DOCS = new Map(DOC_FILES.map((file) => [file, readDoc(file)]));

/** Whether a word is a path inside this repository that a reader could open (not a placeholder). */
function isRepoPath(word: string): boolean {
  if (!/^\.?[\w-]+\/[\w./[\]-]*$/.test(word) || word.includes('//')) return false;
  if (GENERATED.some((prefix) => word.startsWith(prefix))) return false;
  return CHECKED_ROOTS.includes(word.split('/')[0] ?? '');
}

/** The repository paths in a text that do not exist. */
function missingPaths(words: readonly string[]): string[] {
  return words.filter((word) => isRepoPath(word) && !existsSync(join(ROOT, word)));
}

/** The problems in a shell sample: unknown scripts, commands, binaries and files. */
function shellProblems(block: CodeBlock): string[] {
  const problems: string[] = [];
  const commands = block.value
    .split('\n')
    .map((line) => line.replace(/(^|\s)#.*$/, ''))
    .flatMap((line) => line.split(/&&|\|\||[;|]/))
    .map((command) => command.trim().split(/\s+/).filter(Boolean))
    .filter((words) => words.length > 0);
  for (const words of commands) {
    const args = [...words];
    // Leading VAR=value settings: the value may be a path.
    while (/^[A-Z_][A-Z0-9_]*=/.test(args[0] ?? ''))
      problems.push(
        ...missingPaths([args.shift()!.split('=')[1] ?? '']).map((path) => `${path}: no such file or folder`),
      );
    const [command, first, second] = args;
    if (command === 'npm') {
      if (first === 'run') {
        if (!second || !SCRIPTS.includes(second))
          problems.push(`"npm run ${second ?? ''}": no such script in package.json`);
      } else if (first && !NPM_COMMANDS.has(first) && !SCRIPTS.includes(first)) {
        problems.push(`"npm ${first}": neither an npm command nor a script in package.json`);
      } else if ((first === 'start' || first === 'test') && !SCRIPTS.includes(first)) {
        problems.push(`"npm ${first}": no such script in package.json`);
      }
    } else if (command === 'npx') {
      if (!first || !existsSync(join(ROOT, 'node_modules/.bin', first)))
        problems.push(`"npx ${first ?? ''}": not installed`);
    } else if (command === 'node') {
      if (first && !existsSync(join(ROOT, first))) problems.push(`"node ${first}": no such file`);
    } else if (!command || !OTHER_COMMANDS.has(command)) {
      problems.push(`"${command ?? ''}" is not a command this test knows: add it to OTHER_COMMANDS or remove it`);
    }
    problems.push(
      ...missingPaths(args.map((word) => word.replace(/^--?[\w-]+=/, '').replace(/^['"]|['"]$/g, ''))).map(
        (path) => `${path}: no such file or folder`,
      ),
    );
  }
  return problems;
}

/** The collection a content file path belongs to, if it names one. */
function collectionOf(path: string): string | undefined {
  const match = /^content\/([\w-]+)\//.exec(path);
  return match?.[1] && match[1] in SCHEMAS ? match[1] : undefined;
}

/** The problems in a YAML sample: parse errors, and schema problems when it is a content example. */
function yamlProblems(block: CodeBlock): string[] {
  const document = parseDocument(block.value);
  if (document.errors.length > 0) return document.errors.map((error) => error.message);
  // A first-line comment such as "# content/news/my-post.md" says the block is that file's data.
  const path = /^#\s*(content\/\S+)/.exec(block.value)?.[1];
  if (!path) return [];
  const collection = collectionOf(path);
  if (!collection) return [`${path} is not in a content collection`];
  const result = zodFor(SCHEMAS[collection]!).safeParse(document.toJS());
  return (result.error?.issues ?? []).map((issue) => `${path}: ${issue.path.join('.')} ${issue.message}`);
}

/** The ContentError line format (src/lib/content-error.ts). */
const CONTENT_ERROR = /^Content error in (\S+): (?:field "([^"]+)" )?(\S.*)$/;

/** A build error sample: the ContentError format, a real collection, and a field it declares. */
function contentErrorProblems(line: string): string[] {
  const match = CONTENT_ERROR.exec(line.trim());
  if (!match) return [`"${line}" does not have the format: Content error in <file>: field "<field>" <problem>`];
  const [, file = '', field] = match;
  const collection = collectionOf(file);
  if (!collection) return [`${file} is not in a content collection`];
  if (!field) return [];
  const name = field.split('.')[0]?.replace(/\[\d+\]$/, '') ?? '';
  const declared = SCHEMAS[collection]!.fields.map((f) => f.name);
  return name === 'body' || declared.includes(name) ? [] : [`${collection} has no field "${name}"`];
}

/**
 * A folder map: each line is one or more names (folders end in "/"), then an optional description
 * after two spaces; indentation nests a line under the last folder above it. Every name must exist.
 */
function folderMapProblems(block: CodeBlock): string[] {
  const problems: string[] = [];
  const parents: { indent: number; path: string }[] = [];
  for (const line of block.value.split('\n')) {
    if (!line.trim()) continue;
    const indent = line.length - line.trimStart().length;
    const names = (line.trim().split(/\s{2,}/)[0] ?? '').split(' ');
    while (parents.length > 0 && parents.at(-1)!.indent >= indent) parents.pop();
    const base = parents.at(-1)?.path ?? '';
    for (const name of names) {
      if (!/^[\w.-]+(\/[\w.-]+)*\/?$/.test(name) || !(name.endsWith('/') || name.includes('.'))) {
        problems.push(`"${line.trim()}" is neither a build error nor a folder map line`);
      } else if (!existsSync(join(ROOT, base, name))) {
        problems.push(`${base}${name} does not exist`);
      }
    }
    if (names.length === 1 && names[0]?.endsWith('/')) parents.push({ indent, path: `${base}${names[0]}` });
  }
  return problems;
}

/** The problems in a text sample: a build error line, or a folder map. */
function textProblems(block: CodeBlock): string[] {
  const lines = block.value.split('\n').filter((line) => line.trim());
  if (lines.some((line) => line.includes('Content error in'))) return lines.flatMap(contentErrorProblems);
  return folderMapProblems(block);
}

/** The check for each code block language; any other language fails. */
const CHECKS: Record<string, (block: CodeBlock) => string[]> = {
  sh: shellProblems,
  bash: shellProblems,
  yaml: yamlProblems,
  text: textProblems,
};

/** Where a relative link leads, and whether the file (and its #anchor) exists. */
function linkProblem(doc: Doc, url: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return undefined; // https:, mailto:
  if (url.startsWith('/')) return `${url}: a site address as a link breaks on GitHub; write it as code instead`;
  const [path = '', anchor] = url.split('#');
  const target = path ? join(dirname(doc.file), decodeURIComponent(path)) : doc.file;
  if (!existsSync(join(ROOT, target))) return `${url}: ${target} does not exist`;
  if (anchor === undefined) return undefined;
  const targetDoc = DOCS.get(target) ?? (target.endsWith('.md') ? readDoc(target) : undefined);
  if (targetDoc && !targetDoc.anchors.has(anchor)) return `${url}: ${target} has no heading "#${anchor}"`;
  return undefined;
}

it('reads the README and the docs', () => {
  expect(DOC_FILES).toEqual(expect.arrayContaining(['README.md', 'docs/editing.md', 'docs/testing.md']));
});

describe('README.md', () => {
  it(`is at most ${String(README_MAX_BYTES)} bytes`, () => {
    expect(statSync(join(ROOT, 'README.md')).size).toBeLessThanOrEqual(README_MAX_BYTES);
  });
  it('lists every npm script in its commands table', () => {
    const listed = new Set(DOCS.get('README.md')!.inlineCode);
    const missing = SCRIPTS.filter(
      (script) => !listed.has(['start', 'test'].includes(script) ? `npm ${script}` : `npm run ${script}`),
    );
    expect(missing).toEqual([]);
  });
});

for (const doc of DOCS.values()) {
  describe(doc.file, () => {
    for (const block of doc.blocks) {
      it(`line ${String(block.line)}: the ${block.lang || 'unlabelled'} block is checked and true`, () => {
        const check = CHECKS[block.lang];
        expect(
          check,
          `no check for \`\`\`${block.lang} blocks: remove the block or add a check to ${relative(ROOT, import.meta.filename)}`,
        ).toBeDefined();
        expect(check!(block)).toEqual([]);
      });
    }
    it('every relative link leads to a file (and heading) that exists', () => {
      const broken = doc.links.flatMap(({ url, line }) => {
        const problem = linkProblem(doc, url);
        return problem ? [`line ${String(line)}: ${problem}`] : [];
      });
      expect(broken).toEqual([]);
    });
    it('every repository path written as code exists', () => {
      expect(missingPaths(doc.inlineCode)).toEqual([]);
    });
    it('every :helpline[id] in a code sample names a helpline in content/helplines/', () => {
      // Only samples: prose may quote a wrong id on purpose, to show what the build refuses.
      const ids = doc.blocks.flatMap((block) =>
        [...block.value.matchAll(/:helpline\[([^\]]*)\]/g)].map((match) => match[1] ?? ''),
      );
      // A placeholder such as :helpline[<id>] names no helpline.
      const named = ids.filter((id) => !id.startsWith('<'));
      expect(named.filter((id) => !existsSync(join(CONTENT, 'helplines', `${id}.yaml`)))).toEqual([]);
    });
  });
}
