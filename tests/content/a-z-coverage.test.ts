/**
 * The A–Z covers what issue 12 asks for: at least 60 topics, each topic on the required list,
 * a route to help on every topic, and the urgent card on the new topics whose readers may be at
 * risk. Reads content/a-z with Astro's own frontmatter parser, so it sees what the build sees.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from 'astro/markdown';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/build';

const AZ = join(ROOT, 'content/a-z');

/** One topic file: its slug, frontmatter and Markdown body. */
interface Topic {
  slug: string;
  data: { furtherHelp?: unknown[]; urgent?: boolean };
  body: string;
}

// Files starting with "_" are left out of the build, so they are left out here too.
const topics: Topic[] = readdirSync(AZ)
  .filter((name) => /^[^_].*\.md$/.test(name))
  .sort()
  .map((name) => {
    const { frontmatter, content } = parseFrontmatter(readFileSync(join(AZ, name), 'utf8'));
    return { slug: name.replace(/\.md$/, ''), data: frontmatter as Topic['data'], body: content };
  });
const bySlug = new Map(topics.map((topic) => [topic.slug, topic]));

/** The topics issue 12 ("Coverage") names, by the slug each was written under. */
const REQUIRED = [
  'dementia-and-mental-health',
  'students-and-mental-health',
  'mens-mental-health',
  'children-and-young-people',
  'lgbtq-mental-health',
  'racism-and-mental-health',
  'domestic-abuse',
  'suicide-bereavement',
  'postpartum-psychosis',
  'perinatal-anxiety-and-ocd',
  'premenstrual-dysphoric-disorder',
  'menopause-and-mental-health',
  'benefits-and-mental-health',
  'housing-and-mental-health',
  'going-into-hospital',
  'mental-capacity-act',
  'complaining-about-care',
  'talking-to-your-gp',
  'hypomania',
  'hair-pulling-and-skin-picking',
];

/** Required topics whose readers may be at immediate risk, so the urgent help card must show. */
const MUST_BE_URGENT = [
  'postpartum-psychosis',
  'domestic-abuse',
  'suicide-bereavement',
  'going-into-hospital',
  'children-and-young-people',
  'mens-mental-health',
  'hypomania',
];

it('has at least 60 topics', () => {
  expect(topics.length).toBeGreaterThanOrEqual(60);
});

describe('required topics', () => {
  for (const slug of REQUIRED) {
    it(`content/a-z/${slug}.md exists`, () => {
      expect(bySlug.has(slug)).toBe(true);
    });
  }
  for (const slug of MUST_BE_URGENT) {
    it(`${slug} shows the urgent help card`, () => {
      expect(bySlug.get(slug)?.data.urgent).toBe(true);
    });
  }
});

describe('every topic gives a route to help', () => {
  for (const topic of topics) {
    it(`${topic.slug} names a helpline or a further-help link`, () => {
      const further = topic.data.furtherHelp ?? [];
      const namesHelpline = /:helpline\[[a-z0-9-]+\]/.test(topic.body);
      expect(further.length > 0 || namesHelpline).toBe(true);
    });
  }
});
