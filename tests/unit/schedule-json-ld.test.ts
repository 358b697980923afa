/** The schema.org Schedule a service's Event carries, made from the same rule as its sessions. */
import { describe, expect, it } from 'vitest';
import { repeatFrequency, scheduleJsonLd } from '../../src/lib/schedule/json-ld';
import { rule } from '../support/schedule';

describe('structured data from the rule', () => {
  it('maps frequencies to ISO 8601 repeat intervals', () => {
    expect(['Weekly', 'Fortnightly', 'Monthly'].map(repeatFrequency)).toEqual(['P1W', 'P2W', 'P1M']);
  });

  it('gives schema.org a Schedule with byDay, repeatFrequency, byMonthWeek and exceptDate', () => {
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

  it('leaves byMonthWeek out for a "last" week (schema.org has none) and gives a course its dates', () => {
    const last = scheduleJsonLd(rule({ days: ['Friday'], frequency: 'Monthly', weekOfMonth: 'Last' }));
    expect(last).not.toHaveProperty('byMonthWeek');
    const course = scheduleJsonLd(
      rule({ days: ['Thursday', 'Monday'], firstDate: '2027-01-11', lastDate: '2027-02-15' }),
    );
    expect(course).toMatchObject({
      byDay: ['https://schema.org/Monday', 'https://schema.org/Thursday'],
      startDate: '2027-01-11',
      endDate: '2027-02-15',
    });
  });
});
