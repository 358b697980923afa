/**
 * The .ics writer: a calendar app (ical.js) reading the file gets exactly the sessions the schedule
 * model gives, with cancelled ones left out, moved ones at their new time, and London wall-clock
 * times across the clock changes, whatever time zone the build machine is in.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { calendarFile, type CalendarGroup } from '../../src/lib/calendar-file';
import { sessionsBetween, type ScheduleRule } from '../../src/lib/schedule/rules';
import { expandCalendar, parseCalendar } from '../support/ical';

const weekly: ScheduleRule = {
  days: ['Tuesday'],
  frequency: 'Weekly',
  startTime: '18:30',
  endTime: '20:00',
  venue: 'Community Centre',
  address: '4 Mill Lane, Millbrook',
  cancelled: [{ date: '2026-12-29', reason: 'Christmas break' }],
  changes: [{ date: '2026-12-15', startTime: '18:00', venue: 'Mill Café', note: 'Christmas social' }],
};

const group = (rule: ScheduleRule, uid = 'group@example.org'): CalendarGroup => ({
  uid,
  title: 'Millbrook Peer Support Group',
  rule,
  url: 'https://example.org/services/group/',
  description: 'Just come along; you do not need to book.',
  online: false,
});

const OPTIONS = {
  name: 'Groups',
  organisation: 'Example Charity',
  url: 'https://example.org/services/sessions.ics',
  now: new Date('2026-11-28T12:00:00Z'),
  seriesStart: '2026-01-01',
};

/** Sessions the model gives, without cancelled ones, as UTC start instants. */
function modelStarts(rule: ScheduleRule, from: string, to: string): string[] {
  return sessionsBetween(rule, from, to)
    .filter((s) => s.cancelled === undefined)
    .map((s) => s.start.toISOString());
}

const originalTz = process.env['TZ'];
afterEach(() => {
  if (originalTz === undefined) delete process.env['TZ'];
  else process.env['TZ'] = originalTz;
});

describe('a weekly group with a cancellation and a moved session', () => {
  const text = calendarFile([group(weekly)], OPTIONS);

  it('is a valid calendar with a Europe/London VTIMEZONE, RRULE, EXDATE and a stable UID', () => {
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/London');
    expect(text).toContain('DTSTART;TZID=Europe/London:20260106T183000');
    expect(text).toContain('RRULE:FREQ=WEEKLY;BYDAY=TU;WKST=MO');
    expect(text).toContain('EXDATE;TZID=Europe/London:20261229T183000');
    expect(text).toContain('RECURRENCE-ID;TZID=Europe/London:20261215T183000');
    expect(text).toContain('UID:group@example.org');
    expect(text).toContain('URL;VALUE=URI:https://example.org/services/group/');
    const { events } = parseCalendar(text);
    expect([...events.keys()]).toEqual(['group@example.org']);
  });

  it('expands in ical.js to the same sessions as the schedule model, cancelled one left out', () => {
    const from = new Date('2026-12-01T00:00:00Z');
    const to = new Date('2027-01-31T00:00:00Z');
    const starts = expandCalendar(text, from, to).map((o) => o.start);
    expect(starts).toEqual(modelStarts(weekly, '2026-12-01', '2027-01-30'));
    expect(starts.some((s) => s.startsWith('2026-12-29'))).toBe(false);
  });

  it('moves the changed session to its new time and place', () => {
    const moved = expandCalendar(text, new Date('2026-12-15T00:00:00Z'), new Date('2026-12-16T00:00:00Z'));
    expect(moved).toMatchObject([{ start: '2026-12-15T18:00:00.000Z', location: 'Mill Café', moved: true }]);
  });

  it('keeps 18:30 London time across the clock change: 17:30 UTC in July, 18:30 UTC in January', () => {
    const summer = expandCalendar(text, new Date('2026-07-07T00:00:00Z'), new Date('2026-07-08T00:00:00Z'));
    const winter = expandCalendar(text, new Date('2027-01-05T00:00:00Z'), new Date('2027-01-06T00:00:00Z'));
    expect(summer.map((o) => o.start)).toEqual(['2026-07-07T17:30:00.000Z']);
    expect(winter.map((o) => o.start)).toEqual(['2027-01-05T18:30:00.000Z']);
  });

  it('writes the same file whatever time zone the build machine is in', () => {
    process.env['TZ'] = 'America/New_York';
    const newYork = calendarFile([group(weekly)], OPTIONS);
    process.env['TZ'] = 'Asia/Tokyo';
    const tokyo = calendarFile([group(weekly)], OPTIONS);
    expect(newYork).toBe(text);
    expect(tokyo).toBe(text);
  });
});

describe('other rules', () => {
  it('fortnightly, monthly (second Tuesday) and last-Friday groups expand as the model does', () => {
    const rules: ScheduleRule[] = [
      { ...weekly, days: ['Friday'], frequency: 'Fortnightly', firstDate: '2026-09-04', cancelled: [], changes: [] },
      { ...weekly, frequency: 'Monthly', weekOfMonth: 'Second', cancelled: [{ date: '2026-12-08' }], changes: [] },
      { ...weekly, days: ['Friday'], frequency: 'Monthly', weekOfMonth: 'Last', cancelled: [], changes: [] },
    ];
    for (const [index, rule] of rules.entries()) {
      const text = calendarFile([group(rule, `g${String(index)}@example.org`)], OPTIONS);
      const starts = expandCalendar(text, new Date('2026-09-01T00:00:00Z'), new Date('2027-04-30T00:00:00Z')).map(
        (o) => o.start,
      );
      expect(starts, rule.frequency).toEqual(modelStarts(rule, '2026-09-01', '2027-04-29'));
      expect(starts.length, rule.frequency).toBeGreaterThan(5);
    }
  });

  it('a monthly group on two days meets on the second of each of them, as the model says', () => {
    const rule: ScheduleRule = {
      ...weekly,
      days: ['Thursday', 'Tuesday'],
      frequency: 'Monthly',
      weekOfMonth: 'Second',
      cancelled: [],
      changes: [],
    };
    const text = calendarFile([group(rule)], OPTIONS);
    const starts = expandCalendar(text, new Date('2026-12-01T00:00:00Z'), new Date('2027-03-01T00:00:00Z')).map(
      (o) => o.start,
    );
    expect(starts).toEqual(modelStarts(rule, '2026-12-01', '2027-02-28'));
    expect(starts).toHaveLength(6);
  });

  it('a course ends on its last date (UNTIL), and an online group says how to join', () => {
    const course: ScheduleRule = { ...weekly, firstDate: '2027-01-12', lastDate: '2027-02-16', changes: [] };
    const text = calendarFile([{ ...group(course), online: true }], OPTIONS);
    const sessions = expandCalendar(text, new Date('2026-01-01T00:00:00Z'), new Date('2028-01-01T00:00:00Z'));
    expect(sessions).toHaveLength(6);
    expect(sessions[0]?.location).toBe('Online (we send you the joining link)');
  });
});

describe('the RRULE and EXDATE lines ical-generator writes for each kind of rule', () => {
  /** The RRULE line of the group's event (after the VTIMEZONE, which has RRULEs of its own). */
  const rruleOf = (rule: ScheduleRule) => {
    const text = calendarFile([group(rule)], OPTIONS);
    return /^RRULE:.*$/m.exec(text.slice(text.indexOf('BEGIN:VEVENT')))?.[0];
  };

  it('weekly and fortnightly: BYDAY with Monday-first weeks, every other week as INTERVAL=2', () => {
    expect(rruleOf({ ...weekly, cancelled: [] })).toBe('RRULE:FREQ=WEEKLY;BYDAY=TU;WKST=MO');
    expect(rruleOf({ ...weekly, days: ['Friday'], frequency: 'Fortnightly', firstDate: '2026-09-04' })).toBe(
      'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;WKST=MO',
    );
  });

  it('monthly: the nth weekday as BYSETPOS, the last as -1, and two days by the days of the month', () => {
    expect(rruleOf({ ...weekly, frequency: 'Monthly', weekOfMonth: 'Second' })).toBe(
      'RRULE:FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2',
    );
    expect(rruleOf({ ...weekly, frequency: 'Monthly', weekOfMonth: 'Last' })).toBe(
      'RRULE:FREQ=MONTHLY;BYDAY=TU;BYSETPOS=-1',
    );
    expect(rruleOf({ ...weekly, days: ['Tuesday', 'Thursday'], frequency: 'Monthly', weekOfMonth: 'Last' })).toBe(
      'RRULE:FREQ=MONTHLY;BYDAY=TU,TH;BYMONTHDAY=-7,-6,-5,-4,-3,-2,-1',
    );
  });

  it('a course: UNTIL is the end of the last session in UTC (12:00 GMT on 16 February 2027)', () => {
    const course: ScheduleRule = { ...weekly, endTime: '12:00', firstDate: '2027-01-12', lastDate: '2027-02-16' };
    expect(rruleOf(course)).toBe('RRULE:FREQ=WEEKLY;UNTIL=20270216T120000Z;BYDAY=TU;WKST=MO');
  });

  it('lists every cancelled date in one EXDATE, in date order, at the usual start time', () => {
    const text = calendarFile(
      [group({ ...weekly, cancelled: [{ date: '2026-12-29' }, { date: '2026-12-22' }], changes: [] })],
      OPTIONS,
    );
    expect(text).toContain('EXDATE;TZID=Europe/London:20261222T183000,20261229T183000\r\n');
  });
});
