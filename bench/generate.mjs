// Writes seeded, realistic synthetic content for benchmarks: news posts, A–Z topics and
// services, plus the real settings, pages and values (so every route builds). The same seed
// always gives the same content, so builds can be compared across runs and machines.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** Small, fast, seeded pseudo-random generator (mulberry32). */
export function seeded(seed) {
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
    'If you are struggling right now, you can call Samaritans on 116 123 at any time.',
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
const pick = (random, list) => list[Math.floor(random() * list.length)];

function sentence(random) {
  return `${pick(random, WORDS.openers)}, ${pick(random, WORDS.subjects)} ${pick(random, WORDS.verbs)}.`;
}

function paragraph(random, sentences = 3 + Math.floor(random() * 3)) {
  return Array.from({ length: sentences }, () => sentence(random)).join(' ') + ' ' + pick(random, WORDS.closers);
}

/** A Markdown body of a few paragraphs with a heading and a list, like a real post. */
function body(random) {
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

const yamlString = (s) => JSON.stringify(s);

/**
 * Writes a content tree to `dir` with `news` posts, `az` topics and `services` services.
 * Returns the slugs it wrote, so a benchmark can find one page of each kind.
 */
export function generateContent(dir, { news, az, services, seed = 20261123, source = 'content' }) {
  const random = seeded(seed);
  for (const folder of ['settings', 'pages', 'values'])
    cpSync(join(source, folder), join(dir, folder), { recursive: true });
  const settings = parse(readFileSync(join(source, 'settings/site.yaml'), 'utf8'));
  for (const folder of ['news', 'a-z', 'services']) mkdirSync(join(dir, folder), { recursive: true });

  const serviceSlugs = [];
  for (let i = 1; i <= services; i++) {
    const town = pick(random, settings.towns);
    const slug = `${town.toLowerCase().replace(/\s+/g, '-')}-group-${String(i).padStart(3, '0')}`;
    serviceSlugs.push(slug);
    const online = town === 'Online';
    writeFileSync(
      join(dir, 'services', `${slug}.md`),
      `---
title: ${yamlString(`${town} ${pick(random, ['peer support', 'wellbeing', 'walk and talk', 'creative'])} group ${i}`)}
type: ${yamlString(pick(random, settings.serviceTypes))}
summary: ${yamlString(`A friendly ${online ? 'online ' : ''}group where people with mental health problems support each other.`)}
town: ${yamlString(town)}
venue: ${yamlString(online ? 'Online' : `${town} Community Centre`)}
${online ? '' : `address: ${yamlString(`${i} High Street, ${town}, MB${(i % 9) + 1} 2AB`)}\n`}format: ${online ? 'Online' : 'In person'}
days: [${pick(random, ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])}]
startTime: '18:30'
endTime: '20:00'
frequency: ${pick(random, ['Weekly', 'Fortnightly', 'Monthly'])}
audience: Adults aged 18 and over
cost: Free
howToJoin: ${pick(random, ['Drop in', 'Book', 'Referral'])}
---
${paragraph(random)}

${paragraph(random)}
`,
    );
  }

  const azSlugs = [];
  for (let i = 1; i <= az; i++) {
    const topic = pick(random, WORDS.topics);
    const slug = `${topic.replace(/\s+/g, '-')}-${String(i).padStart(3, '0')}`;
    azSlugs.push(slug);
    const title = `${topic[0].toUpperCase()}${topic.slice(1)} ${i}`;
    writeFileSync(
      join(dir, 'a-z', `${slug}.md`),
      `---
title: ${yamlString(title)}
summary: ${yamlString(`What ${topic} is, how it can feel, and where to get help.`)}
synonyms: [${yamlString(`${topic} (${i})`)}]
keywords: [${yamlString(`feeling ${topic}`)}]
relatedServices: [${serviceSlugs[i % serviceSlugs.length]}]
furtherHelp:
  - label: NHS
    url: https://www.nhs.uk/mental-health/
  - label: Mind
    url: https://www.mind.org.uk/
lastReviewed: 2026-01-10
---
## What is it?

${paragraph(random)}

## How it can feel

${paragraph(random)}

## Getting help

${paragraph(random)} If you feel unable to keep yourself safe, call 999 or go to A&E.
`,
    );
  }

  const newsSlugs = [];
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
          .replace(/^./, (c) => c.toUpperCase())}: ${pick(random, WORDS.verbs)} (${i})`,
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
