import { describe, expect, it } from 'vitest';
import {
  activeServices,
  directionsUrl,
  filterSlugs,
  formatTime,
  groupByDay,
  groupByFormat,
  groupByTown,
  joinAdvice,
  checkServiceSlugs,
  scheduleText,
  serviceEventJsonLd,
  sortDays,
  type ServiceLike,
} from '../../src/lib/services';
import { filterQuery, matchesFilter, parseFilter, resultsMessage } from '../../src/lib/service-filter';
import { SERVICE_FORMATS, type ServiceData } from '../../src/schemas/services';

/** A valid service's fields, with the given changes. */
function service(id: string, changes: Partial<ServiceData> = {}): ServiceLike {
  return {
    id,
    data: {
      title: id,
      type: 'Peer support group',
      summary: 'A group.',
      town: 'Millbrook',
      venue: 'Hall',
      address: '1 Test Street, Millbrook, MB1 1AA',
      format: 'In person',
      days: ['Tuesday'],
      startTime: '18:30',
      endTime: '20:00',
      frequency: 'Weekly',
      weekOfMonth: undefined,
      firstDate: undefined,
      lastDate: undefined,
      cancelled: [],
      changes: [],
      calendar: true,
      audience: 'Adults',
      cost: 'Free',
      howToJoin: 'Drop in',
      contactName: undefined,
      contactPhone: undefined,
      contactEmail: undefined,
      active: true,
      ...changes,
    },
  };
}

const TOWNS = ['Millbrook', 'Ashford Green', 'Online'];

describe('which services are published', () => {
  it('leaves out inactive services', () => {
    const list = [service('running'), service('paused', { active: false })];
    expect(activeServices(list).map((s) => s.id)).toEqual(['running']);
  });
  it('refuses a service whose file name is a finder folder', () => {
    expect(() => checkServiceSlugs([service('area')], () => '/x/content/services/area.md')).toThrow(
      /Content error in .*services\/area\.md: has a file name the services finder needs/,
    );
    expect(() => checkServiceSlugs([service('areas')], () => 'x')).not.toThrow();
  });
});

describe('grouping and order', () => {
  const list = [
    service('online-group', { town: 'Online', format: 'Online', days: ['Wednesday'] }),
    service('late-tuesday', { startTime: '19:00', endTime: '20:00' }),
    service('monday-and-friday', { days: ['Friday', 'Monday'] }),
    service('early-tuesday', { startTime: '10:00', endTime: '11:00' }),
  ];
  it('groups by town in the settings order, keeping towns with no services', () => {
    const groups = groupByTown(list, TOWNS);
    expect(groups.map((g) => [g.town, g.slug, g.services.length])).toEqual([
      ['Millbrook', 'millbrook', 3],
      ['Ashford Green', 'ashford-green', 0],
      ['Online', 'online', 1],
    ]);
  });
  it('orders services within a town by first day of the week, then start time', () => {
    const [millbrook] = groupByTown(list, TOWNS);
    expect(millbrook?.services.map((s) => s.id)).toEqual(['monday-and-friday', 'early-tuesday', 'late-tuesday']);
  });
  it('puts days Monday first and drops repeats', () => {
    expect(sortDays(['Sunday', 'Monday', 'Friday', 'Monday'])).toEqual(['Monday', 'Friday', 'Sunday']);
  });
  it('offers only the days and formats that have services, in week and settings order', () => {
    expect(groupByDay(list).map((d) => d.slug)).toEqual(['monday', 'tuesday', 'wednesday', 'friday']);
    expect(groupByFormat(list, SERVICE_FORMATS).map((f) => [f.slug, f.services.length])).toEqual([
      ['in-person', 3],
      ['online', 1],
    ]);
  });
  it('gives each service the slugs the filters use', () => {
    expect(filterSlugs(service('x', { town: 'Ashford Green', days: ['Friday', 'Monday'] }).data)).toEqual({
      town: 'ashford-green',
      format: 'in-person',
      days: ['monday', 'friday'],
    });
  });
});

describe('the filter', () => {
  const allowed = { town: ['millbrook', 'online'], format: ['in-person', 'online'], day: ['tuesday', 'friday'] };
  const tuesdayInMillbrook = { town: 'millbrook', format: 'in-person', days: ['tuesday'] };
  it('reads known choices from the address and ignores unknown ones', () => {
    expect(parseFilter('?town=millbrook&day=friday', allowed)).toEqual({ town: 'millbrook', day: 'friday' });
    expect(parseFilter('?town=atlantis&format=online', allowed)).toEqual({ format: 'online' });
    expect(parseFilter('', allowed)).toEqual({});
  });
  it('writes the address with keys in a fixed order', () => {
    expect(filterQuery({ day: 'tuesday', town: 'millbrook' })).toBe('?town=millbrook&day=tuesday');
    expect(filterQuery({})).toBe('');
  });
  it('matches only services that meet every choice', () => {
    expect(matchesFilter(tuesdayInMillbrook, {})).toBe(true);
    expect(matchesFilter(tuesdayInMillbrook, { town: 'millbrook', day: 'tuesday' })).toBe(true);
    expect(matchesFilter(tuesdayInMillbrook, { town: 'millbrook', day: 'friday' })).toBe(false);
    expect(matchesFilter(tuesdayInMillbrook, { format: 'online' })).toBe(false);
  });
  it('says how many services were found', () => {
    expect(resultsMessage(0)).toBe('No services found');
    expect(resultsMessage(1)).toBe('1 service found');
    expect(resultsMessage(12)).toBe('12 services found');
  });
});

describe('times and schedules in words', () => {
  it('writes times the UK way', () => {
    expect(formatTime('18:30')).toBe('6:30pm');
    expect(formatTime('10:00')).toBe('10am');
    expect(formatTime('12:00')).toBe('midday');
    expect(formatTime('12:15')).toBe('12:15pm');
    expect(formatTime('00:30')).toBe('12:30am');
  });
  it('describes weekly, fortnightly and monthly meetings', () => {
    expect(scheduleText(service('a').data)).toBe('Every Tuesday, 6:30pm to 8pm');
    expect(scheduleText(service('b', { frequency: 'Fortnightly', days: ['Friday'] }).data)).toBe(
      'Every other Friday, 6:30pm to 8pm',
    );
    const course = { firstDate: new Date('2027-01-12'), lastDate: new Date('2027-02-16') };
    expect(scheduleText(service('e', course).data)).toBe(
      'Every Tuesday, 6:30pm to 8pm, from 12 January 2027 to 16 February 2027',
    );
    expect(scheduleText(service('f', { frequency: 'Monthly', weekOfMonth: 'Second' }).data)).toBe(
      'On the second Tuesday of each month, 6:30pm to 8pm',
    );
    expect(scheduleText(service('c', { frequency: 'Monthly', days: ['Saturday'] }).data)).toBe(
      'Once a month, on a Saturday, 6:30pm to 8pm',
    );
    expect(scheduleText(service('d', { days: ['Friday', 'Monday', 'Wednesday'] }).data)).toBe(
      'Every Monday, Wednesday and Friday, 6:30pm to 8pm',
    );
  });
  it('explains each way of joining', () => {
    expect(joinAdvice('Drop in')).toMatch(/do not need to book/);
    expect(joinAdvice('Referral')).toMatch(/referral/);
  });
});

describe('directions and structured data', () => {
  it('sends "Get directions" to an OpenStreetMap search for the address', () => {
    expect(directionsUrl('4 Mill Lane, Millbrook, MB1 3CD')).toBe(
      'https://www.openstreetmap.org/search?query=4%20Mill%20Lane%2C%20Millbrook%2C%20MB1%203CD',
    );
  });
  it('describes a group as an Event with a repeating schedule at its venue', () => {
    const data = service('x', { days: ['Thursday', 'Monday'], frequency: 'Fortnightly' }).data;
    const event = serviceEventJsonLd(data, 'https://example.org/services/x/', 'https://example.org/#organisation');
    expect(event).toMatchObject({
      '@type': 'Event',
      name: 'x',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      eventSchedule: {
        '@type': 'Schedule',
        byDay: ['https://schema.org/Monday', 'https://schema.org/Thursday'],
        startTime: '18:30:00',
        endTime: '20:00:00',
        repeatFrequency: 'P2W',
      },
      location: { '@type': 'Place', name: 'Hall', address: '1 Test Street, Millbrook, MB1 1AA' },
      organizer: { '@id': 'https://example.org/#organisation' },
    });
  });
  it('gives an online group a virtual location, and a phone line no Event', () => {
    const online = service('o', { format: 'Online', town: 'Online', venue: 'Online', address: undefined }).data;
    expect(serviceEventJsonLd(online, 'https://example.org/services/o/', 'id')).toMatchObject({
      eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
      location: { '@type': 'VirtualLocation', url: 'https://example.org/services/o/' },
    });
    expect(serviceEventJsonLd(service('p', { format: 'Phone' }).data, 'u', 'id')).toBeUndefined();
  });
});
