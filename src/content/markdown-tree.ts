/**
 * A Markdown body as the content gate reads it: an mdast tree with positions, parsed by Sätteri
 * (`markdownToMdast` from `satteri` 0.10, node_modules/satteri/dist/compile.d.ts), which parses in
 * Rust about ten times as fast as remark-parse. It is the parser the site renders with, so the
 * gate and the page read a `:helpline[id]` directive the same way.
 *
 * The features match what `parseMarkdown` (src/lib/markdown-prose.ts: remark-parse with
 * remark-directive) reads, which the CMS preview still uses in the browser: directives on; no GFM
 * (remark-parse has none, so a table is read as a paragraph and an email address as text); no
 * frontmatter, which the gate has already blanked out. tests/unit/markdown-tree.test.ts checks
 * that both give the same tree, positions included, for every Markdown file in content/.
 */
import type { Root } from 'mdast';
import { markdownToMdast } from 'satteri';

const FEATURES = { directive: true, gfm: false, frontmatter: false } as const;

/** Parses a Markdown body (without frontmatter) into an mdast tree with positions. */
export function parseBody(markdown: string): Root {
  return markdownToMdast(markdown, { features: FEATURES }) as Root;
}
