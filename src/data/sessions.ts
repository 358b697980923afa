/**
 * Dated sessions, computed once per build from the build's one "now" (BUILD_NOW): which services
 * have a calendar, each one's next sessions, the /whats-on/ listing and the calendar files.
 */
import { BUILD_NOW, SITE_URL } from '../config';
import { calendarFile, type CalendarGroup } from '../lib/calendar-file';
import { londonDay } from '../lib/schedule/dates';
import { nextSessions, scheduleRuleFrom, whatsOn, type Session, type WhatsOnDay } from '../lib/schedule/rules';
import { hasSessions, joinAdvice } from '../lib/services';
import { getServiceIndex, servicePath, type ServiceEntry } from './services';
import { getSettings } from './settings';

/** Today in London, as the build sees it (ISO day). */
export const BUILD_DAY = londonDay(BUILD_NOW);

/** How many sessions a service page lists. */
export const NEXT_SESSION_COUNT = 3;

/** Address of the calendar of every group. */
export const ALL_SESSIONS_PATH = '/services/sessions.ics';

/** Address of one service's calendar. */
export function sessionsPath(service: ServiceEntry): string {
  return `${servicePath(service)}sessions.ics`;
}

/** Everything dated, computed once. */
export interface SessionIndex {
  /** Active services with dated sessions, in schedule order. */
  services: ServiceEntry[];
  /** The next sessions of each of those services, by id. */
  next: Map<string, Session[]>;
  /** The /whats-on/ listing: the next 14 days from the build day. */
  whatsOn: WhatsOnDay<ServiceEntry>[];
}

let cache: Promise<SessionIndex> | undefined;

/** Dated sessions of the published services. */
export function getSessionIndex(): Promise<SessionIndex> {
  cache ??= getServiceIndex().then((index) => {
    const services = index.services.filter((service) => hasSessions(service.data));
    const ruleOf = (service: ServiceEntry) => scheduleRuleFrom(service.data);
    return {
      services,
      next: new Map(services.map((s) => [s.id, nextSessions(ruleOf(s), BUILD_DAY, NEXT_SESSION_COUNT)])),
      whatsOn: whatsOn(services, ruleOf, (s) => s.data.title, BUILD_DAY),
    };
  });
  return cache;
}

/** A service as a group in a calendar file. */
function calendarGroup(service: ServiceEntry): CalendarGroup {
  const { data } = service;
  const url = new URL(servicePath(service), SITE_URL).href;
  const contact = [data.contactName && `Ask for ${data.contactName}`, data.contactPhone, data.contactEmail]
    .filter(Boolean)
    .join(', ');
  return {
    uid: `${service.id}@${new URL(SITE_URL).host}`,
    title: data.title,
    rule: scheduleRuleFrom(data),
    url,
    description: [
      data.summary,
      `How to join: ${data.howToJoin}. ${joinAdvice(data.howToJoin)}`,
      ...(contact ? [`Contact: ${contact}.`] : []),
      `Details and changes: ${url}`,
    ].join('\n\n'),
    online: data.format === 'Online',
  };
}

/** The .ics text of the given services' sessions. */
export async function sessionsCalendar(services: readonly ServiceEntry[], name: string, path: string): Promise<string> {
  const settings = await getSettings();
  return calendarFile(services.map(calendarGroup), {
    name: `${name} (${settings.charityName})`,
    organisation: settings.charityName,
    url: new URL(path, SITE_URL).href,
    now: BUILD_NOW,
    // The series start moves once a year rather than with every daily build.
    seriesStart: `${BUILD_DAY.slice(0, 4)}-01-01`,
  });
}
