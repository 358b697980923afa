/**
 * A Markdown file's body, without parsing its frontmatter: what Astro's
 * `parseFrontmatter(raw, { frontmatter: mode })` gives as `content` (astro/markdown, from
 * node_modules/@astrojs/internal-helpers/dist/frontmatter.js), found with the same module's
 * `extractFrontmatter` and replaced as it replaces it. Checks that want only the body (the A–Z
 * headings, the news dates, the gate given Astro's data) need not parse the YAML a second time:
 * at 1,000 posts that was about 75 ms of content sync. tests/unit/frontmatter.test.ts checks that
 * both give the same body for every Markdown file in content/.
 */
import { extractFrontmatter } from 'astro/markdown';

/** The opening delimiter, as Astro's `getFrontmatterParser` reads it: `+++` (TOML) or `---` (YAML). */
const OPENING = /(?:^\uFEFF?|^\s*\n)(---|\+\+\+)/;

/**
 * The body of a Markdown file's text.
 * @param mode `remove` drops the frontmatter; `empty-with-lines` leaves its line breaks, so the
 *   body's lines are the file's.
 */
export function markdownBody(raw: string, mode: 'remove' | 'empty-with-lines' = 'remove'): string {
  const frontmatter = extractFrontmatter(raw);
  if (frontmatter === undefined) return raw;
  const delimiter = OPENING.exec(raw)?.[1] === '+++' ? '+++' : '---';
  return raw.replace(
    `${delimiter}${frontmatter}${delimiter}`,
    mode === 'remove' ? '' : frontmatter.replace(/[^\r\n]/g, ''),
  );
}
