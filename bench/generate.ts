// Writes seeded, realistic synthetic content for benchmarks: news posts, A–Z topics and
// services, plus the real content (so every route builds and every reference resolves). The same
// seed always gives the same content, so builds can be compared across runs and machines.
//
// A–Z topics and services are copies of the real ones under new names: their schemas (sources,
// reviewers, schedules, helpline directives…) keep growing, and a copy of a file that passes
// today's build passes it tomorrow, where hand-written frontmatter here would fall behind.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

/** Small, fast, seeded pseudo-random generator (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = {
  openers: [
    'This week',
    'Last month',
    'Over the summer',
    'Thanks to our volunteers',
    'After a busy spring',
    'This autumn',
  ],
  subjects: [
    'our peer support groups',
    'the walk and talk group',
    'our new wellbeing course',
    'the young adults group',
    'our support line',
    'the coffee morning',
  ],
  verbs: [
    'welcomed new members',
    'raised money for local support',
    'met in a new venue',
    'shared stories of hope',
    'tried something new',
    'marked a special anniversary',
  ],
  closers: [
    'Everyone is welcome, and you do not need a referral.',
    'If you would like to come along, get in touch and we will tell you more.',
    'Thank you to everyone who made it happen.',
    'Talking to people who understand can make a real difference.',
    'If you are struggling right now, you can call :helpline[samaritans]{show="phone"} at any time.',
  ],
  topics: [
    'anxiety',
    'depression',
    'sleep',
    'stress',
    'loneliness',
    'grief',
    'panic',
    'self-care',
    'money worries',
    'caring for someone',
  ],
  names: ['Sam', 'Priya', 'Tom', 'Aisha', 'Gareth', 'Mei', 'Jo', 'Callum', 'Fatima', 'Owen'],
  surnames: ['Patel', 'Jones', 'Okafor', 'Smith', 'Nowak', 'Evans', 'Khan', 'Walsh', 'Reid', 'Hughes'],
};
/** A random draw, a number in [0, 1). */
type Random = () => number;

const pick = (random: Random, list: readonly string[]): string => list[Math.floor(random() * list.length)] ?? '';

function sentence(random: Random): string {
  return `${pick(random, WORDS.openers)}, ${pick(random, WORDS.subjects)} ${pick(random, WORDS.verbs)}.`;
}

function paragraph(random: Random, sentences = 3 + Math.floor(random() * 3)) {
  return Array.from({ length: sentences }, () => sentence(random)).join(' ') + ' ' + pick(random, WORDS.closers);
}

/** A Markdown body of a few paragraphs with a heading and a list, like a real post. */
function body(random: Random): string {
  const topic = pick(random, WORDS.topics);
  return [
    paragraph(random),
    `## What happened`,
    paragraph(random),
    paragraph(random),
    `## How to get involved`,
    `- Come along to a group near you.\n- Talk to us about ${topic}.\n- Read more in our [mental health A–Z](/a-z/).`,
    paragraph(random, 2),
  ].join('\n\n');
}

const yamlString = (s: string) => JSON.stringify(s);

/** A content file's frontmatter, as YAML reads it. */
type Frontmatter = Record<string, unknown>;

/** How much content to write, and from where. */
export interface GenerateOptions {
  /** News posts to write. */
  news: number;
  /** Copies of the real A–Z topics. */
  az: number;
  /** Copies of the real services. */
  services: number;
  /** Seed of the random choices: the same seed writes the same content. */
  seed?: number;
  /** The real content folder to copy from. */
  source?: string;
}

/** The slugs written, so a benchmark can find one page of each kind. */
export interface GeneratedSlugs {
  newsSlugs: string[];
  azSlugs: string[];
  serviceSlugs: string[];
}

/**
 * Writes a content tree to `dir` with `news` posts, `az` topics and `services` services.
 * Returns the slugs it wrote, so a benchmark can find one page of each kind.
 */
export function generateContent(
  dir: string,
  { news, az, services, seed = 20261123, source = 'content' }: GenerateOptions,
): GeneratedSlugs {
  const random = seeded(seed);
  for (const folder of ['settings', 'pages', 'values', 'helplines', 'a-z', 'services']) {
    if (existsSync(join(source, folder))) cpSync(join(source, folder), join(dir, folder), { recursive: true });
  }
  const settings = parse(readFileSync(join(source, 'settings/site.yaml'), 'utf8')) as { categories: string[] };
  mkdirSync(join(dir, 'news'), { recursive: true });

  const serviceSlugs = copies(join(source, 'services'), join(dir, 'services'), services, (data, i) => ({
    slug: `${(typeof data.town === 'string' ? data.town : 'online')
      .toLowerCase()
      .replace(/\s+/g, '-')}-group-${String(i).padStart(3, '0')}`,
    data: { ...data, title: `${String(data.title)} ${i}` },
  }));
  const azSlugs = copies(join(source, 'a-z'), join(dir, 'a-z'), az, (data, i) => ({
    slug: `${String(data.title)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')}-${String(i).padStart(3, '0')}`,
    // Other names must belong to one topic only, so the copies have none of their own.
    data: { ...data, title: `${String(data.title)} ${i}`, alsoKnownAs: [], searchTerms: [] },
  }));

  const newsSlugs: string[] = [];
  const start = Date.UTC(2015, 0, 1);
  for (let i = 1; i <= news; i++) {
    const date = new Date(start + Math.floor(random() * 11 * 365) * 86_400_000);
    const slug = `${pick(random, WORDS.topics).replace(/\s+/g, '-')}-news-${String(i).padStart(5, '0')}`;
    newsSlugs.push(slug);
    const author = `${pick(random, WORDS.names)} ${pick(random, WORDS.surnames)}`;
    writeFileSync(
      join(dir, 'news', `${slug}.md`),
      `---
title: ${yamlString(
        `${pick(random, WORDS.subjects)
          .replace(/^our |^the /, '')
          .replace(/^./, (c: string) => c.toUpperCase())}: ${pick(random, WORDS.verbs)} (${i})`,
      )}
date: ${date.toISOString()}
author: ${yamlString(author)}
category: ${yamlString(pick(random, settings.categories))}
tags: [${pick(random, WORDS.topics).replace(/\s+/g, '-')}, peer-support]
summary: ${yamlString(sentence(random))}
---
${body(random)}
`,
    );
  }
  return { newsSlugs, azSlugs, serviceSlugs };
}

/**
 * Writes `count` copies of the Markdown files in `from` (in turn, by name) into `to`, each renamed
 * by `rename(frontmatter, n)`; returns the new slugs. Files starting with _ are left out, as the
 * build leaves them out.
 */
function copies(
  from: string,
  to: string,
  count: number,
  rename: (data: Frontmatter, n: number) => { slug: string; data: Frontmatter },
): string[] {
  const files = readdirSync(from)
    .filter((f) => f.endsWith('.md') && !f.startsWith('_'))
    .sort();
  const slugs: string[] = [];
  for (let i = 1; i <= count; i++) {
    const text = readFileSync(join(from, files[(i - 1) % files.length] ?? ''), 'utf8').replace(/\r\n/g, '\n');
    const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text) ?? [];
    const { slug, data } = rename(parse(frontmatter) as Frontmatter, i);
    writeFileSync(join(to, `${slug}.md`), `---\n${stringify(data)}---\n${body}`);
    slugs.push(slug);
  }
  return slugs;
}
