/**
 * `markdownBody` finds a Markdown file's body without parsing its frontmatter: it must give the
 * body Astro's own `parseFrontmatter` gives, for every file the site has and for the shapes of
 * frontmatter Astro accepts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from 'astro/markdown';
import { describe, expect, it } from 'vitest';
import { markdownBody } from '../../src/content/frontmatter';
import { ROOT } from '../support/build';

/** Every Markdown file under `folder`. */
const markdownUnder = (folder: string) =>
  readdirSync(join(ROOT, folder), { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(ROOT, folder, name));

const MODES = ['remove', 'empty-with-lines'] as const;

describe('markdownBody', () => {
  const files = [...markdownUnder('content'), ...markdownUnder('tests/fixtures')];

  it('has the site’s files to read', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it.each(MODES)('gives the body Astro gives for every Markdown file of the site and the tests (%s)', (mode) => {
    for (const file of files) {
      const raw = readFileSync(file, 'utf8');
      expect(markdownBody(raw, mode), file).toBe(parseFrontmatter(raw, { frontmatter: mode }).content);
    }
  });

  it.each(MODES)('gives the body Astro gives for each shape of frontmatter (%s)', (mode) => {
    const shapes = [
      'No frontmatter at all.\n',
      '---\ntitle: A\n---\nBody with $& and $1 in it.\n',
      '\uFEFF---\ntitle: A\n---\nAfter a byte order mark.\n',
      '\n---\ntitle: A\n---\nAfter a blank line.\n',
      '---\r\ntitle: A\r\nsummary: B\r\n---\r\nWindows line ends.\r\n',
      '+++\ntitle = "A"\n+++\nTOML.\n',
      '---\ntitle: A\n---\n',
      'Text first\n---\ntitle: A\n---\n',
    ];
    for (const raw of shapes)
      expect(markdownBody(raw, mode), raw).toBe(parseFrontmatter(raw, { frontmatter: mode }).content);
  });
});
