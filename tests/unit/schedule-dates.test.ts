/**
 * London calendar arithmetic: ISO days count and name weekdays right across months, years and leap
 * days, and a wall-clock time on a day becomes the right instant on both sides of the clock changes.
 */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayParts,
  isLastWeekdayOfMonth,
  isoDay,
  londonDay,
  londonTime,
  timeParts,
  weekdayIndex,
  weekdayName,
  weekdayOfMonth,
  weeksBetween,
} from '../../src/lib/schedule/dates';

describe('calendar days', () => {
  it('adds days across the end of a month, a year and a leap day', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
  });

  it('names the weekday, Monday first', () => {
    expect(weekdayName('2026-12-22')).toBe('Tuesday');
    expect(weekdayIndex('2026-12-21')).toBe(0);
    expect(weekdayIndex('2026-12-27')).toBe(6);
    // Before 1970 the count goes below zero and must still land on the right day.
    expect(weekdayName('1969-12-31')).toBe('Wednesday');
  });

  it('counts which Tuesday of the month a day is, and whether it is the last', () => {
    expect(['2026-12-01', '2026-12-08', '2026-12-29'].map(weekdayOfMonth)).toEqual([1, 2, 5]);
    expect(isLastWeekdayOfMonth('2026-12-29')).toBe(true);
    expect(isLastWeekdayOfMonth('2026-12-22')).toBe(false);
    expect(isLastWeekdayOfMonth('2026-11-24')).toBe(true);
  });

  it('counts whole Monday-to-Sunday weeks between two days', () => {
    expect(weeksBetween('2026-09-04', '2026-09-18')).toBe(2);
    // A Sunday is in the same week as the Monday before it.
    expect(weeksBetween('2026-12-21', '2026-12-27')).toBe(0);
    expect(weeksBetween('2026-12-27', '2026-12-28')).toBe(1);
    expect(weeksBetween('2026-12-28', '2026-12-21')).toBe(-1);
  });

  it('reads a date field and splits days and times into numbers', () => {
    expect(isoDay(new Date('2026-12-22T00:00:00Z'))).toBe('2026-12-22');
    expect(dayParts('2026-12-22')).toEqual([2026, 12, 22]);
    expect(timeParts('18:30')).toEqual([18, 30]);
  });
});

describe('Europe/London wall-clock times', () => {
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
  });
});
