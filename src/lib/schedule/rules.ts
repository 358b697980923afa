/**
 * When a group meets: the rule a service states (weekly, fortnightly from a first date, or monthly
 * on the first/second/third/fourth/last weekday), its cancelled dates and its one-off changes,
 * expanded into dated sessions. Every time is a Europe/London wall-clock time, so a Tuesday 18:30
 * group is at 17:30 UTC in July and 18:30 UTC in January. The service pages ("Next sessions"), the
 * /whats-on/ page, the calendar files and the structured data all read this one model.
 *
 * Calendar days are ISO strings ("2026-12-22"); the arithmetic on them is in ./dates. Pure
 * functions only.
 */
import { addDays, isLastWeekdayOfMonth, isoDay, londonTime, weekdayName, weekdayOfMonth, weeksBetween } from './dates';

/** Which week of the month a monthly group meets. */
export const MONTH_WEEKS = ['First', 'Second', 'Third', 'Fourth', 'Last'] as const;

/** The schedule fields of a validated service, as the service schema outputs them (dates as Date). */
export interface ScheduleFields {
  days: string[];
  frequency: string;
  weekOfMonth?: string | undefined;
  startTime: string;
  endTime: string;
  firstDate?: Date | undefined;
  lastDate?: Date | undefined;
  venue: string;
  address?: string | undefined;
  cancelled: { date: Date; reason?: string | undefined }[];
  changes: {
    date: Date;
    startTime?: string | undefined;
    endTime?: string | undefined;
    venue?: string | undefined;
    address?: string | undefined;
    note?: string | undefined;
  }[];
}

/** A session that does not take place, with the reason people are told. */
export interface CancelledDate {
  date: string;
  reason?: string | undefined;
}

/** A session that takes place on its usual date but at another time or place. */
export interface ChangedDate {
  date: string;
  startTime?: string | undefined;
  endTime?: string | undefined;
  venue?: string | undefined;
  address?: string | undefined;
  note?: string | undefined;
}

/** A service's meeting rule, with days as ISO strings. */
export interface ScheduleRule {
  /** Days of the week ("Tuesday"). */
  days: readonly string[];
  /** "Weekly", "Fortnightly" or "Monthly". */
  frequency: string;
  /** For monthly groups: "First" … "Fourth" or "Last". */
  weekOfMonth?: string | undefined;
  /** Wall-clock times, "18:30". */
  startTime: string;
  endTime: string;
  /** First session (needed for fortnightly groups, so we know which weeks). */
  firstDate?: string | undefined;
  /** Last session, for a course or a group that ends. */
  lastDate?: string | undefined;
  venue: string;
  address?: string | undefined;
  cancelled: readonly CancelledDate[];
  changes: readonly ChangedDate[];
}

/** One dated session, as people see it. */
export interface Session {
  /** ISO day, "2026-12-22". */
  date: string;
  /** Wall-clock times after any one-off change. */
  startTime: string;
  endTime: string;
  /** Instants of the start and end (UTC), after any change. */
  start: Date;
  end: Date;
  venue: string;
  address?: string | undefined;
  /** Set when the session is cancelled: the reason, or an empty string. */
  cancelled?: string | undefined;
  /** Set when the time or place differs from usual. */
  changed?: ChangedDate | undefined;
}

/** A service's schedule fields as a rule, with dates as ISO days. */
export function scheduleRuleFrom(data: ScheduleFields): ScheduleRule {
  return {
    days: data.days,
    frequency: data.frequency,
    weekOfMonth: data.weekOfMonth,
    startTime: data.startTime,
    endTime: data.endTime,
    firstDate: data.firstDate ? isoDay(data.firstDate) : undefined,
    lastDate: data.lastDate ? isoDay(data.lastDate) : undefined,
    venue: data.venue,
    address: data.address,
    cancelled: data.cancelled.map((c) => ({ date: isoDay(c.date), reason: c.reason })),
    changes: data.changes.map((c) => ({ ...c, date: isoDay(c.date) })),
  };
}

/**
 * Which of its weekdays in the month a monthly rule meets on: 1 to 4 counted from the start of the
 * month, -1 for the last (as iCalendar counts). A monthly rule with no week means the first.
 */
export function monthWeekPosition(weekOfMonth: string | undefined): number {
  const week = weekOfMonth ?? 'First';
  return week === 'Last' ? -1 : MONTH_WEEKS.indexOf(week as (typeof MONTH_WEEKS)[number]) + 1;
}

/**
 * Whether the rule has a session on this day (before cancellations: a cancelled date is still a
 * session date, which is what lets an editor cancel it).
 */
export function isSessionDate(rule: ScheduleRule, day: string): boolean {
  if (rule.firstDate && day < rule.firstDate) return false;
  if (rule.lastDate && day > rule.lastDate) return false;
  if (!rule.days.includes(weekdayName(day))) return false;
  if (rule.frequency === 'Fortnightly') {
    if (!rule.firstDate) return false;
    return weeksBetween(rule.firstDate, day) % 2 === 0;
  }
  if (rule.frequency === 'Monthly') {
    const position = monthWeekPosition(rule.weekOfMonth);
    return position === -1 ? isLastWeekdayOfMonth(day) : weekdayOfMonth(day) === position;
  }
  return true;
}

/** The session on a day the rule meets, with its cancellation or change applied. */
function sessionOn(rule: ScheduleRule, day: string): Session {
  const change = rule.changes.find((c) => c.date === day);
  const cancel = rule.cancelled.find((c) => c.date === day);
  const startTime = change?.startTime ?? rule.startTime;
  const endTime = change?.endTime ?? rule.endTime;
  const address = changedAddress(rule, change);
  return {
    date: day,
    startTime,
    endTime,
    start: londonTime(day, startTime),
    end: londonTime(day, endTime),
    venue: change?.venue ?? rule.venue,
    ...(address ? { address } : {}),
    ...(cancel ? { cancelled: cancel.reason ?? '' } : {}),
    ...(change ? { changed: change } : {}),
  };
}

/**
 * The address of a session after a one-off change: a new venue with no address of its own drops
 * the usual address (it belongs to the usual venue).
 */
export function changedAddress(rule: ScheduleRule, change: ChangedDate | undefined): string | undefined {
  return change?.venue && !change.address ? undefined : (change?.address ?? rule.address);
}

/** Every session from `from` to `to` (ISO days, both included), cancelled ones included. */
export function sessionsBetween(rule: ScheduleRule, from: string, to: string): Session[] {
  const sessions: Session[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    if (isSessionDate(rule, day)) sessions.push(sessionOn(rule, day));
  }
  return sessions;
}

/** How far ahead to look for the next sessions: a monthly group over a summer break fits. */
const LOOK_AHEAD_DAYS = 400;

/** The next `count` sessions from `today` (included), cancelled ones included and marked. */
export function nextSessions(rule: ScheduleRule, today: string, count = 3): Session[] {
  const sessions: Session[] = [];
  for (let i = 0; i < LOOK_AHEAD_DAYS && sessions.length < count; i += 1) {
    const day = addDays(today, i);
    if (rule.lastDate && day > rule.lastDate) break;
    if (isSessionDate(rule, day)) sessions.push(sessionOn(rule, day));
  }
  return sessions;
}

/** The first session on or after `from` (cancelled or not), if the rule has one within a year. */
export function firstSessionOnOrAfter(rule: ScheduleRule, from: string): string | undefined {
  return nextSessions(rule, from, 1)[0]?.date;
}

/** Days shown on the "What's on" page, today included. */
export const WHATS_ON_DAYS = 14;

/** A day of the "What's on" page with its sessions, each tagged with what it belongs to. */
export interface WhatsOnDay<T> {
  date: string;
  sessions: { item: T; session: Session }[];
}

/**
 * Every session of every item in the `days` days from `today`, grouped by day (days with nothing
 * on are left out), each day's sessions by start time, then by name.
 */
export function whatsOn<T>(
  items: readonly T[],
  ruleOf: (item: T) => ScheduleRule,
  nameOf: (item: T) => string,
  today: string,
  days = WHATS_ON_DAYS,
): WhatsOnDay<T>[] {
  const last = addDays(today, days - 1);
  const all = items.flatMap((item) => sessionsBetween(ruleOf(item), today, last).map((session) => ({ item, session })));
  const result: WhatsOnDay<T>[] = [];
  for (let day = today; day <= last; day = addDays(day, 1)) {
    const sessions = all
      .filter((s) => s.session.date === day)
      .sort(
        (a, b) =>
          a.session.startTime.localeCompare(b.session.startTime) || nameOf(a.item).localeCompare(nameOf(b.item)),
      );
    if (sessions.length > 0) result.push({ date: day, sessions });
  }
  return result;
}
