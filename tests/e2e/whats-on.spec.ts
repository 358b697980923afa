/**
 * "What's on": a person finds the page from the menu, the site map or search, sees every group
 * session of the 14 days from the build date grouped by day (with town, time and format, and any
 * cancellation), follows a session to its group and adds the group to their calendar. Works the
 * same with JavaScript off. (The axe sweep, accessibility.spec.ts, always checks /whats-on/ in light
 * and dark.)
 */
import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { formatUkWeekday } from '../../src/lib/format';
import { whatsOn, type ScheduleRule } from '../../src/lib/schedule/rules';
import { formatTime } from '../../src/lib/services';
import { writtenDay } from '../support/frontmatter';
import { serviceFiles, type ServiceFile } from './support/content';

/** A service file with its schedule fields (dates as written, YYYY-MM-DD). */
type ScheduledFile = ServiceFile & {
  title: string;
  startTime: string;
  endTime: string;
  venue: string;
  weekOfMonth?: string;
  firstDate?: string;
  lastDate?: string;
  calendar?: boolean;
  cancelled?: { date: string; reason?: string }[];
  changes?: ScheduleRule['changes'];
};

const scheduled = (serviceFiles() as ScheduledFile[]).filter((s) => s.active !== false && s.calendar !== false);

/** The rule a service file states, as the schedule model reads it. */
function ruleOf(s: ScheduledFile): ScheduleRule {
  return {
    days: s.days,
    frequency: s.frequency,
    weekOfMonth: s.weekOfMonth,
    startTime: s.startTime,
    endTime: s.endTime,
    firstDate: s.firstDate && writtenDay(s.firstDate),
    lastDate: s.lastDate && writtenDay(s.lastDate),
    venue: s.venue,
    address: s.address,
    cancelled: (s.cancelled ?? []).map((c) => ({ ...c, date: writtenDay(c.date) })),
    changes: (s.changes ?? []).map((c) => ({ ...c, date: writtenDay(c.date) })),
  };
}

/** The build date the page states (its first day). */
async function buildDay(page: Page): Promise<string> {
  const first = page.getByRole('main').locator('.lede time').first();
  return (await first.getAttribute('datetime')) ?? '';
}

/** Checks the listing against the content files and the page's own build date. */
async function expectListing(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: "What's on" })).toBeVisible();
  const today = await buildDay(page);
  expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const expected = whatsOn(scheduled, ruleOf, (s) => s.title, today);
  expect(expected.length, 'the content has sessions in the next 14 days').toBeGreaterThan(0);

  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 2 })).toHaveText([
    ...expected.map((day) => formatUkWeekday(day.date)),
    'Subscribe to all our groups',
  ]);
  for (const day of expected) {
    const section = main.getByRole('region', { name: formatUkWeekday(day.date) });
    const items = section.getByRole('listitem');
    await expect(items).toHaveCount(day.sessions.length);
    for (const [index, { item, session }] of day.sessions.entries()) {
      const card = items.nth(index);
      await expect(card.getByRole('heading', { level: 3 })).toHaveText(item.title);
      await expect(card).toContainText(`${formatTime(session.startTime)} to ${formatTime(session.endTime)}`);
      await expect(card).toContainText(item.town);
      await expect(card).toContainText(item.format);
      if (session.cancelled !== undefined) await expect(card).toContainText('Cancelled');
      else await expect(card).not.toContainText('Cancelled');
    }
  }
}

for (const javaScriptEnabled of [false, true]) {
  test.describe(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('the menu leads to the next 14 days of sessions, grouped by day', async ({ page }) => {
      await page.goto('/');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: "What's on" }).click();
      await expect(page).toHaveURL(/\/whats-on\/$/);
      await expectListing(page);
    });

    test('a session leads to its group, which adds to a calendar', async ({ page, request }) => {
      await page.goto('/whats-on/');
      const first = page.getByRole('main').getByRole('region').first().getByRole('listitem').first();
      const name = await first.getByRole('heading', { level: 3 }).innerText();
      await first.getByRole('link', { name }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
      await expect(page.getByRole('heading', { level: 2, name: 'Next sessions' })).toBeVisible();
      // The group's name is hidden text inside the link, so the name reads "Add to calendar : <group>".
      const add = page.getByRole('link', { name: /^Add to calendar/ });
      await expect(add).toContainText(name);
      const href = (await add.getAttribute('href')) ?? '';
      expect(href).toMatch(/^\/services\/[a-z0-9-]+\/sessions\.ics$/);
      const ics = await request.get(href);
      expect(ics.status()).toBe(200);
      expect(ics.headers()['content-type']).toContain('text/calendar');
      expect(await ics.text()).toContain(`SUMMARY:${name}`);
    });
  });
}

test('the site map lists it', async ({ page }) => {
  await page.goto('/site-map/');
  await page.getByRole('main').getByRole('link', { name: "What's on" }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("What's on");
});

test('search finds it', async ({ page }) => {
  await page.goto('/search/?q=timetable');
  await expect(page.getByRole('status')).toHaveText(/results? for/);
  await page.getByRole('list', { name: 'Search results' }).getByRole('link', { name: "What's on" }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("What's on");
});

test('the finder offers a subscription to every group, as webcal and https', async ({ page }) => {
  await page.goto('/services/');
  await expect(page.getByRole('heading', { level: 2, name: 'Subscribe to all our groups' })).toBeVisible();
  const subscribe = page.getByRole('main');
  await expect(subscribe.getByRole('link', { name: 'Subscribe in your calendar app' })).toHaveAttribute(
    'href',
    /^webcal:\/\/.+\/services\/sessions\.ics$/,
  );
  await expect(subscribe.getByRole('link', { name: /Calendar address/ })).toHaveAttribute(
    'href',
    /^https?:\/\/.+\/services\/sessions\.ics$/,
  );
  await subscribe.getByText('How to add it on a phone').click();
  await expect(subscribe.getByText('iPhone or iPad:')).toBeVisible();
});
