/**
 * The content gate parses bodies with Sätteri (src/content/markdown-tree.ts), and the CMS preview's
 * reading grade with remark-parse and remark-directive (src/lib/markdown-prose.ts). Both must give
 * the same tree, positions included, or a rule's line number, the reading grade or a helpline
 * check would differ between the build and the editor. Compared over every Markdown file of the
 * real content and over texts written to catch the edge cases.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from 'astro/markdown';
import { describe, expect, it } from 'vitest';
import { parseBody } from '../../src/content/markdown-tree';
import { parseMarkdown } from '../../src/lib/markdown-prose';
import { ROOT } from '../support/build';
import { filesIn } from '../support/files';

/** A tree as plain data, without the parsers' own `data` bags, keys in order. */
function plain(tree: unknown): unknown {
  return JSON.parse(
    JSON.stringify(tree, (key, value: unknown) => {
      if (key === 'data') return undefined;
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)));
      }
      return value;
    }),
  );
}

const bodies = filesIn(join(ROOT, 'content'))
  .filter((file) => file.endsWith('.md'))
  .map((file) => [
    file.slice(ROOT.length + 1),
    parseFrontmatter(readFileSync(file, 'utf8'), { frontmatter: 'empty-with-lines' }).content,
  ]);

describe('the gate’s Markdown tree', () => {
  it('has content to compare', () => {
    expect(bodies.length).toBeGreaterThan(100);
  });

  it.each(bodies)('is the same as remark’s for %s', (_file, body) => {
    expect(plain(parseBody(body))).toEqual(plain(parseMarkdown(body)));
  });

  it.each([
    ['emoji and accents before a directive', '😀 café :helpline[samaritans]{show="phone"} and\n\n- 👍🏽 item `code` :x'],
    [
      'escaped directives, HTML and code',
      'Escaped \\:helpline[a] and :helpline\\[b] and <span>html</span>\n\n```\n:helpline[c]\n```',
    ],
    ['a table, which neither reads as one', '| a | b |\n|---|---|\n| 1 | 2 |'],
    ['an email address and a web address', 'Email hello@example.org or see www.nhs.uk.'],
    ['Windows line endings', 'A\r\nB :helpline[x]\r\n\r\nC'],
    ['two-colon and three-colon directives', '::helpline[nhs-111]\n\n:::note\nText\n:::'],
  ])('is the same as remark’s for %s', (_name, body) => {
    expect(plain(parseBody(body))).toEqual(plain(parseMarkdown(body)));
  });
});
