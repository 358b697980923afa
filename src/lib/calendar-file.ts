/**
 * iCalendar (.ics, RFC 5545) files of group sessions, written with ical-generator from the same
 * schedule model as the pages: one recurring VEVENT per group (RRULE), EXDATE for cancelled
 * sessions, a RECURRENCE-ID override for each moved session, and a Europe/London VTIMEZONE so
 * calendar apps keep sessions on the wall-clock time across the clock changes. Every line of the
 * file comes from ical-generator (11.1.2) and the VTIMEZONE from timezones-ical-library: nothing
 * here writes iCalendar text by hand.
 */
import {
  ICalCalendar,
  ICalEventRepeatingFreq,
  ICalWeekday,
  type ICalCalendarData,
  type ICalRepeatingOptions,
} from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { dayParts, londonTime, TIME_ZONE, timeParts, WEEKDAYS } from './schedule/dates';
import { changedAddress, firstSessionOnOrAfter, monthWeekPosition, type ScheduleRule } from './schedule/rules';

/** One group in a calendar file. */
export interface CalendarGroup {
  /** Stable identifier, the same in every build (e.g. "millbrook-peer-support-group@example.org"). */
  uid: string;
  title: string;
  rule: ScheduleRule;
  /** The service page. */
  url: string;
  /** What it is and how to join, in plain words. */
  description: string;
  /** Whether people join online (the location then says so instead of a venue). */
  online: boolean;
}

/** Options for a calendar file. */
export interface CalendarOptions {
  /** The calendar's name, shown by calendar apps when someone subscribes. */
  name: string;
  /** The charity's name, for the file's PRODID. */
  organisation: string;
  /** The site's own address for this file. */
  url: string;
  /** The moment of the build (DTSTAMP). */
  now: Date;
  /**
   * The day the series starts from when a group states no first date: its first session on or
   * after this day becomes DTSTART, so the series does not change with every daily build.
   */
  seriesStart: string;
}

/**
 * A wall-clock time as ical-generator reads it for an event with a time zone: it takes the Date's
 * local fields (getHours() and so on) as the time in that zone. Building the Date from the same
 * fields makes the output independent of the build machine's own time zone.
 */
function wallClock(day: string, time: string): Date {
  const [y, m, d] = dayParts(day);
  const [hh, mm] = timeParts(time);
  return new Date(y, m - 1, d, hh, mm);
}

/** ical-generator's weekday code for each day name. */
const ICAL_WEEKDAYS: Record<(typeof WEEKDAYS)[number], ICalWeekday> = {
  Monday: ICalWeekday.MO,
  Tuesday: ICalWeekday.TU,
  Wednesday: ICalWeekday.WE,
  Thursday: ICalWeekday.TH,
  Friday: ICalWeekday.FR,
  Saturday: ICalWeekday.SA,
  Sunday: ICalWeekday.SU,
};

/** The days of the month the nth weekday can fall on: 8–14 for the second, -7 to -1 for the last. */
function monthDaysOfWeek(position: number): number[] {
  const first = position === -1 ? -7 : (position - 1) * 7 + 1;
  return Array.from({ length: 7 }, (_, i) => first + i);
}

/**
 * A rule as ical-generator's repeating options, which it writes as the RRULE and EXDATE lines
 * (ICalEvent#repeating in node_modules/ical-generator/src/event.ts): weekly or fortnightly
 * (INTERVAL=2) on its days, Monday-first weeks (WKST=MO) so fortnights count as ours do; monthly on
 * the nth weekday as BYDAY=TU;BYSETPOS=2 ("the second of the month's Tuesdays"). BYSETPOS picks from
 * all the days BYDAY lists together, so a monthly group on two days (the second Tuesday and the
 * second Thursday) is written as those weekdays on the days of the month the nth one falls on
 * instead (BYMONTHDAY=8,…,14), RFC 5545's own way of saying it. UNTIL is the end of the last
 * session as an instant: ical-generator writes it in UTC, as the standard requires when DTSTART has
 * a time zone. Cancelled sessions are EXDATEs at the usual start time.
 */
function repeatingOptions(rule: ScheduleRule): ICalRepeatingOptions {
  const byDay = WEEKDAYS.filter((day) => rule.days.includes(day)).map((day) => ICAL_WEEKDAYS[day]);
  const position = monthWeekPosition(rule.weekOfMonth);
  const monthly: Partial<ICalRepeatingOptions> =
    byDay.length === 1 ? { bySetPos: position } : { byMonthDay: monthDaysOfWeek(position) };
  const cancelled = rule.cancelled.map((c) => c.date).sort();
  return {
    ...(rule.frequency === 'Monthly'
      ? { freq: ICalEventRepeatingFreq.MONTHLY, byDay, ...monthly }
      : {
          freq: ICalEventRepeatingFreq.WEEKLY,
          ...(rule.frequency === 'Fortnightly' ? { interval: 2 } : {}),
          byDay,
          startOfWeek: ICalWeekday.MO,
        }),
    ...(rule.lastDate ? { until: londonTime(rule.lastDate, rule.endTime) } : {}),
    ...(cancelled.length > 0 ? { exclude: cancelled.map((day) => wallClock(day, rule.startTime)) } : {}),
  };
}

/**
 * The VTIMEZONE of a zone, from the IANA time zone data timezones-ical-library (2.3.2) ships: its
 * `tzlib_get_ical_block` gives [VTIMEZONE block, "TZID=…"] for a known zone and an empty string for
 * an unknown one (index.d.ts). ical-generator calls this for each zone its events use.
 */
function vtimezone(zone: string): string {
  const block = tzlib_get_ical_block(zone);
  if (!Array.isArray(block) || !block[0]) throw new Error(`No VTIMEZONE for the time zone "${zone}"`);
  return block[0];
}

function locationOf(group: CalendarGroup, venue: string, address: string | undefined): string {
  if (group.online) return 'Online (we send you the joining link)';
  return address ? `${venue}, ${address}` : venue;
}

/** The text of a calendar file with the given groups' sessions. */
export function calendarFile(groups: readonly CalendarGroup[], options: CalendarOptions): string {
  const data: ICalCalendarData = {
    name: options.name,
    url: options.url,
    prodId: { company: options.organisation, product: 'Website', language: 'EN' },
    // Calendar apps that honour it check back daily, as often as the site is rebuilt.
    ttl: 24 * 60 * 60,
    // A name of null keeps DTSTAMP and UNTIL in UTC, as RFC 5545 requires; the generator still
    // writes the VTIMEZONE for the events' zone.
    timezone: { name: null, generator: vtimezone },
    x: [['X-WR-TIMEZONE', TIME_ZONE]],
  };
  const calendar = new ICalCalendar(data);
  for (const group of groups) {
    const { rule } = group;
    const first = rule.firstDate ?? firstSessionOnOrAfter(rule, options.seriesStart);
    if (!first) continue;
    calendar.createEvent({
      id: group.uid,
      stamp: options.now,
      start: wallClock(first, rule.startTime),
      end: wallClock(first, rule.endTime),
      timezone: TIME_ZONE,
      repeating: repeatingOptions(rule),
      summary: group.title,
      description: group.description,
      location: locationOf(group, rule.venue, rule.address),
      url: group.url,
    });
    for (const change of rule.changes) {
      // A cancelled date stays cancelled even if it also has a change.
      if (rule.cancelled.some((c) => c.date === change.date)) continue;
      const venue = change.venue ?? rule.venue;
      const address = changedAddress(rule, change);
      calendar.createEvent({
        id: group.uid,
        stamp: options.now,
        recurrenceId: wallClock(change.date, rule.startTime),
        start: wallClock(change.date, change.startTime ?? rule.startTime),
        end: wallClock(change.date, change.endTime ?? rule.endTime),
        timezone: TIME_ZONE,
        summary: group.title,
        description: change.note ? `${change.note}\n\n${group.description}` : group.description,
        location: locationOf(group, venue, address),
        url: group.url,
      });
    }
  }
  return calendar.toString();
}
