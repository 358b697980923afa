/**
 * The schedule model: rules expand to the right dates (weekly, fortnightly, monthly, last weekday),
 * cancelled and moved sessions show as such, times stay on London's wall clock across the clock
 * changes, and a bad schedule is refused with one line naming the file and the field.
 */
import { describe, expect, it } from 'vitest';
import { ContentError, describeIssue, type IssueLike } from '../../src/lib/content-error';
import {
  addDays,
  londonDay,
  londonTime,
  nextSessions,
  rrule,
  ruleInWords,
  scheduleJsonLd,
  sessionsBetween,
  weekdayName,
  whatsOn,
  type ScheduleRule,
} from '../../src/lib/schedule/rules';
import { servicesSchema } from '../../src/schemas/services';
import { TEST_LISTS, VALID_SERVICE, zodFor } from '../support/schemas';

/** A weekly Tuesday 18:30–20:00 group, with the given changes. */
function rule(changes: Partial<ScheduleRule> = {}): ScheduleRule {
  return {
    days: ['Tuesday'],
    frequency: 'Weekly',
    startTime: '18:30',
    endTime: '20:00',
    venue: 'Hall',
    address: '1 Test Street',
    cancelled: [],
    changes: [],
    ...changes,
  };
}

const dates = (r: ScheduleRule, from: string, to: string) => sessionsBetween(r, from, to).map((s) => s.date);

describe('expanding a rule into dates', () => {
  it('weekly: every given day, Monday-first days in any order', () => {
    expect(dates(rule(), '2026-12-01', '2026-12-31')).toEqual([
      '2026-12-01',
      '2026-12-08',
      '2026-12-15',
      '2026-12-22',
      '2026-12-29',
    ]);
    expect(dates(rule({ days: ['Thursday', 'Monday'] }), '2026-12-01', '2026-12-08')).toEqual([
      '2026-12-03',
      '2026-12-07',
    ]);
  });

  it('fortnightly: every other week counted from the first date, none before it', () => {
    const r = rule({ days: ['Friday'], frequency: 'Fortnightly', firstDate: '2026-09-04' });
    expect(dates(r, '2026-08-01', '2026-09-30')).toEqual(['2026-09-04', '2026-09-18']);
    expect(dates(r, '2026-11-20', '2026-12-31')).toEqual(['2026-11-27', '2026-12-11', '2026-12-25']);
  });

  it('monthly: the second Tuesday, and the last Friday, of each month', () => {
    const second = rule({ frequency: 'Monthly', weekOfMonth: 'Second' });
    expect(dates(second, '2026-11-01', '2027-01-31')).toEqual(['2026-11-10', '2026-12-08', '2027-01-12']);
    const last = rule({ days: ['Friday'], frequency: 'Monthly', weekOfMonth: 'Last' });
    expect(dates(last, '2026-10-01', '2027-01-31')).toEqual(['2026-10-30', '2026-11-27', '2026-12-25', '2027-01-29']);
  });

  it('stops after the last date (a six-week course)', () => {
    const course = rule({ startTime: '10:00', endTime: '12:00', firstDate: '2027-01-12', lastDate: '2027-02-16' });
    expect(dates(course, '2027-01-01', '2027-03-31')).toHaveLength(6);
    expect(nextSessions(course, '2027-02-10', 3).map((s) => s.date)).toEqual(['2027-02-16']);
  });
});

describe('cancelled and moved sessions', () => {
  const r = rule({
    cancelled: [{ date: '2026-12-22', reason: 'Christmas break' }, { date: '2026-12-29' }],
    changes: [{ date: '2026-12-15', startTime: '18:00', venue: 'Mill Café', note: 'Christmas social' }],
  });

  it('the next three sessions include a cancelled one, marked with its reason', () => {
    const next = nextSessions(r, '2026-12-14', 3);
    expect(next.map((s) => [s.date, s.cancelled])).toEqual([
      ['2026-12-15', undefined],
      ['2026-12-22', 'Christmas break'],
      ['2026-12-29', ''],
    ]);
  });

  it('a moved session keeps its date but takes the new time and place, without the old address', () => {
    const [moved] = nextSessions(r, '2026-12-15', 1);
    expect(moved).toMatchObject({ date: '2026-12-15', startTime: '18:00', endTime: '20:00', venue: 'Mill Café' });
    expect(moved?.address).toBeUndefined();
    expect(moved?.start.toISOString()).toBe('2026-12-15T18:00:00.000Z');
  });
});

describe('Europe/London wall-clock times', () => {
  it('a Tuesday 18:30 session is 17:30 UTC in July and 18:30 UTC in January', () => {
    expect(sessionsBetween(rule(), '2026-07-07', '2026-07-07')[0]?.start.toISOString()).toBe(
      '2026-07-07T17:30:00.000Z',
    );
    expect(sessionsBetween(rule(), '2027-01-05', '2027-01-05')[0]?.start.toISOString()).toBe(
      '2027-01-05T18:30:00.000Z',
    );
  });

  it('keeps the wall-clock time on the days either side of the clock changes', () => {
    // Clocks go back on Sunday 25 October 2026 and forward on Sunday 28 March 2027.
    expect(londonTime('2026-10-24', '10:00').toISOString()).toBe('2026-10-24T09:00:00.000Z');
    expect(londonTime('2026-10-25', '10:00').toISOString()).toBe('2026-10-25T10:00:00.000Z');
    expect(londonTime('2027-03-27', '10:00').toISOString()).toBe('2027-03-27T10:00:00.000Z');
    expect(londonTime('2027-03-28', '10:00').toISOString()).toBe('2027-03-28T09:00:00.000Z');
  });

  it("takes today's date in London, not UTC", () => {
    // 23:30 UTC on 30 June is already 1 July in London (BST).
    expect(londonDay(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonDay(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
    expect(weekdayName('2026-12-22')).toBe('Tuesday');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe("what's on", () => {
  it('lists the next 14 days, grouped by day, sessions in time order, cancelled ones included', () => {
    const items = [
      { name: 'Evening', rule: rule({ cancelled: [{ date: '2026-12-08', reason: 'Hall closed' }] }) },
      { name: 'Morning', rule: rule({ startTime: '10:00', endTime: '11:00' }) },
      { name: 'Saturday walk', rule: rule({ days: ['Saturday'], startTime: '10:00', endTime: '11:30' }) },
    ];
    const days = whatsOn(
      items,
      (i) => i.rule,
      (i) => i.name,
      '2026-12-01',
    );
    expect(days.map((d) => d.date)).toEqual(['2026-12-01', '2026-12-05', '2026-12-08', '2026-12-12']);
    expect(days[0]?.sessions.map((s) => s.item.name)).toEqual(['Morning', 'Evening']);
    expect(days[2]?.sessions.find((s) => s.item.name === 'Evening')?.session.cancelled).toBe('Hall closed');
    // 2026-12-15 is the 15th day, so it is left out.
    expect(days.at(-1)?.date).toBe('2026-12-12');
  });
});

describe('calendar and structured data from the same rule', () => {
  it('writes RRULEs for each kind of rule', () => {
    expect(rrule(rule())).toBe('FREQ=WEEKLY;BYDAY=TU;WKST=MO');
    expect(rrule(rule({ days: ['Friday'], frequency: 'Fortnightly', firstDate: '2026-09-04' }))).toBe(
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;WKST=MO',
    );
    expect(rrule(rule({ frequency: 'Monthly', weekOfMonth: 'Second' }))).toBe('FREQ=MONTHLY;BYDAY=2TU');
    expect(rrule(rule({ frequency: 'Monthly', weekOfMonth: 'Last' }))).toBe('FREQ=MONTHLY;BYDAY=-1TU');
    // UNTIL is the end of the last session, in UTC (10:00–12:00 GMT on 16 February 2027).
    expect(rrule(rule({ endTime: '12:00', firstDate: '2027-01-12', lastDate: '2027-02-16' }))).toBe(
      'FREQ=WEEKLY;BYDAY=TU;WKST=MO;UNTIL=20270216T120000Z',
    );
  });

  it('gives schema.org a Schedule with byDay, repeatFrequency and exceptDate', () => {
    const r = rule({ frequency: 'Monthly', weekOfMonth: 'Second', cancelled: [{ date: '2026-12-08' }] });
    expect(scheduleJsonLd(r)).toEqual({
      '@type': 'Schedule',
      byDay: ['https://schema.org/Tuesday'],
      startTime: '18:30:00',
      endTime: '20:00:00',
      repeatFrequency: 'P1M',
      byMonthWeek: 2,
      exceptDate: ['2026-12-08'],
      scheduleTimezone: 'Europe/London',
    });
  });

  it('says the rule in words', () => {
    expect(ruleInWords(rule({ frequency: 'Monthly', weekOfMonth: 'Last', days: ['Friday'] }))).toBe(
      'On the last Friday of each month',
    );
    expect(ruleInWords(rule({ frequency: 'Fortnightly', days: ['Friday'] }))).toBe('Every other Friday');
  });
});

describe('a bad schedule is refused with one line naming the file and the field', () => {
  const zod = zodFor(servicesSchema(TEST_LISTS));
  const valid = VALID_SERVICE;

  /** The line the build prints for this frontmatter, or undefined if it is valid. */
  function errorLine(changes: Record<string, unknown>): string | undefined {
    const result = zod.safeParse({ ...valid, ...changes });
    if (result.success) return undefined;
    const { field, problem } = describeIssue(result.error.issues[0] as IssueLike);
    return new ContentError('content/services/group.md', field, problem).message;
  }

  it('accepts a valid schedule with a cancellation and a change', () => {
    expect(
      errorLine({
        cancelled: [{ date: '2026-12-22', reason: 'Christmas' }],
        changes: [{ date: '2026-12-15', startTime: '18:00' }],
      }),
    ).toBeUndefined();
  });

  it.each([
    [{ endTime: '18:00' }, 'field "endTime" must be after the start time'],
    [{ frequency: 'Fortnightly' }, 'field "firstDate" is required for a fortnightly group'],
    [{ frequency: 'Monthly' }, 'field "weekOfMonth" is required for a monthly group'],
    [{ firstDate: '2026-12-23' }, 'field "firstDate" is 2026-12-23, a Wednesday, but the group meets on Tuesday'],
    [{ firstDate: '2026-12-01', lastDate: '2026-11-24' }, 'field "lastDate" is 2026-11-24, before the first session'],
    [
      { cancelled: [{ date: '2026-12-22' }, { date: '2026-12-23', reason: 'Oops' }] },
      'field "cancelled.1.date" is 2026-12-23, which is not a session date (the group meets every tuesday',
    ],
    [
      { frequency: 'Monthly', weekOfMonth: 'Second', cancelled: [{ date: '2026-12-15' }] },
      'field "cancelled.0.date" is 2026-12-15, which is not a session date',
    ],
    [
      { changes: [{ date: '2026-12-15', startTime: '20:30' }] },
      'field "changes.0.endTime" must be after the start time (20:30) on 2026-12-15',
    ],
    [{ cancelled: [{ reason: 'No date' }] }, 'field "cancelled.0.date" is required'],
    [{ weekOfMonth: 'Fifth', frequency: 'Monthly' }, 'field "weekOfMonth" "Fifth" is not one of'],
  ])('%j', (changes, expected) => {
    expect(errorLine(changes)).toContain(`Content error in content/services/group.md: ${expected}`);
  });
});
