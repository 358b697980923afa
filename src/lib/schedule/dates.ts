/**
 * London calendar arithmetic for the schedule model. Calendar days are ISO strings ("2026-12-22"):
 * a day is not an instant, and string days cannot drift by an hour when the clocks change. Times
 * of day are Europe/London wall-clock times ("18:30"); `londonTime` turns a day and a time into the
 * instant it happens. Pure functions only.
 */

/** Days of the week, Monday first, as services name them. */
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
/** The time zone of every session time. */
export const TIME_ZONE = 'Europe/London';

const DAY_MS = 86_400_000;

/** A Date from a YAML or CMS date field (midnight UTC) as an ISO day ("2026-12-22"). */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The year, month (1–12) and day of the month of an ISO day. */
export function dayParts(day: string): [year: number, month: number, dayOfMonth: number] {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return [y, m, d];
}

/** Days since 1970-01-01, so days can be counted and compared as numbers. */
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

/** Which occurrence of its weekday a day is in its month: 1 for the first Tuesday, and so on. */
export function weekdayOfMonth(day: string): number {
  return Math.ceil(dayParts(day)[2] / 7);
}

/** Whether a day is the last of its weekday in its month. */
export function isLastWeekdayOfMonth(day: string): boolean {
  return dayParts(addDays(day, 7))[1] !== dayParts(day)[1];
}

/** Whole weeks (Monday to Sunday) from the week of `from` to the week of `day`; negative if before. */
export function weeksBetween(from: string, day: string): number {
  const monday = (d: string) => dayNumber(d) - weekdayIndex(d);
  return (monday(day) - monday(from)) / 7;
}

// Made once: a formatter keeps no state between calls, and making one (loading the time zone's
// rules) costs far more than formatting with it. Every page of the build formats dates.
const LONDON_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const LONDON_WALL_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
});

/** Today's date in London at the given instant, as an ISO day. */
export function londonDay(now: Date): string {
  return LONDON_DAY.format(now);
}

/** Minutes London is ahead of UTC at an instant (0 in winter, 60 in summer). */
function londonOffsetMinutes(instant: number): number {
  const parts = LONDON_WALL_CLOCK.formatToParts(new Date(instant));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/** The hours and minutes of a wall-clock time ("18:30" → [18, 30]). */
export function timeParts(time: string): [hours: number, minutes: number] {
  const [hh = 0, mm = 0] = time.split(':').map(Number);
  return [hh, mm];
}

/** The instant of a London wall-clock time on a day ("2026-07-07", "18:30" → 17:30 UTC). */
export function londonTime(day: string, time: string): Date {
  const [y, m, d] = dayParts(day);
  const [hh, mm] = timeParts(time);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // Guess with the offset at the wall time read as UTC, then correct with the offset at the guess:
  // right for every time except the hour the clocks skip, when no group meets.
  const guess = wall - londonOffsetMinutes(wall) * 60_000;
  return new Date(wall - londonOffsetMinutes(guess) * 60_000);
}
