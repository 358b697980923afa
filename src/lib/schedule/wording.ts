/**
 * A schedule rule in plain English, as the service pages and the schedule checks say it:
 * "Every other Friday", "On the second Tuesday of each month". Pure functions only.
 */
import { WEEKDAYS } from './dates';
import type { ScheduleRule } from './rules';

/** Joins words as in a sentence: "Monday", "Monday and Thursday", "Monday, Wednesday and Friday". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/** Days of the week in week order, Monday first, as a sentence: "Monday and Thursday". */
export function daysInWords(days: readonly string[]): string {
  return listInWords(WEEKDAYS.filter((day) => days.includes(day)));
}

/** The rule in words, without times: "Every other Friday", "On the second Tuesday of each month". */
export function ruleInWords(rule: Pick<ScheduleRule, 'days' | 'frequency' | 'weekOfMonth'>): string {
  const days = daysInWords(rule.days);
  if (rule.frequency === 'Fortnightly') return `Every other ${days}`;
  if (rule.frequency === 'Monthly') {
    return rule.weekOfMonth
      ? `On the ${rule.weekOfMonth.toLowerCase()} ${days} of each month`
      : `Once a month, on a ${days}`;
  }
  return `Every ${days}`;
}
