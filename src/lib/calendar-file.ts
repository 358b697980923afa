/**
 * iCalendar (.ics, RFC 5545) files of group sessions, written with ical-generator from the same
 * schedule model as the pages: one recurring VEVENT per group (RRULE), EXDATE for cancelled
 * sessions, a RECURRENCE-ID override for each moved session, and a Europe/London VTIMEZONE so
 * calendar apps keep sessions on the wall-clock time across the clock changes.
 */
import { ICalCalendar, type ICalCalendarData } from 'ical-generator';
import { firstSessionOnOrAfter, icalLocal, rrule, TIME_ZONE, type ScheduleRule } from './schedule/rules';

/**
 * Europe/London since 1996 (EU summer time: last Sunday of March 01:00 UTC to last Sunday of
 * October 01:00 UTC), written out here rather than adding a time-zone database package for one
 * zone. If the UK ever changes its rules, this block must change with them.
 */
export const LONDON_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/London',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19700329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19701025T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

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
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  const [hh = 0, mm = 0] = time.split(':').map(Number);
  return new Date(y, m - 1, d, hh, mm);
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
    timezone: { name: null, generator: (zone) => (zone === TIME_ZONE ? LONDON_VTIMEZONE : null) },
    x: [['X-WR-TIMEZONE', TIME_ZONE]],
  };
  const calendar = new ICalCalendar(data);
  for (const group of groups) {
    const { rule } = group;
    const first = rule.firstDate ?? firstSessionOnOrAfter(rule, options.seriesStart);
    if (!first) continue;
    const cancelled = rule.cancelled.map((c) => c.date).sort();
    const repeating = [
      `RRULE:${rrule(rule)}`,
      ...(cancelled.length > 0
        ? [`EXDATE;TZID=${TIME_ZONE}:${cancelled.map((day) => icalLocal(day, rule.startTime)).join(',')}`]
        : []),
    ].join('\n');
    calendar.createEvent({
      id: group.uid,
      stamp: options.now,
      start: wallClock(first, rule.startTime),
      end: wallClock(first, rule.endTime),
      timezone: TIME_ZONE,
      repeating,
      summary: group.title,
      description: group.description,
      location: locationOf(group, rule.venue, rule.address),
      url: group.url,
    });
    for (const change of rule.changes) {
      // A cancelled date stays cancelled even if it also has a change.
      if (cancelled.includes(change.date)) continue;
      const venue = change.venue ?? rule.venue;
      const address = change.venue && !change.address ? undefined : (change.address ?? rule.address);
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
