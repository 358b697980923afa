/**
 * One real `astro build` of a valid tree, on a fixed build date (BUILD_DATE=2026-10-20, a Tuesday,
 * five days before the clocks go back), with the calendar fixtures' groups (one of them paused),
 * referrals closed, an overdue A–Z topic, a news post that still offers a date that has passed, and no
 * repository for the live editor, as in a fresh clone.
 * It proves that content decides what is published:
 * - the site builds, with its search index and the editor's code, from `astro build` alone;
 * - a paused service is published nowhere, full groups say so, an overdue topic is still published
 *   with one warning, and so is the news post, whose warning the content report shows editors too;
 * - every .ics parses in ical.js and expands to the same sessions each service page lists under
 *   "Next sessions", including a cancelled date and a date after the clock change; /whats-on/ lists
 *   the 14 days from the build date; the files are served as text/calendar with netlify.toml's headers.
 * (Builds of bad content, which stop, are in content-build.test.ts and content-gate.test.ts.)
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, buildSite, makeContentTree, removeTemporaryFolders, type BuildResult } from '../support/build';
import { filesIn } from '../support/files';
import { expandCalendar, parseCalendar } from '../support/ical';
import { startNetlifyServer } from '../harness/netlify-server';

const FIXTURES = join(ROOT, 'tests/fixtures/calendar/services');
const BUILD_DATE = '2026-10-20';
/** Midnight at the start of the build day in London (BST, so 23:00 UTC the day before). */
const BUILD_START = new Date('2026-10-19T23:00:00Z');
/** An A–Z topic whose review date has passed. */
const OVERDUE = 'a-z/overdue-topic.md';
/** A news post that offers a date before BUILD_DATE as if it were still to come. */
const STALE = 'news/stale-promise.md';

let result: BuildResult;

beforeAll(() => {
  const extra = Object.fromEntries(readdirSync(FIXTURES).map((file) => [`services/${file}`, join(FIXTURES, file)]));
  const tree = makeContentTree({
    ...extra,
    [OVERDUE]: join(ROOT, 'tests/fixtures/review', OVERDUE),
    [STALE]: join(ROOT, 'tests/fixtures', STALE),
  });
  const settingsFile = join(tree, 'settings/site.yaml');
  writeFileSync(
    settingsFile,
    readFileSync(settingsFile, 'utf8').replace('acceptingReferrals: true', 'acceptingReferrals: false'),
  );
  // Built as a fresh clone is, with no repository for the live editor (npm test sets one).
  result = buildSite(tree, { BUILD_DATE, CMS_REPO: '', REPOSITORY_URL: '' });
});
afterAll(removeTemporaryFolders);

const read = (path: string) => readFileSync(join(result.outDir, path), 'utf8');
const page = (path: string) => read(`${path}/index.html`);

/** An instant as London wall-clock time, "2026-10-20T18:30", independently of the site's code. */
function london(iso: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}`;
}

/** The "Next sessions" a service page lists: when, and whether cancelled (with the text shown). */
function nextSessionsOn(html: string): { when: string; cancelled: boolean; text: string }[] {
  const section = /<section[^>]*aria-labelledby="next-sessions"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
  return [...section.matchAll(/<li([^>]*)>([\s\S]*?)<\/li>/g)].map(([, attributes = '', body = '']) => ({
    when: /datetime="([^"]+)"/.exec(body)?.[1] ?? '',
    cancelled: /class="[^"]*cancelled/.test(attributes),
    text: body
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  }));
}

/** Every service calendar the build wrote, by slug. */
function serviceCalendars(): string[] {
  return readdirSync(join(result.outDir, 'services'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(entry.parentPath, entry.name, 'sessions.ics')))
    .map((entry) => entry.name)
    .sort();
}

describe('a valid tree, with a paused service, full groups and an overdue topic', () => {
  it('builds and publishes the fixture pages', () => {
    expect(result.status, result.output).toBe(0);
    expect(page('urgent-help')).toContain('116\u00a0123');
    expect(page('news/fixture-post')).toContain('<h1');
  });

  it('without CMS_REPO or REPOSITORY_URL, warns once and /admin/ says what to set instead of starting Decap', () => {
    const warnings = result.output.split('\n').filter((line) => line.includes('[content editor]'));
    expect(warnings, result.output).toHaveLength(1);
    expect(warnings[0]).toContain('Set CMS_REPO to the GitHub repository');
    const admin = page('admin').replace(/<[^>]+>/g, ' ');
    expect(admin).toContain('The content editor is not set up yet');
    expect(admin).toContain('Set CMS_REPO to the GitHub repository, as owner/name');
  });

  it("`astro build` alone writes the search index and the editor's code", () => {
    const entry = JSON.parse(read('pagefind/pagefind-entry.json')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(entry.languages['en-gb']?.page_count).toBeGreaterThan(5);
    expect(existsSync(join(result.outDir, 'pagefind/pagefind.js'))).toBe(true);
    expect(result.output).toMatch(/\[pagefind\] read \d+ pages and wrote the search index/);
    expect(existsSync(join(result.outDir, 'admin/decap/decap-cms.js'))).toBe(true);
    // Only the build the editor loads: not the package's second build for bundlers, nor source maps.
    expect(filesIn(join(result.outDir, 'admin/decap')).filter((file) => /(^|\/)cms\.js$|\.map$/.test(file))).toEqual(
      [],
    );
  });

  it('shows the groups-full notice and publishes nothing about the paused service', () => {
    for (const path of ['services', 'services/fixture-group']) {
      expect(page(path), path).toContain('not taking new members at the moment');
    }
    expect(existsSync(join(result.outDir, 'services/paused-group'))).toBe(false);
    for (const path of ['services', 'services/area/millbrook', 'whats-on']) {
      expect(page(path), path).not.toContain('Paused Calendar Group');
    }
    expect(read('sitemap-0.xml')).not.toContain('paused-group');
  });

  it('still publishes the overdue topic, and warns once, naming the topic and its file', () => {
    const warning = result.output.split('\n').filter((l) => l.includes('Review overdue'));
    expect(warning, result.output).toHaveLength(1);
    expect(warning[0]).toContain(`Overdue topic (`);
    expect(warning[0]).toContain(`${OVERDUE}, due 2023-01-10)`);
    expect(page('a-z/overdue-topic').replace(/<[^>]+>/g, '')).toContain('Next review due: 10 January 2023.');
  });

  it('still publishes a news post that offers a passed date, warns once, and the content report shows the warning', () => {
    const words = 'line 12 names "Saturday 10 October 2026" as if it were still to come, but that date has passed';
    const warning = result.output.split('\n').filter((l) => l.includes('as if it were still to come'));
    expect(warning, result.output).toHaveLength(1);
    expect(warning[0]).toContain(`${STALE}: ${words}`);
    expect(page('news/stale-promise')).toContain('<h1');
    const report = page('admin/report')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&quot;|&#34;/g, '"')
      .replace(/\s+/g, ' ');
    expect(report).toContain(words);
  });
});

describe('group calendars, on a fixed build date', () => {
  it('writes a calendar for each running service with sessions (none for a paused one), and one for all groups', () => {
    expect(serviceCalendars()).toEqual(['evening-group', 'fixture-group', 'fortnightly-lunch', 'monthly-online']);
    expect(existsSync(join(result.outDir, 'services/appointments/index.html'))).toBe(true);
    // A paused service is published nowhere, calendars included.
    expect(existsSync(join(result.outDir, 'services/paused-group'))).toBe(false);
    expect(read('services/sessions.ics')).not.toContain('Paused Calendar Group');
    const all = parseCalendar(read('services/sessions.ics'));
    expect([...all.events.keys()].map((uid) => uid.split('@')[0]).sort()).toEqual(serviceCalendars());
  });

  it.each(['evening-group', 'fixture-group', 'fortnightly-lunch', 'monthly-online'])(
    '%s: the .ics expands in ical.js to the sessions its page lists',
    (slug) => {
      const listed = nextSessionsOn(page(`services/${slug}`));
      expect(listed).toHaveLength(3);
      const last = listed.at(-1)?.when ?? '';
      const to = new Date(`${last.slice(0, 10)}T23:59:00Z`);
      const fromIcs = expandCalendar(read(`services/${slug}/sessions.ics`), BUILD_START, to).map((o) =>
        london(o.start),
      );
      // Cancelled sessions are shown on the page but left out of the calendar (EXDATE).
      expect(fromIcs).toEqual(listed.filter((s) => !s.cancelled).map((s) => s.when));
    },
  );

  it('shows a cancelled date with its reason, and keeps 18:30 across the clock change', () => {
    const listed = nextSessionsOn(page('services/evening-group'));
    expect(listed.map((s) => [s.when, s.cancelled])).toEqual([
      ['2026-10-20T18:30', false],
      ['2026-10-27T18:30', true],
      ['2026-11-03T18:30', false],
    ]);
    expect(listed[1]?.text).toContain('Cancelled: Half-term');
    const text = read('services/evening-group/sessions.ics');
    expect(text).toContain('EXDATE;TZID=Europe/London:20261027T183000');
    const starts = expandCalendar(text, BUILD_START, new Date('2026-11-04T00:00:00Z')).map((o) => o.start);
    // 17:30 UTC in British Summer Time, 18:30 UTC once the clocks have gone back.
    expect(starts).toEqual(['2026-10-20T17:30:00.000Z', '2026-11-03T18:30:00.000Z']);
  });

  it('a moved session: new time and place on the page and in the calendar', () => {
    const [moved] = nextSessionsOn(page('services/fortnightly-lunch'));
    expect(moved?.when).toBe('2026-10-23T12:30');
    expect(moved?.text).toContain('At Stonebridge Library');
    const [occurrence] = expandCalendar(
      read('services/fortnightly-lunch/sessions.ics'),
      BUILD_START,
      new Date('2026-10-24T00:00:00Z'),
    );
    expect(occurrence).toMatchObject({ moved: true, location: 'Stonebridge Library' });
  });

  it('gives the page "Add to calendar" and Event JSON-LD from the same model', () => {
    const html = page('services/evening-group');
    expect(html).toMatch(/<a href="\/services\/evening-group\/sessions\.ics"[^>]*>Add to calendar/);
    const jsonLd = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
      ([, json = '']) => JSON.parse(json) as Record<string, unknown>,
    );
    const event = jsonLd.find((data) => data['@type'] === 'Event');
    expect(event?.['eventSchedule']).toMatchObject({
      byDay: ['https://schema.org/Tuesday'],
      repeatFrequency: 'P1W',
      exceptDate: ['2026-10-27'],
      scheduleTimezone: 'Europe/London',
    });
    expect(page('services/appointments')).not.toContain('Next sessions');
  });

  it('/whats-on/ lists the 14 days from the build date, with the cancellation', () => {
    const text = page('whats-on')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');
    expect(text).toContain('Every group session from Tuesday 20 October to Monday 2 November');
    const days = [...page('whats-on').matchAll(/<h2 id="day-([\d-]+)"/g)].map(([, day]) => day);
    expect(days).toEqual(['2026-10-20', '2026-10-23', '2026-10-27', '2026-10-30']);
    expect(text).toMatch(/Tuesday 27 October .*Evening Calendar Group Cancelled : Half-term/);
    expect(text).not.toContain('Appointments Service');
  });

  it('serves the calendars as text/calendar with netlify.toml', async () => {
    const server = await startNetlifyServer(result.outDir, join(ROOT, 'netlify.toml'));
    try {
      for (const path of ['/services/sessions.ics', '/services/evening-group/sessions.ics']) {
        const response = await fetch(new URL(path, server.url));
        expect(response.status, path).toBe(200);
        expect(response.headers.get('content-type'), path).toBe('text/calendar; charset=utf-8');
      }
    } finally {
      await server.close();
    }
  });
});
