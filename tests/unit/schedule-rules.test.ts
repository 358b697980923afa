/**
 * The schedule model: rules expand to the right dates (weekly, fortnightly, monthly, last weekday),
 * cancelled and moved sessions show as such, and times stay on London's wall clock across the clock
 * changes.
 */
import { describe, expect, it } from 'vitest';
import {
  firstSessionOnOrAfter,
  isSessionDate,
  monthWeekPosition,
  nextSessions,
  scheduleRuleFrom,
  sessionsBetween,
  whatsOn,
  type ScheduleRule,
} from '../../src/lib/schedule/rules';
import { rule } from '../support/schedule';

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

  it('monthly on two days: the second Tuesday and the second Thursday, not the second of both together', () => {
    const r = rule({ days: ['Thursday', 'Tuesday'], frequency: 'Monthly', weekOfMonth: 'Second' });
    expect(dates(r, '2026-12-01', '2027-01-31')).toEqual(['2026-12-08', '2026-12-10', '2027-01-12', '2027-01-14']);
  });

  it('a fortnightly rule with no first date has no sessions (the schema asks for one)', () => {
    expect(dates(rule({ frequency: 'Fortnightly' }), '2026-12-01', '2026-12-31')).toEqual([]);
  });

  it('numbers the week of the month as iCalendar does: 1 to 4, and -1 for the last', () => {
    expect(['First', 'Second', 'Third', 'Fourth', 'Last'].map(monthWeekPosition)).toEqual([1, 2, 3, 4, -1]);
    expect(monthWeekPosition(undefined)).toBe(1);
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

describe('the first session of a series', () => {
  it('is the first session date on or after the given day, cancelled or not', () => {
    const r = rule({ frequency: 'Monthly', weekOfMonth: 'Last', cancelled: [{ date: '2026-12-29' }] });
    expect(firstSessionOnOrAfter(r, '2026-12-01')).toBe('2026-12-29');
    expect(isSessionDate(r, '2026-12-29')).toBe(true);
  });

  it('is none once a course has ended', () => {
    expect(firstSessionOnOrAfter(rule({ lastDate: '2026-11-24' }), '2026-12-01')).toBeUndefined();
  });
});

describe('a service’s fields as a rule', () => {
  it('turns date fields into ISO days and keeps the rest', () => {
    const fields = {
      days: ['Tuesday'],
      frequency: 'Weekly',
      startTime: '18:30',
      endTime: '20:00',
      firstDate: new Date('2026-12-01T00:00:00Z'),
      venue: 'Hall',
      cancelled: [{ date: new Date('2026-12-22T00:00:00Z'), reason: 'Christmas' }],
      changes: [{ date: new Date('2026-12-15T00:00:00Z'), venue: 'Café' }],
    };
    expect(scheduleRuleFrom(fields)).toMatchObject({
      firstDate: '2026-12-01',
      lastDate: undefined,
      cancelled: [{ date: '2026-12-22', reason: 'Christmas' }],
      changes: [{ date: '2026-12-15', venue: 'Café' }],
    });
  });
});
