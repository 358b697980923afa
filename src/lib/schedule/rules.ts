/**
 * When a group meets: the rule a service states (weekly, fortnightly from a first date, or monthly
 * on the first/second/third/fourth/last weekday), its cancelled dates and its one-off changes,
 * expanded into dated sessions. Every time is a Europe/London wall-clock time, so a Tuesday 18:30
 * group is at 17:30 UTC in July and 18:30 UTC in January. The service pages ("Next sessions"), the
 * /whats-on/ page, the calendar files and the structured data all read this one model.
 *
 * Calendar days are ISO strings ("2026-12-22"): a day is not an instant, and string days cannot
 * drift by an hour when the clocks change. Pure functions only.
 */

/** Days of the week, Monday first, as services name them. */
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
/** Which week of the month a monthly group meets. */
export const MONTH_WEEKS = ['First', 'Second', 'Third', 'Fourth', 'Last'] as const;
/** The time zone of every session time. */
export const TIME_ZONE = 'Europe/London';

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

const DAY_MS = 86_400_000;

/** A Date from a YAML or CMS date field as an ISO day ("2026-12-22"). */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function dayParts(day: string): [number, number, number] {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return [y, m, d];
}

function dayNumber(day: string): number {
  const [y, m, d] = dayParts(day);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** The day `n` days after `day` (before, if negative). */
export function addDays(day: string, n: number): string {
  return new Date((dayNumber(day) + n) * DAY_MS).toISOString().slice(0, 10);
}

/** Day of the week, 0 = Monday … 6 = Sunday. */
export function weekdayIndex(day: string): number {
  // 1970-01-01 was a Thursday (index 3).
  return (((dayNumber(day) + 3) % 7) + 7) % 7;
}

/** The name of the day of the week ("Tuesday"). */
export function weekdayName(day: string): string {
  return WEEKDAYS[weekdayIndex(day)] ?? '';
}

/** Today's date in London at the given instant, as an ISO day. */
export function londonDay(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** Minutes London is ahead of UTC at an instant (0 in winter, 60 in summer). */
function londonOffsetMinutes(instant: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/** The instant of a London wall-clock time on a day ("2026-07-07", "18:30" → 17:30 UTC). */
export function londonTime(day: string, time: string): Date {
  const [y, m, d] = dayParts(day);
  const [hh = 0, mm = 0] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // Guess with the offset at the wall time read as UTC, then correct with the offset at the guess:
  // right for every time except the hour the clocks skip, when no group meets.
  const guess = wall - londonOffsetMinutes(wall) * 60_000;
  return new Date(wall - londonOffsetMinutes(guess) * 60_000);
}

/** Which occurrence of its weekday a day is in its month: 1 for the first Tuesday, and so on. */
function weekOfMonth(day: string): number {
  return Math.ceil(dayParts(day)[2] / 7);
}

/** Whether a day is the last of its weekday in its month. */
function isLastOfMonth(day: string): boolean {
  return dayParts(addDays(day, 7))[1] !== dayParts(day)[1];
}

/** The Monday of a day's week, as a day number, for counting fortnights. */
function weekStart(day: string): number {
  return dayNumber(day) - weekdayIndex(day);
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
    return ((weekStart(day) - weekStart(rule.firstDate)) / 7) % 2 === 0;
  }
  if (rule.frequency === 'Monthly') {
    const week = rule.weekOfMonth ?? 'First';
    if (week === 'Last') return isLastOfMonth(day);
    return weekOfMonth(day) === MONTH_WEEKS.indexOf(week as (typeof MONTH_WEEKS)[number]) + 1;
  }
  return true;
}

/** The session on a day the rule meets, with its cancellation or change applied. */
function sessionOn(rule: ScheduleRule, day: string): Session {
  const change = rule.changes.find((c) => c.date === day);
  const cancel = rule.cancelled.find((c) => c.date === day);
  const startTime = change?.startTime ?? rule.startTime;
  const endTime = change?.endTime ?? rule.endTime;
  const address = change?.venue && !change.address ? undefined : (change?.address ?? rule.address);
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

/** The first session on or after `from` (cancelled or not), if the rule has one within a year. */
export function firstSessionOnOrAfter(rule: ScheduleRule, from: string): string | undefined {
  for (let i = 0; i < LOOK_AHEAD_DAYS; i += 1) {
    const day = addDays(from, i);
    if (rule.lastDate && day > rule.lastDate) return undefined;
    if (isSessionDate(rule, day)) return day;
  }
  return undefined;
}

/**
 * Problems with a rule an editor must fix, as [field, problem] (the first one found), or
 * undefined. Used by the service schema, so a bad schedule stops the build with one line.
 */
export function scheduleProblem(rule: ScheduleRule): [field: string, problem: string] | undefined {
  const days = listDays(rule.days);
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

function notSession(rule: ScheduleRule): string {
  const next = rule.firstDate ? ` from ${rule.firstDate}` : '';
  return `the group meets ${ruleInWords(rule).toLowerCase()}${next}; check the date`;
}

function listDays(days: readonly string[]): string {
  const sorted = WEEKDAYS.filter((d) => days.includes(d));
  if (sorted.length <= 1) return sorted.join('');
  return `${sorted.slice(0, -1).join(', ')} and ${sorted.at(-1) ?? ''}`;
}

/** The rule in words, without times: "Every other Friday", "On the second Tuesday of the month". */
export function ruleInWords(rule: Pick<ScheduleRule, 'days' | 'frequency' | 'weekOfMonth'>): string {
  const days = listDays(rule.days);
  if (rule.frequency === 'Fortnightly') return `Every other ${days}`;
  if (rule.frequency === 'Monthly') {
    return rule.weekOfMonth
      ? `On the ${rule.weekOfMonth.toLowerCase()} ${days} of each month`
      : `Once a month, on a ${days}`;
  }
  return `Every ${days}`;
}

/** iCalendar weekday codes, Monday first. */
const ICAL_DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** The iCalendar BYDAY code of a day name ("Tuesday" → "TU"), with a monthly position if given. */
function icalDay(day: string, position = ''): string {
  return `${position}${ICAL_DAYS[WEEKDAYS.indexOf(day as (typeof WEEKDAYS)[number])] ?? ''}`;
}

/**
 * The RRULE value for a rule (RFC 5545), e.g. "FREQ=MONTHLY;BYDAY=2TU". The end of a group that
 * stops is written as UNTIL in UTC, as the standard requires when DTSTART has a time zone.
 */
export function rrule(rule: ScheduleRule): string {
  const days = WEEKDAYS.filter((d) => rule.days.includes(d));
  const parts: string[] = [];
  if (rule.frequency === 'Monthly') {
    const week = rule.weekOfMonth ?? 'First';
    const position = week === 'Last' ? '-1' : String(MONTH_WEEKS.indexOf(week as (typeof MONTH_WEEKS)[number]) + 1);
    parts.push('FREQ=MONTHLY', `BYDAY=${days.map((d) => icalDay(d, position)).join(',')}`);
  } else {
    parts.push('FREQ=WEEKLY');
    if (rule.frequency === 'Fortnightly') parts.push('INTERVAL=2');
    parts.push(`BYDAY=${days.map((d) => icalDay(d)).join(',')}`, 'WKST=MO');
  }
  if (rule.lastDate) parts.push(`UNTIL=${icalUtc(londonTime(rule.lastDate, rule.endTime))}`);
  return parts.join(';');
}

/** An instant as an iCalendar UTC date-time, "20261222T183000Z". */
export function icalUtc(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** A London wall-clock time as an iCalendar local date-time, "20261222T183000" (used with TZID). */
export function icalLocal(day: string, time: string): string {
  return `${day.replace(/-/g, '')}T${time.replace(':', '')}00`;
}

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
  const week = rule.weekOfMonth ? MONTH_WEEKS.indexOf(rule.weekOfMonth as (typeof MONTH_WEEKS)[number]) + 1 : 0;
  return {
    '@type': 'Schedule',
    byDay: WEEKDAYS.filter((d) => rule.days.includes(d)).map((day) => `https://schema.org/${day}`),
    startTime: `${rule.startTime}:00`,
    endTime: `${rule.endTime}:00`,
    repeatFrequency: repeatFrequency(rule.frequency),
    // schema.org counts weeks 1-5 and has no "last", so a "last Friday" group leaves it out.
    ...(rule.frequency === 'Monthly' && week >= 1 && week <= 4 ? { byMonthWeek: week } : {}),
    ...(rule.firstDate ? { startDate: rule.firstDate } : {}),
    ...(rule.lastDate ? { endDate: rule.lastDate } : {}),
    ...(rule.cancelled.length > 0 ? { exceptDate: rule.cancelled.map((c) => c.date).sort() } : {}),
    scheduleTimezone: TIME_ZONE,
  };
}
