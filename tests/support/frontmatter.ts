/**
 * Reads a content file's data as the build does: a Markdown file's frontmatter with Astro's own
 * parser (so CRLF line endings and dates behave as in `astro build`), or a whole YAML file.
 */
import { readFileSync } from 'node:fs';
import { parseFrontmatter } from 'astro/markdown';
import { parse } from 'yaml';

/** The frontmatter of a Markdown file, or the whole of a YAML file, as data. */
export function readData(file: string): Record<string, unknown> {
  const text = readFileSync(file, 'utf8');
  if (/\.ya?ml$/.test(file)) return (parse(text) ?? {}) as Record<string, unknown>;
  return parseFrontmatter(text).frontmatter as Record<string, unknown>;
}

/** A date as written in a file, as YYYY-MM-DD (YAML reads `2026-09-04` as midnight UTC that day). */
export function writtenDay(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}
