/**
 * Which way imports may point, read from the source with TypeScript's own import scanner (in the
 * spirit of Starlight's no-internal-barrel-imports test): the site never depends on test or
 * benchmark code, src/lib stays pure (no Node, no Astro runtime) so it runs anywhere, and
 * benchmarks stand on their own.
 */
import { readdirSync, readFileSync } from 'node:fs';
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
    const impure = (spec: string) =>
      spec.startsWith('node:') ||
      NODE_BUILTINS.has(spec.split('/')[0] ?? '') ||
      spec.startsWith('astro:') ||
      spec === 'astro/loaders';
    expect(offences(codeFiles('src/lib'), (_file, spec) => impure(spec))).toEqual([]);
  });

  it('bench/ imports nothing from tests/ but the harness (servers, Chromium lookup)', () => {
    const fromTests = (file: string, spec: string) =>
      topFolder(file, spec) === 'tests' &&
      !relative(ROOT, resolve(ROOT, dirname(file), spec)).startsWith('tests/harness/');
    expect(offences(codeFiles('bench'), fromTests)).toEqual([]);
  });
});
