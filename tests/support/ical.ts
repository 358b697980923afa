/**
 * Reads .ics files the way a calendar app does, with ical.js (Mozilla's iCalendar library): the
 * VTIMEZONE is registered, each recurring event expands through its RRULE minus its EXDATEs, and
 * RECURRENCE-ID overrides replace the sessions they move.
 */
import ICAL from 'ical.js';

/** One session as a calendar app would show it. */
export interface Occurrence {
  uid: string;
  summary: string;
  /** Start and end as UTC instants (ISO strings). */
  start: string;
  end: string;
  location: string;
  /** Whether a RECURRENCE-ID override supplied this session. */
  moved: boolean;
}

/** The parsed calendar's events grouped by UID: the recurring master and its overrides. */
export function parseCalendar(text: string): { calendar: ICAL.Component; events: Map<string, ICAL.Event> } {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(zone);
  }
  const events = new Map<string, ICAL.Event>();
  const vevents = calendar.getAllSubcomponents('vevent');
  for (const vevent of vevents.filter((v) => !v.hasProperty('recurrence-id'))) {
    const event = new ICAL.Event(vevent);
    events.set(event.uid, event);
  }
  for (const vevent of vevents.filter((v) => v.hasProperty('recurrence-id'))) {
    const override = new ICAL.Event(vevent);
    const master = events.get(override.uid);
    if (!master) throw new Error(`Override for ${override.uid} has no recurring event`);
    master.relateException(override);
  }
  return { calendar, events };
}

/** Every session of every event that starts between `from` and `to` (UTC instants). */
export function expandCalendar(text: string, from: Date, to: Date): Occurrence[] {
  const { events } = parseCalendar(text);
  const result: Occurrence[] = [];
  for (const event of events.values()) {
    const iterator = event.iterator();
    for (let next = iterator.next(); next; next = iterator.next()) {
      const details = event.getOccurrenceDetails(next);
      const start = details.startDate.toJSDate();
      if (start > to) break;
      if (start < from) continue;
      result.push({
        uid: event.uid,
        summary: details.item.summary,
        start: start.toISOString(),
        end: details.endDate.toJSDate().toISOString(),
        location: details.item.location,
        moved: details.item !== event,
      });
    }
  }
  return result.sort((a, b) => a.start.localeCompare(b.start) || a.uid.localeCompare(b.uid));
}
