/**
 * The checks on a schedule that an editor must pass before the site builds: the service schema
 * (src/schemas/services.ts) runs `scheduleProblem`, so a bad schedule stops the build with one line
 * naming the field and the fix. Pure functions only.
 */
import { weekdayName } from './dates';
import { isSessionDate, type ScheduleRule } from './rules';
import { daysInWords, ruleInWords } from './wording';

/**
 * Problems with a rule an editor must fix, as [field, problem] (the first one found), or
 * undefined.
 */
export function scheduleProblem(rule: ScheduleRule): [field: string, problem: string] | undefined {
  const days = daysInWords(rule.days);
  if (rule.frequency === 'Fortnightly' && !rule.firstDate) {
    return ['firstDate', 'is required for a fortnightly group: give the date of one session, so we know which weeks'];
  }
  if (rule.frequency === 'Monthly' && !rule.weekOfMonth) {
    return ['weekOfMonth', `is required for a monthly group: choose which ${days} of the month it meets`];
  }
  if (rule.firstDate && !rule.days.includes(weekdayName(rule.firstDate))) {
    return ['firstDate', `is ${rule.firstDate}, a ${weekdayName(rule.firstDate)}, but the group meets on ${days}`];
  }
  if (rule.firstDate && rule.lastDate && rule.lastDate < rule.firstDate) {
    return ['lastDate', `is ${rule.lastDate}, before the first session (${rule.firstDate})`];
  }
  for (const [index, item] of rule.cancelled.entries()) {
    if (!isSessionDate(rule, item.date)) {
      return [`cancelled.${String(index)}.date`, `is ${item.date}, which is not a session date (${notSession(rule)})`];
    }
  }
  for (const [index, item] of rule.changes.entries()) {
    if (!isSessionDate(rule, item.date)) {
      return [`changes.${String(index)}.date`, `is ${item.date}, which is not a session date (${notSession(rule)})`];
    }
    const start = item.startTime ?? rule.startTime;
    const end = item.endTime ?? rule.endTime;
    if (end <= start) {
      return [`changes.${String(index)}.endTime`, `must be after the start time (${start}) on ${item.date}`];
    }
  }
  return undefined;
}

/** Why a date is not a session date, in words: how the group meets and from when. */
function notSession(rule: ScheduleRule): string {
  const next = rule.firstDate ? ` from ${rule.firstDate}` : '';
  return `the group meets ${ruleInWords(rule).toLowerCase()}${next}; check the date`;
}
