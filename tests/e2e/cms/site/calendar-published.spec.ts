/**
 * The session an editor cancelled in the CMS (tests/e2e/cms/services.spec.ts), as people meet it
 * on the site rebuilt from the edited content: marked cancelled with its reason under "Next
 * sessions" and on What's on, and gone from the group's calendar file.
 */
import { expect, test } from '../../support/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatUkWeekday } from '../../../../src/lib/format';
import { expandCalendar } from '../../../support/ical';
import { CANCELLATION } from '../edits';
import { rebuiltSite, serveRebuiltSite } from '../support';

const { service, date, reason } = CANCELLATION;

const siteUrl = serveRebuiltSite();

test('the group page lists the session as cancelled, with the reason', async ({ page }) => {
  await page.goto(`${siteUrl()}/services/${service}/`);
  const next = page.getByRole('region', { name: 'Next sessions' });
  await expect(next.getByRole('listitem').filter({ hasText: formatUkWeekday(date) })).toContainText(
    `Cancelled: ${reason}`,
  );
});

test("What's on shows it as cancelled", async ({ page }) => {
  await page.goto(`${siteUrl()}/whats-on/`);
  const day = page.getByRole('region', { name: formatUkWeekday(date) });
  await expect(day.getByRole('listitem').filter({ hasText: CANCELLATION.title })).toContainText(`Cancelled: ${reason}`);
});

test('the calendar file leaves the session out (EXDATE), and ical.js agrees', () => {
  const text = readFileSync(join(rebuiltSite(), `services/${service}/sessions.ics`), 'utf8');
  const startTime = /DTSTART;TZID=Europe\/London:\d{8}T(\d{2})(\d{2})/.exec(text);
  expect(startTime).not.toBeNull();
  // The cancelled day at the usual start time, as iCalendar writes a local time: 20261222T183000.
  const cancelledStart = `${date.replace(/-/g, '')}T${startTime?.[1] ?? ''}${startTime?.[2] ?? ''}00`;
  expect(text).toMatch(new RegExp(`EXDATE;TZID=Europe/London:[^\\r\\n]*${cancelledStart}`));
  const day = new Date(`${date}T00:00:00Z`);
  const around = expandCalendar(text, new Date(day.getTime() - 86_400_000), new Date(day.getTime() + 2 * 86_400_000));
  expect(around).toEqual([]);
  // Later sessions are still there, so the calendar did not simply stop.
  const later = expandCalendar(
    text,
    new Date(day.getTime() + 2 * 86_400_000),
    new Date(day.getTime() + 60 * 86_400_000),
  );
  expect(later.length).toBeGreaterThan(0);
});
