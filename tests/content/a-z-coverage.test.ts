/**
 * The A–Z covers what issues 12 and 19 ask for: at least 77 topics, each topic on the required
 * lists, a route to help on every topic, the urgent card on the topics whose readers may be at
 * risk, and reading grades by the build's own measure (median at most 5, none above 6.5). Reads
 * content/a-z with Astro's own frontmatter parser, so it sees what the build sees.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContentReport } from '../../src/content/content-report';
import { median } from '../../src/lib/content-report';
import { ROOT } from '../support/build';
import { markdownEntries } from '../support/files';

const AZ = join(ROOT, 'content/a-z');

/** One topic file: its slug, frontmatter and Markdown body. */
interface Topic {
  slug: string;
  data: { furtherHelp?: unknown[]; urgent?: boolean };
  body: string;
}

// Files starting with "_" are left out of the build, so they are left out here too.
const topics: Topic[] = markdownEntries(AZ).map(({ slug, data, body }) => ({ slug, data: data, body }));
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
  // Issue 19 ("Coverage: 8 more topics").
  'learning-disability-and-mental-health',
  'antidepressants-and-coming-off-medication',
  'community-mental-health-services',
  'parenting-with-a-mental-health-problem',
  'bullying-online-harm-and-social-media',
  'adult-survivors-of-childhood-abuse',
  'refugees-and-asylum-seekers',
  'ect-and-consent-to-treatment',
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
  // Issue 19: stopping medicine can bring thoughts of suicide; bullying, childhood abuse and
  // seeking asylum all come with a raised risk of self-harm.
  'antidepressants-and-coming-off-medication',
  'bullying-online-harm-and-social-media',
  'adult-survivors-of-childhood-abuse',
  'refugees-and-asylum-seekers',
];

it('has at least 77 topics', () => {
  expect(topics.length).toBeGreaterThanOrEqual(77);
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

describe("reading grade, by the build's own measure (the content report)", async () => {
  // The date only sets which reviews count as due; the grades do not depend on it.
  const rows = (await buildContentReport(join(ROOT, 'content'), new Date(Date.UTC(2026, 11, 1)))).filter(
    (row) => row.collection === 'a-z',
  );
  const grades = rows.map((row) => row.grade ?? Number.POSITIVE_INFINITY);

  it('measures every topic', () => {
    expect(rows).toHaveLength(topics.length);
  });

  it('has a median grade of 5.0 or less', () => {
    expect(median(grades)).toBeLessThanOrEqual(5);
  });

  for (const row of rows) {
    it(`${row.file} reads at grade 6.5 or less`, () => {
      expect(row.grade).toBeLessThanOrEqual(6.5);
    });
  }
});
