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

/** A Markdown file's frontmatter and body. */
export function readEntry(file: string): { data: Record<string, unknown>; body: string } {
  const { frontmatter, content } = parseFrontmatter(readFileSync(file, 'utf8'));
  return { data: frontmatter as Record<string, unknown>, body: content };
}

/** The body of a Markdown file's text (what follows the frontmatter), as the build reads it. */
export function bodyOf(text: string): string {
  return parseFrontmatter(text).content;
}

/** A date as written in a file, as YYYY-MM-DD (YAML reads `2026-09-04` as midnight UTC that day). */
export function writtenDay(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}
