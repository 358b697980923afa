/**
 * The safety-critical facts in the real health content, pinned so an edit cannot quietly remove
 * them: what to do after taking too much of a medicine, the physical signs of an eating disorder
 * that need 999 or A&E, which topics show the urgent help card, the limit on group
 * confidentiality, the current name of the Mental Health Act, and that every topic says where its
 * facts came from and sets a review cycle of at most three years. Since the second clinical read
 * (issue 19): the signs of too much lithium, the holding powers and section 4, which parts of the
 * 2025 Act apply, the thoughts after a birth that need help the same day, and the two Mind lines
 * and their numbers. The content is read by the site's own loader
 * (tests/support/loader.ts), so the frontmatter is parsed and checked exactly as the build does.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { helplineIds, readHelplineRegistry } from '../../src/content/helplines';
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
    // Both cover suicidal thoughts, and voices that tell you to harm.
    'body-dysmorphic-disorder',
    'hearing-voices',
  ])('shows on %s', (slug) => {
    expect(topic(slug).data.urgent).toBe(true);
  });

  it('postnatal depression treats postpartum psychosis as an emergency, one action a sentence', () => {
    const text = prose(topic('postnatal-depression').body);
    expect(text).toMatch(/postpartum psychosis[^]*medical emergency/);
    expect(text).toMatch(/If anyone is in danger, call :helpline\[emergency\]\{show="phone"\}\./);
  });
});

describe('lithium and valproate', () => {
  /** The bipolar topic from its lithium heading to the next heading. */
  const lithium = () => {
    const text = prose(topic('bipolar-disorder').body);
    const start = text.indexOf('## If you take lithium');
    expect(start, 'bipolar-disorder has "## If you take lithium"').toBeGreaterThanOrEqual(0);
    return text.slice(start, text.indexOf('## ', start + 3));
  };

  it('says lithium needs regular blood tests', () => {
    expect(lithium()).toMatch(/you will have blood tests/);
  });

  it('lists the signs of too much lithium, each needing help the same day', () => {
    const text = lithium();
    expect(text).toMatch(/Get help the same day if you:/);
    for (const sign of [/being sick/, /diarrhoea/, /shake a lot/, /unsteady/, /confused/]) expect(text).toMatch(sign);
    expect(text).toContain(':helpline[nhs-111]');
    expect(text).toContain(':helpline[emergency]');
  });

  it('says not to stop lithium all at once, and that valproate can harm an unborn baby', () => {
    const text = prose(topic('bipolar-disorder').body);
    expect(lithium()).toMatch(/Do not stop taking lithium all at once/);
    expect(text).toMatch(/valproate can harm an unborn baby/);
  });
});

describe('being kept in hospital', () => {
  it.each(['going-into-hospital', 'mental-health-act'])('%s names both holding powers and section 4', (slug) => {
    const text = prose(topic(slug).body);
    expect(text).toMatch(/A doctor can keep you for up to 72 hours( \(|\. This is )section 5\(2\)/);
    expect(text).toMatch(
      /Some nurses can keep you for up to 6 hours(, until a doctor comes\. This is | \()section 5\(4\)/,
    );
    expect(text).toMatch(/Section 4\** is for an emergency[^.]*\. It lasts up to 72 hours\./);
  });

  it.each(['going-into-hospital', 'mental-health-act'])('%s: section 136 applies anywhere except a home', (slug) => {
    const text = prose(topic(slug).body);
    expect(text).toMatch(/section 136[^]{0,100}anywhere except in someone's home/i);
    expect(text).not.toMatch(/from a public place|someone in a public place/);
  });

  it.each(['going-into-hospital', 'mental-health-act'])('%s says most of the 2025 Act is not in force yet', (slug) => {
    expect(prose(topic(slug).body)).toContain(
      'Most of the Mental Health Act 2025 is not in force yet. Until each part starts, the 1983 Act, with its past changes, still applies.',
    );
  });
});

describe('thoughts about your baby', () => {
  it('perinatal anxiety and OCD says which thoughts need help the same day, and links postpartum psychosis', () => {
    const text = prose(topic('perinatal-anxiety-and-ocd').body);
    const start = text.indexOf('## When thoughts about your baby need help now');
    expect(start, 'the "need help now" heading').toBeGreaterThanOrEqual(0);
    const urgent = text.slice(start, text.indexOf('## ', start + 3));
    expect(urgent).toMatch(/Get help the same day if the thoughts:/);
    for (const sign of [/feel real/, /do not upset you/, /confused/, /very high mood/, /not sleeping/]) {
      expect(urgent).toMatch(sign);
    }
    expect(urgent).toContain('[postpartum psychosis](/a-z/postpartum-psychosis/)');
    expect(urgent).toMatch(/it is an emergency/);
    expect(urgent).toContain(':helpline[emergency]');
  });

  it('perinatal teams in England help up to 2 years after the birth', () => {
    expect(prose(topic('perinatal-anxiety-and-ocd').body)).toMatch(/up to 2 years after the birth/);
  });
});

describe('the Mind lines', () => {
  const registry = readHelplineRegistry(CONTENT);

  it('the Mind Infoline is 0300 123 3393 and the Mind Support Line is 0300 102 1234', () => {
    expect(registry.get('mind-infoline')).toMatchObject({ name: 'Mind Infoline', phone: '0300 123 3393' });
    expect(registry.get('mind-support-line')).toMatchObject({ name: 'Mind Support Line', phone: '0300 102 1234' });
  });

  it('no other registry entry carries either Mind number', () => {
    const owners = (phone: string) => [...registry.values()].filter((line) => line.phone === phone).map((l) => l.id);
    expect(owners('0300 123 3393')).toEqual(['mind-infoline']);
    expect(owners('0300 102 1234')).toEqual(['mind-support-line']);
  });

  it('every registry file is valid, and no line says it is free to call without a number to call or text', () => {
    // A file the schema refuses (free to call, nothing to call) drops out of the registry.
    expect(helplineIds(CONTENT).filter((id) => !registry.has(id))).toEqual([]);
    for (const line of registry.values()) {
      if (line.freeToCall) expect(Boolean(line.phone ?? line.textNumber), line.id).toBe(true);
    }
  });
});

describe('the second clinical read (issue 19)', () => {
  const TALKING_THERAPIES_AGE =
    'In England, adults can refer themselves to NHS Talking Therapies without seeing a GP first. Some services also see 16 and 17 year olds.';

  it.each(['talking-therapies', 'anxiety', 'children-and-young-people'])(
    '%s gives the one NHS Talking Therapies age wording',
    (slug) => {
      expect(prose(topic(slug).body)).toContain(TALKING_THERAPIES_AGE);
    },
  );

  it('no topic says NHS Talking Therapies is only for adults or starts from 16 in another way', () => {
    for (const t of topics.values()) {
      expect(prose(t.body), t.id).not.toMatch(/not the route for under-18s|this starts from age 16/);
    }
  });

  it('the Mental Capacity Act topic: 18+ to plan ahead, and the Mental Health Act can override', () => {
    const text = prose(topic('mental-capacity-act').body);
    expect(text).toMatch(/You must be 18 or over to make a lasting power of attorney or an advance decision/);
    expect(text).toMatch(/Mental Health Act can override an advance decision/);
  });

  it('benefits: PIP looks at more than half of days, and Scotland has Adult Disability Payment', () => {
    const text = prose(topic('benefits-and-mental-health').body);
    expect(text).toMatch(/more than half of days/);
    expect(text).not.toMatch(/worst days/);
    expect(text).toMatch(/In Scotland, Adult Disability Payment/);
    expect(text).not.toMatch(/£/);
  });

  it('work: the Equality Act\'s "substantial" means more than minor or trivial', () => {
    expect(prose(topic('work-and-mental-health').body)).toMatch(/"substantial" means more than minor or trivial/);
  });

  it('gambling: GamStop is self-exclusion from UK-licensed sites, not a block on everything', () => {
    const text = prose(topic('gambling').body);
    expect(text).toMatch(/GamStop\. It stops you using gambling sites and apps that are licensed in the UK/);
    expect(text).toMatch(/does not stop sites from other countries/);
  });

  it('suicidal feelings: make your surroundings safer', () => {
    expect(prose(topic('suicidal-feelings').body)).toMatch(
      /making your surroundings safer: put things you could use to hurt yourself out of reach/,
    );
  });

  it.each(['domestic-abuse', 'anger', 'trauma', 'post-traumatic-stress-disorder'])(
    '%s gives men and LGBT+ people their own domestic abuse line',
    (slug) => {
      const text = topic(slug).body;
      for (const id of ['domestic-abuse', 'mens-advice-line', 'galop']) expect(text).toContain(`:helpline[${id}]`);
    },
  );

  it.each([
    ['lgbtq-mental-health', 'galop'],
    ['veterans-mental-health', 'combat-stress'],
  ])('%s names the %s helpline', (slug, id) => {
    expect(topic(slug).body).toContain(`:helpline[${id}]`);
  });

  it('YoungMinds parents get a link, not a helpline number', () => {
    const text = prose(topic('children-and-young-people').body);
    expect(text).toContain('[advice for parents and carers](https://www.youngminds.org.uk/parent/)');
    expect(text).not.toMatch(/YoungMinds has a helpline/);
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

  it('gives a second source on the topics that had one, and cites each page under one title', () => {
    for (const slug of ['gambling', 'rape-and-sexual-assault', 'veterans-mental-health', 'lgbtq-mental-health']) {
      expect(topic(slug).data.sources.length, slug).toBeGreaterThanOrEqual(2);
    }
    const titles = new Map<string, Set<string>>();
    for (const t of topics.values()) {
      for (const source of t.data.sources)
        titles.set(source.url, (titles.get(source.url) ?? new Set()).add(source.title));
    }
    const disagreeing = [...titles]
      .filter(([, names]) => names.size > 1)
      .map(([url, names]) => `${url}: ${[...names].join(' / ')}`);
    expect(disagreeing).toEqual([]);
    const retired = [...titles.keys()].filter((url) => url.includes('/conditions/social-care-and-support-guide/'));
    expect(retired).toEqual([]);
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
