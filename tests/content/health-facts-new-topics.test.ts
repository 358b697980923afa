/**
 * The safety facts of the eight topics issue 19 added, and of the page that says how the health
 * information is written, pinned so an edit cannot quietly remove them: never stop a mental health
 * medicine suddenly, the same-day warning about thoughts of suicide on starting or changing an
 * antidepressant, the right to refuse ECT (and its only exception), reporting childhood abuse however
 * long ago, the right of everyone to register with a GP, and the parts a reader looks for on the
 * "How we write our health information" page. The bodies are read with Astro's own frontmatter
 * parser, as the build reads them; the build's checks of these files run in the content tests (the
 * issue-19 must-fix facts live in health-facts.test.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOW_WE_WRITE_PAGE } from '../../src/config';
import { ROOT } from '../support/build';
import { readEntry } from '../support/frontmatter';

/** The Markdown body of a real file in content/, failing clearly if the file is gone. */
function body(folder: string, slug: string): string {
  const file = join(ROOT, 'content', folder, `${slug}.md`);
  if (!existsSync(file)) throw new Error(`content/${folder}/${slug}.md is missing`);
  return readEntry(file).body;
}

/** The body as one line, so a fact split over a line break still matches. */
const prose = (folder: string, slug: string) => body(folder, slug).replace(/\s+/g, ' ');
const topic = (slug: string) => prose('a-z', slug);

describe('antidepressants and coming off medication', () => {
  const slug = 'antidepressants-and-coming-off-medication';

  it('says never to stop suddenly, and to talk to the GP first', () => {
    const text = topic(slug);
    expect(text).toContain('do not stop suddenly. Talk to your GP first.');
    expect(text).toContain('Do not stop antidepressants suddenly.');
  });

  it('gives the same rule for other mental health medicines', () => {
    expect(topic(slug)).toMatch(/same rule applies to other mental health medicines.*antipsychotics, mood stabilisers/);
  });

  it('says thoughts of suicide on starting or changing a dose need help the same day, with the lines', () => {
    const text = topic(slug);
    expect(text).toMatch(/thoughts of harming themselves or ending their life when they start or change a dose/);
    expect(text).toMatch(/under 25 are more at risk/);
    expect(text).toMatch(/get help the same day: [-*] Call your GP, or :helpline\[nhs-111\]/);
    expect(text).toContain('Samaritans on :helpline[samaritans]');
    expect(text).toContain('call :helpline[emergency]');
  });
});

describe('ECT and consent to treatment', () => {
  const slug = 'ect-and-consent-to-treatment';

  it('says a person who can decide may refuse ECT, even when detained, except in a real emergency', () => {
    const text = topic(slug);
    expect(text).toContain('**If you can decide for yourself, you can say no.**');
    expect(text).toContain('even if you are kept in hospital under the Mental Health Act');
    expect(text).toContain('The only exception is a real emergency');
  });

  it('names the second doctor, the advance decision and the right to stop', () => {
    const text = topic(slug);
    expect(text).toMatch(/If you cannot decide\*\*, a second doctor from outside your care team must agree/);
    expect(text).toMatch(
      /advance decision that says you do not want ECT\. It must be followed, except in an emergency/,
    );
    expect(text).toContain('**You can stop at any time.**');
  });

  it('does not let memory loss sound as if it always passes', () => {
    expect(topic(slug)).toContain('some people say that some memories never come back');
  });
});

describe('adult survivors of childhood abuse', () => {
  it('says it was not their fault, that abuse can be reported however long ago, and names NAPAC', () => {
    const text = topic('adult-survivors-of-childhood-abuse');
    expect(text).toContain('What happened was not your fault.');
    expect(text).toContain('You can report abuse to the police, however long ago it happened.');
    expect(text).toContain(':helpline[napac]');
    expect(text).toMatch(/If a child is at risk now, call :helpline\[emergency\]/);
  });
});

describe('refugees and asylum seekers', () => {
  it('says everyone can register with a GP, without proof of address or status, and interpreters are free', () => {
    const text = topic('refugees-and-asylum-seekers');
    expect(text).toContain('**Everyone can register with a GP.**');
    expect(text).toContain('You do not need proof of address, ID or a set immigration status.');
    expect(text).toMatch(/\*\*You can ask for an interpreter\*\* at NHS appointments\. It is free\./);
  });
});

describe('bullying, online harm and social media', () => {
  it('tells someone being blackmailed with a photo not to pay, and that it is a crime', () => {
    const text = topic('bullying-online-harm-and-social-media');
    expect(text).toContain('do not pay and do not send more');
    expect(text).toContain('This is a crime, and it is not your fault.');
  });
});

describe('parenting with a mental health problem', () => {
  it('says a mental health problem alone is not a reason for a child to be taken into care', () => {
    expect(topic('parenting-with-a-mental-health-problem')).toContain(
      'Having a mental health problem is not, on its own, a reason for a child to be taken into care.',
    );
  });
});

describe('"How we write our health information"', () => {
  const headings = () => [...body('pages', HOW_WE_WRITE_PAGE).matchAll(/^## (.+)$/gm)].map((m) => m[1]?.trim());

  // What PIF TICK asks a health information page to tell readers.
  it.each([
    'How we write a page',
    'Where the facts come from',
    'Who checks a page',
    'How often we review a page',
    'How readers help',
    'Who pays for our pages, and conflicts of interest',
    'How to tell us about a mistake',
  ])('has the section "%s"', (heading) => {
    expect(headings()).toContain(heading);
  });

  it('gives the review cycle and says how to report a mistake, and that it is not a way to get help', () => {
    const text = prose('pages', HOW_WE_WRITE_PAGE);
    expect(text).toContain('at least every three years');
    expect(text).toContain('We check a new topic again after one year.');
    expect(text).toContain('[contact us](/contact/)');
    expect(text).toContain('[urgent help page](/urgent-help/)');
  });
});
