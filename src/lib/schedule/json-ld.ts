/**
 * A schedule rule as schema.org structured data: the `Schedule` that a service's Event carries as
 * its `eventSchedule` (src/lib/services.ts). Pure functions only.
 */
import { TIME_ZONE, WEEKDAYS } from './dates';
import { monthWeekPosition, type ScheduleRule } from './rules';

/** ISO 8601 repeat interval for a frequency, as schema.org's Schedule wants it. */
export function repeatFrequency(frequency: string): string {
  if (frequency === 'Fortnightly') return 'P2W';
  if (frequency === 'Monthly') return 'P1M';
  return 'P1W';
}

/**
 * The schema.org Schedule for a rule: days, times, how often, which week of the month, first and
 * last dates, and cancelled dates as exceptDate.
 */
export function scheduleJsonLd(rule: ScheduleRule): Record<string, unknown> {
  // schema.org counts weeks 1-5 and has no "last", so a "last Friday" group leaves byMonthWeek out.
  const week = rule.frequency === 'Monthly' && rule.weekOfMonth ? monthWeekPosition(rule.weekOfMonth) : 0;
  return {
    '@type': 'Schedule',
    byDay: WEEKDAYS.filter((d) => rule.days.includes(d)).map((day) => `https://schema.org/${day}`),
    startTime: `${rule.startTime}:00`,
    endTime: `${rule.endTime}:00`,
    repeatFrequency: repeatFrequency(rule.frequency),
    ...(week >= 1 ? { byMonthWeek: week } : {}),
    ...(rule.firstDate ? { startDate: rule.firstDate } : {}),
    ...(rule.lastDate ? { endDate: rule.lastDate } : {}),
    ...(rule.cancelled.length > 0 ? { exceptDate: rule.cancelled.map((c) => c.date).sort() } : {}),
    scheduleTimezone: TIME_ZONE,
  };
}
