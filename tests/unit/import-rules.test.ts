/**
 * Which way imports may point, read from the source with TypeScript's own import scanner (in the
 * spirit of Starlight's no-internal-barrel-imports test): the site never depends on test or
 * benchmark code; src/lib stays pure (no Node, no Astro runtime) and at the bottom (it imports no
 * schema, loader or data module, so schemas build on lib and never the other way round), with the
 * schedule model (src/lib/schedule/) at the very bottom of lib; pages get
 * content only through src/data; browser code uses no Node module; and benchmarks use only the
 * test harness.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CODE = /\.(astro|[cm]?[jt]s)$/;

/** Every code file under a folder of the project, as a path from the project root. */
function codeFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && CODE.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The script parts of a file: all of a .ts/.js file; an .astro file's frontmatter and <script>s. */
function scriptParts(file: string, source: string): string[] {
  if (!file.endsWith('.astro')) return [source];
  const frontmatter = /^\s*---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1] ?? '';
  const scripts = [...source.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '');
  return [frontmatter, ...scripts];
}

/** Every module a file imports (static, dynamic, `export … from`, `import type`), as written. */
function importsOf(file: string): string[] {
  const source = readFileSync(join(ROOT, file), 'utf8');
  return scriptParts(file, source).flatMap((part) =>
    ts.preProcessFile(part, true, true).importedFiles.map((imported) => imported.fileName),
  );
}

/** The project folder a relative import lands in, such as "tests" or "src". */
function topFolder(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  return relative(ROOT, resolve(ROOT, dirname(file), specifier)).split(sep)[0];
}

/** "file: specifier" for each import of `files` that `forbidden` rejects. */
function offences(files: string[], forbidden: (file: string, specifier: string) => boolean): string[] {
  return files.flatMap((file) =>
    importsOf(file)
      .filter((spec) => forbidden(file, spec))
      .map((spec) => `${file}: ${spec}`),
  );
}

const NODE_BUILTINS = new Set(builtinModules);

/** Whether a specifier names a Node module (node:* or a bare builtin such as fs or path). */
function isNodeModule(spec: string): boolean {
  return spec.startsWith('node:') || NODE_BUILTINS.has(spec.split('/')[0] ?? '');
}

/** Where a relative import lands, from the project root and without extension; '' for packages. */
function projectPath(file: string, spec: string): string {
  if (!spec.startsWith('.')) return '';
  return relative(ROOT, resolve(ROOT, dirname(file), spec))
    .split(sep)
    .join('/')
    .replace(/\.(ts|js|mjs|astro)$/, '');
}

describe('import rules', () => {
  it('reads the imports it checks (the scanner is not blind)', () => {
    expect(importsOf('astro.config.ts')).toContain('astro/config');
    expect(importsOf('src/pages/index.astro').length).toBeGreaterThan(0);
    expect(codeFiles('src/lib').length).toBeGreaterThan(10);
  });

  it('nothing under src/ nor astro.config.ts imports from tests/ or bench/', () => {
    const files = [...codeFiles('src'), 'astro.config.ts'];
    expect(offences(files, (file, spec) => ['tests', 'bench'].includes(topFolder(file, spec) ?? ''))).toEqual([]);
  });

  it('src/lib imports no Node module (node:* or a bare builtin) and nothing from Astro’s runtime', () => {
    const impure = (spec: string) => isNodeModule(spec) || spec.startsWith('astro:') || spec === 'astro/loaders';
    expect(offences(codeFiles('src/lib'), (_file, spec) => impure(spec))).toEqual([]);
  });

  it('src/lib imports only src/lib among the project’s files: nothing from src/schemas, src/content or src/data', () => {
    const outside = (file: string, spec: string) =>
      spec.startsWith('.') && !projectPath(file, spec).startsWith('src/lib/');
    expect(offences(codeFiles('src/lib'), outside)).toEqual([]);
  });

  it('src/lib/schedule/ is the bottom of lib: it imports only its own modules, no package and no other lib file', () => {
    const outside = (file: string, spec: string) => !projectPath(file, spec).startsWith('src/lib/schedule/');
    expect(codeFiles('src/lib/schedule').length).toBeGreaterThan(3);
    expect(offences(codeFiles('src/lib/schedule'), outside)).toEqual([]);
  });

  it('pages get content only through src/data: no src/content/ import, no getCollection or getEntry', () => {
    const loaders = (file: string, spec: string) =>
      projectPath(file, spec).startsWith('src/content/') || projectPath(file, spec) === 'src/content.config';
    expect(offences(codeFiles('src/pages'), loaders)).toEqual([]);
    const queries = codeFiles('src/pages').filter((file) =>
      /\b(getCollection|getEntry|getEntries|getLiveCollection|getLiveEntry)\b/.test(
        readFileSync(join(ROOT, file), 'utf8'),
      ),
    );
    expect(queries).toEqual([]);
  });

  it('browser code (src/browser/) imports no Node module and nothing from src/content or src/data', () => {
    const serverOnly = (file: string, spec: string) =>
      isNodeModule(spec) ||
      spec.startsWith('astro:') ||
      ['src/content/', 'src/data/'].some((folder) => projectPath(file, spec).startsWith(folder));
    expect(codeFiles('src/browser').length).toBeGreaterThan(5);
    expect(offences(codeFiles('src/browser'), serverOnly)).toEqual([]);
  });

  it('each rule finds an offence when there is one', () => {
    expect(projectPath('src/lib/services.ts', '../schemas/services')).toBe('src/schemas/services');
    expect(projectPath('src/lib/schedule/rules.ts', '../format')).toBe('src/lib/format');
    expect(projectPath('src/lib/schedule/rules.ts', 'ical-generator')).toBe('');
    expect(isNodeModule('node:fs')).toBe(true);
    expect(isNodeModule('fs/promises')).toBe(true);
    expect(isNodeModule('astro/zod')).toBe(false);
  });

  it('every JavaScript file is type-checked (// @ts-check); the rest of the code is TypeScript', () => {
    const javascript = ['.', 'src', 'tests', 'tools', 'bench', 'scripts', 'netlify'].flatMap((folder) =>
      folder === '.'
        ? readdirSync(ROOT).filter((name) => /\.[cm]?js$/.test(name))
        : existsSync(join(ROOT, folder))
          ? codeFiles(folder).filter((file) => /\.[cm]?js$/.test(file))
          : [],
    );
    expect(javascript).toContain('eslint.config.js');
    expect(javascript.filter((file) => !readFileSync(join(ROOT, file), 'utf8').startsWith('// @ts-check'))).toEqual([]);
  });

  it('bench/ imports nothing from tests/ but the harness (servers, Chromium lookup)', () => {
    const fromTests = (file: string, spec: string) =>
      topFolder(file, spec) === 'tests' &&
      !relative(ROOT, resolve(ROOT, dirname(file), spec)).startsWith('tests/harness/');
    expect(offences(codeFiles('bench'), fromTests)).toEqual([]);
  });
});
