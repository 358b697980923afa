/**
 * Services: which are published, how they are grouped and ordered, how their times read in plain
 * English, where "Get directions" goes, and their structured data. Pure functions, computed once
 * per build by src/data/services.ts.
 */
import { ContentError } from './content-error';
import { formatUkDate, slugify } from './format';
import type { FilterableService } from './service-filter';
import { WEEKDAYS } from './schedule/dates';
import { scheduleJsonLd } from './schedule/json-ld';
import { scheduleRuleFrom, type ScheduleFields } from './schedule/rules';
import { ruleInWords } from './schedule/wording';

/**
 * The fields of a service these functions read. src/schemas/services.ts declares them (its
 * `ServiceData` fits this shape); lib imports nothing from the schemas.
 */
export interface ServiceFields extends ScheduleFields {
  title: string;
  summary: string;
  town: string;
  format: string;
  audience: string;
  calendar: boolean;
  active: boolean;
}

/** What these functions need from a service entry (Astro's collection entries fit). */
export interface ServiceLike {
  id: string;
  filePath?: string | undefined;
  data: ServiceFields;
}

/** A town or area with its services, in schedule order. */
export interface TownGroup<T> {
  town: string;
  slug: string;
  services: T[];
}

/** A filter option (a day or a format) with the services it matches. */
export interface FilterGroup<T> {
  label: string;
  slug: string;
  services: T[];
}

/** Folder names under /services/ used by the finder, so no service can take them as its slug. */
export const RESERVED_SERVICE_SLUGS = ['area', 'day', 'format'] as const;

/** Only services that are running now; inactive ones are never published. */
export function activeServices<T extends ServiceLike>(services: readonly T[]): T[] {
  return services.filter((service) => service.data.active);
}

/** Position of a day in the week, Monday first (UK calendars). Unknown days sort last. */
export function dayIndex(day: string): number {
  const index = (WEEKDAYS as readonly string[]).indexOf(day);
  return index === -1 ? WEEKDAYS.length : index;
}

/** Days in week order, Monday first, without repeats. */
export function sortDays(days: readonly string[]): string[] {
  return [...new Set(days)].sort((a, b) => dayIndex(a) - dayIndex(b));
}

/** Orders services by their first day of the week, then start time, then name. */
export function compareServices(a: ServiceLike, b: ServiceLike): number {
  const dayA = Math.min(...a.data.days.map(dayIndex));
  const dayB = Math.min(...b.data.days.map(dayIndex));
  return dayA - dayB || a.data.startTime.localeCompare(b.data.startTime) || a.data.title.localeCompare(b.data.title);
}

/**
 * Groups services by town, towns in the order the settings list them, services in schedule order.
 * Every listed town appears, even with no services, so each can have its own page.
 */
export function groupByTown<T extends ServiceLike>(services: readonly T[], towns: readonly string[]): TownGroup<T>[] {
  return towns.map((town) => ({
    town,
    slug: slugify(town),
    services: services.filter((service) => service.data.town === town).sort(compareServices),
  }));
}

/** The days of the week that have at least one service, each with its services in order. */
export function groupByDay<T extends ServiceLike>(services: readonly T[]): FilterGroup<T>[] {
  return WEEKDAYS.map((day) => ({
    label: day,
    slug: slugify(day),
    services: services.filter((service) => service.data.days.includes(day)).sort(compareServices),
  })).filter((group) => group.services.length > 0);
}

/** The formats (in person, online, phone) that have at least one service, in the given order. */
export function groupByFormat<T extends ServiceLike>(
  services: readonly T[],
  formats: readonly string[],
): FilterGroup<T>[] {
  return formats
    .map((format) => ({
      label: format,
      slug: slugify(format),
      services: services.filter((service) => service.data.format === format).sort(compareServices),
    }))
    .filter((group) => group.services.length > 0);
}

/** The slugs the finder filters a service by (town, format, days). */
export function filterSlugs(data: ServiceFields): FilterableService {
  return { town: slugify(data.town), format: slugify(data.format), days: sortDays(data.days).map(slugify) };
}

/**
 * Refuses a service whose file name would clash with a finder folder (/services/area/ and so on),
 * naming the file.
 */
export function checkServiceSlugs(services: readonly ServiceLike[], fileOf: (service: ServiceLike) => string): void {
  for (const service of services) {
    if ((RESERVED_SERVICE_SLUGS as readonly string[]).includes(service.id)) {
      throw new ContentError(
        fileOf(service),
        undefined,
        `has a file name the services finder needs (${RESERVED_SERVICE_SLUGS.join(', ')}); rename the file`,
      );
    }
  }
}

/** A 24-hour time as people say it in the UK: "18:30" → "6:30pm", "10:00" → "10am". */
export function formatTime(time: string): string {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  if (hours === 12 && minutes === 0) return 'midday';
  if (hours === 0 && minutes === 0) return 'midnight';
  const suffix = hours < 12 ? 'am' : 'pm';
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  return minutes === 0
    ? `${String(hour12)}${suffix}`
    : `${String(hour12)}:${String(minutes).padStart(2, '0')}${suffix}`;
}

/** When a service runs, in plain words: "Every other Friday, 1pm to 2:30pm". */
export function scheduleText(data: ServiceFields): string {
  const when = `${ruleInWords(data)}, ${formatTime(data.startTime)} to ${formatTime(data.endTime)}`;
  // A course runs between two dates: without them "Every Tuesday" would promise it all year.
  return data.firstDate && data.lastDate
    ? `${when}, from ${formatUkDate(data.firstDate)} to ${formatUkDate(data.lastDate)}`
    : when;
}

/** OpenStreetMap search for an address, for the "Get directions" link (no embedded map). */
export function directionsUrl(address: string): string {
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`;
}

/** Whether a service has dated sessions to show and put in calendars (running, and not by appointment). */
export function hasSessions(data: ServiceFields): boolean {
  return data.active && data.calendar;
}

/**
 * Structured data for a service that people join at set times (a group, course or session), as a
 * schema.org Event with a repeating Schedule. Phone lines are not events, so they get none.
 */
export function serviceEventJsonLd(
  data: ServiceFields,
  pageUrl: string,
  organisationId: string,
): Record<string, unknown> | undefined {
  if (data.format === 'Phone') return undefined;
  const online = data.format === 'Online';
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: data.title,
    description: data.summary,
    url: pageUrl,
    eventAttendanceMode: online
      ? 'https://schema.org/OnlineEventAttendanceMode'
      : 'https://schema.org/OfflineEventAttendanceMode',
    eventSchedule: scheduleJsonLd(scheduleRuleFrom(data)),
    location: online
      ? { '@type': 'VirtualLocation', url: pageUrl }
      : {
          '@type': 'Place',
          name: data.venue,
          ...(data.address ? { address: data.address } : {}),
        },
    audience: { '@type': 'Audience', audienceType: data.audience },
    organizer: { '@id': organisationId },
  };
}

/** What to do to join, in plain words, for each way of joining. */
export function joinAdvice(method: string): string {
  const advice: Record<string, string> = {
    'Drop in': 'Just come along. You do not need to book.',
    Book: 'Please get in touch before you come for the first time, using the details on this page.',
    Referral:
      'You need a referral, for example from your GP or mental health team. Get in touch and we will explain how.',
  };
  return advice[method] ?? method;
}
