/**
 * The safety-critical facts in the real health content, pinned so an edit cannot quietly remove
 * them: what to do after taking too much of a medicine, the physical signs of an eating disorder
 * that need 999 or A&E, which topics show the urgent help card, the limit on group
 * confidentiality, the current name of the Mental Health Act, and that every topic says where its
 * facts came from and sets a review cycle of at most three years. The content is read by the site's own loader
 * (tests/support/loader.ts), so the frontmatter is parsed and checked exactly as the build does.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkTopicHeadings } from '../../src/lib/a-z-headings';
import { nextReviewDate } from '../../src/lib/review-dates';
import { ROOT } from '../support/build';
import { loadCollection, type LoadedEntry } from '../support/loader';

const CONTENT = join(ROOT, 'content');

interface Topic {
  id: string;
  body: string;
  data: {
    title: string;
    kind: string;
    urgent: boolean;
    alsoKnownAs: string[];
    sources: { title: string; url: string }[];
    furtherHelp: { helpline?: string; label?: string; url?: string }[];
    reviewedBy: string;
    lastReviewed: Date;
    nextReview?: Date | undefined;
  };
}

let topics: Map<string, Topic>;
let values: Map<string, LoadedEntry>;

beforeAll(async () => {
  const az = await loadCollection('a-z', CONTENT);
  topics = new Map(az.entries.map((e) => [e.id, { id: e.id, body: e.markdown ?? '', data: e.data as Topic['data'] }]));
  values = new Map((await loadCollection('values', CONTENT)).entries.map((e) => [e.id, e]));
});

/** A topic of the real A–Z, failing clearly if it has been renamed or removed. */
function topic(slug: string): Topic {
  const found = topics.get(slug);
  if (!found) throw new Error(`content/a-z/${slug}.md is missing`);
  return found;
}

/** The body as one line, so a fact split over a line break still matches. */
const prose = (body: string) => body.replace(/\s+/g, ' ');

describe('after taking too much of a medicine', () => {
  it.each(['self-harm', 'medication'])('%s says go to A&E or call 999 even if you feel well', (slug) => {
    const text = prose(topic(slug).body);
    expect(text).toMatch(/taken too much of any medicine/);
    expect(text).toMatch(/go to A&E/);
    expect(text).toContain(':helpline[emergency]');
    expect(text).toMatch(/even if you feel well/);
    // Why: damage can show up later, so feeling fine is not a reason to wait.
    expect(text).toMatch(/hours or days later/);
  });

  it('medication does not send a physical reaction to the mental health option of NHS 111', () => {
    const text = prose(topic('medication').body);
    expect(text).toMatch(
      /If your body reacts to a medicine[^.]*\. Or use \[NHS online urgent help\]\(https:\/\/111\.nhs\.uk\/\)/,
    );
  });
});

describe('eating disorders', () => {
  it('lists the physical signs that mean 999 or A&E now', () => {
    const text = prose(topic('eating-disorders').body);
    const emergency = text.slice(text.indexOf('## Signs that need help now'));
    expect(emergency).toContain(':helpline[emergency]');
    for (const sign of [/faints/, /chest pain/, /racing, pounding or uneven heartbeat/, /confused/]) {
      expect(emergency).toMatch(sign);
    }
  });
});

describe('the urgent help card', () => {
  it.each([
    'depression',
    'bipolar-disorder',
    'eating-disorders',
    'postnatal-depression',
    'personality-disorders',
    'self-harm',
    'suicidal-feelings',
    'crisis-services',
    'psychosis',
  ])('shows on %s', (slug) => {
    expect(topic(slug).data.urgent).toBe(true);
  });

  it('postnatal depression treats postpartum psychosis as an emergency, one action a sentence', () => {
    const text = prose(topic('postnatal-depression').body);
    expect(text).toMatch(/postpartum psychosis[^]*medical emergency/);
    expect(text).toMatch(/If anyone is in danger, call :helpline\[emergency\]\{show="phone"\}\./);
  });
});

describe('group confidentiality', () => {
  it('the Respect value says facilitators act if someone is at risk of serious harm', () => {
    const respect = values.get('respect');
    expect(respect, 'content/values/respect.md').toBeDefined();
    expect(prose(respect?.markdown ?? '')).toMatch(
      /one limit\. If a facilitator thinks someone is at risk of serious harm, they will act/,
    );
  });

  it('the peer support topic says the same', () => {
    expect(prose(topic('peer-support').body)).toMatch(
      /one limit: if a facilitator thinks someone is at risk of serious harm, they will act/,
    );
  });
});

describe('the Mental Health Act', () => {
  it('names the Mental Health Act 2025 and says it amends the 1983 Act, in stages', () => {
    const text = prose(topic('mental-health-act').body);
    expect(text).toContain('Mental Health Act 2025');
    expect(text).toContain('18 December 2025');
    expect(text).toMatch(/It amends the 1983 Act/);
    expect(text).toMatch(/start in stages/);
    expect(text).toMatch(/nominated person/);
    expect(text).not.toMatch(/is being updated/);
  });
});

describe('routes to help', () => {
  it('self-harm gives young people Childline, YoungMinds, The Mix and Papyrus', () => {
    const text = topic('self-harm').body;
    for (const id of ['childline', 'youngminds', 'the-mix', 'papyrus']) expect(text).toContain(`:helpline[${id}]`);
  });

  it.each([
    ['trauma', 'domestic-abuse'],
    ['trauma', 'rape-crisis'],
    ['anger', 'domestic-abuse'],
    ['anger', 'rape-crisis'],
    ['grief-and-bereavement', 'sobs'],
    ['addiction-and-mental-health', 'gambling'],
  ])('%s names the %s helpline', (slug, id) => {
    expect(topic(slug).body).toContain(`:helpline[${id}]`);
  });

  it('no topic types a helpline number by hand', () => {
    for (const t of topics.values()) {
      // The directive's id ("nhs-111") and link addresses (https://111.nhs.uk/) are not typed numbers.
      const withoutDirectives = t.body.replace(/:helpline\[[^\]]*\](\{[^}]*\})?/g, '').replace(/\]\([^)]*\)/g, ']');
      expect(withoutDirectives, t.id).not.toMatch(/116 ?123|\b999\b|\b111\b|0800|0808|0300 ?111|85258/);
    }
  });
});

describe('every topic', () => {
  it('says where its facts came from (topic pages, not home pages) and who reviewed it (a role)', () => {
    expect(topics.size).toBeGreaterThanOrEqual(44);
    for (const t of topics.values()) {
      expect(t.data.sources.length, t.id).toBeGreaterThan(0);
      for (const source of t.data.sources) {
        const url = new URL(source.url);
        const isNhsOrMind = /(^|\.)(nhs\.uk|mind\.org\.uk)$/.test(url.hostname);
        if (isNhsOrMind) expect(url.pathname, `${t.id}: ${source.url}`).not.toBe('/');
      }
      expect(t.data.reviewedBy, t.id).not.toMatch(/^(Dr|Mr|Mrs|Ms|Miss|Prof)\b/);
    }
  });

  it('uses headings that fit its kind, and advocacy, the Act and money are guides', () => {
    for (const t of topics.values()) expect(() => checkTopicHeadings(t.id, t.data.kind, t.body), t.id).not.toThrow();
    for (const slug of ['advocacy', 'mental-health-act', 'money-and-mental-health']) {
      expect(topic(slug).data.kind, slug).toBe('guide');
    }
  });

  it('links NHS and Mind topic pages in further help, not their home pages', () => {
    const homePages = new Set(['/', '/mental-health/', '/information-support/']);
    for (const t of topics.values()) {
      for (const item of t.data.furtherHelp) {
        if (!item.url) continue;
        const url = new URL(item.url);
        if (/(^|\.)(nhs\.uk|mind\.org\.uk)$/.test(url.hostname)) {
          expect(homePages.has(url.pathname), `${t.id}: ${item.url}`).toBe(false);
        }
      }
    }
  });

  // Whether a review is overdue depends on the day of the build: the build warns about it, and
  // /admin/report/ lists it (src/data/a-z.ts), but it never fails the suite. What the files
  // themselves must say is a review cycle of at most three years.
  it('sets its next review no more than three years after the last', () => {
    const tooLate = [...topics.values()].filter((t) => {
      const next = nextReviewDate(t.data.lastReviewed, t.data.nextReview);
      return next > nextReviewDate(t.data.lastReviewed);
    });
    expect(tooLate.map((t) => t.id)).toEqual([]);
  });

  it('lists only true other names as "also known as", never another condition, type or symptom', () => {
    const notOtherNames = [
      'schizoaffective disorder',
      'paranoid schizophrenia',
      'mania',
      'hallucinations',
      'delusions',
      'antidepressants',
      'dissociative identity disorder',
      'low mood',
      'anorexia',
      'bulimia',
      'binge eating disorder',
      'arfid',
      'agoraphobia',
      'specific phobia',
      'panic disorder',
      'complex ptsd',
      'borderline personality disorder',
      'depersonalisation',
      'derealisation',
      'cbt',
    ];
    for (const t of topics.values()) {
      for (const name of t.data.alsoKnownAs)
        expect(notOtherNames, `${t.id}: ${name}`).not.toContain(name.toLowerCase());
    }
  });
});
