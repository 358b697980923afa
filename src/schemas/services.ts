/** Services and support groups (content/services/). */
import type { z } from 'astro/zod';
import { WEEKDAYS } from '../lib/schedule/dates';
import { MONTH_WEEKS, scheduleRuleFrom, type ScheduleFields } from '../lib/schedule/rules';
import { scheduleProblem } from '../lib/schedule/validation';
import { boolean, date, defineSchema, email, groupList, phone, select, text, time } from './fields';
import type { SiteLists } from './settings';

/** How a service is delivered. */
export const SERVICE_FORMATS = ['In person', 'Online', 'Phone'] as const;
/** How often a service meets. */
export const FREQUENCIES = ['Weekly', 'Fortnightly', 'Monthly'] as const;
/** How someone starts using a service. */
export const JOIN_METHODS = ['Drop in', 'Book', 'Referral'] as const;

/** Fields of a service. */
export function servicesSchema(lists: SiteLists) {
  return defineSchema(
    [
      text({ name: 'title', label: 'Name', hint: 'The name of the group or service.', required: true, max: 80 }),
      select({
        name: 'type',
        label: 'Type',
        hint: 'What kind of service it is.',
        required: true,
        options: lists.serviceTypes,
      }),
      text({
        name: 'summary',
        label: 'Summary',
        hint: 'One or two sentences shown in the list, up to 200 characters.',
        required: true,
        max: 200,
        multiline: true,
      }),
      select({
        name: 'town',
        label: 'Town or area',
        hint: 'Where it runs. Choose "Online" for online and phone services.',
        required: true,
        options: lists.towns,
      }),
      text({ name: 'venue', label: 'Venue', hint: 'The name of the place, or "Online".', required: true, max: 100 }),
      text({
        name: 'address',
        label: 'Address',
        hint: 'Street address with postcode, used for directions. Leave empty for online and phone services.',
        max: 200,
      }),
      select({
        name: 'format',
        label: 'Format',
        hint: 'How people take part.',
        required: true,
        options: SERVICE_FORMATS,
      }),
      select({
        name: 'days',
        label: 'Days',
        hint: 'The day or days it runs.',
        required: true,
        multiple: true,
        options: WEEKDAYS,
      }),
      time({
        name: 'startTime',
        label: 'Start time',
        hint: 'When it starts, on the 24-hour clock, like 18:30.',
        required: true,
      }),
      time({
        name: 'endTime',
        label: 'End time',
        hint: 'When it ends, on the 24-hour clock. Must be after the start.',
        required: true,
      }),
      select({
        name: 'frequency',
        label: 'How often',
        hint: 'How often it meets.',
        required: true,
        options: FREQUENCIES,
      }),
      select({
        name: 'weekOfMonth',
        label: 'Which week of the month',
        hint: 'Monthly groups only: for example "Second" for the second Tuesday of each month.',
        options: MONTH_WEEKS,
      }),
      date({
        name: 'firstDate',
        label: 'First session',
        hint: 'The date of one session. Needed for fortnightly groups, so we know which weeks. No sessions are shown before it.',
      }),
      date({
        name: 'lastDate',
        label: 'Last session',
        hint: 'For a course or a group that is ending: the date of the last session. Leave empty if it carries on.',
      }),
      groupList({
        name: 'cancelled',
        label: 'Cancelled sessions',
        hint: 'Dates when there is no session, such as bank holidays or a summer break. The date must be a usual session date.',
        summary: '{{fields.date}} {{fields.reason}}',
        fields: [
          date({ name: 'date', label: 'Date', hint: 'The date of the session that is cancelled.', required: true }),
          text({
            name: 'reason',
            label: 'Reason',
            hint: 'A few words people will see, such as "Bank holiday". Optional.',
            max: 120,
          }),
        ],
      }),
      groupList({
        name: 'changes',
        label: 'One-off changes',
        hint: 'A session on its usual date but at another time or place. Fill in only what changes.',
        summary: '{{fields.date}} {{fields.note}}',
        fields: [
          date({ name: 'date', label: 'Date', hint: 'The usual session date that changes.', required: true }),
          time({ name: 'startTime', label: 'Start time', hint: 'The new start time, like 18:00. Optional.' }),
          time({ name: 'endTime', label: 'End time', hint: 'The new end time, like 19:30. Optional.' }),
          text({ name: 'venue', label: 'Venue', hint: 'The place it moves to, if it moves. Optional.', max: 100 }),
          text({
            name: 'address',
            label: 'Address',
            hint: 'Street address of the new place, with postcode. Optional.',
            max: 200,
          }),
          text({
            name: 'note',
            label: 'Note',
            hint: 'A few words people will see, such as "Room 2 this week". Optional.',
            max: 120,
          }),
        ],
      }),
      boolean({
        name: 'calendar',
        label: 'Has dated sessions',
        hint: 'Turn off for services people do not come to at set times (appointments, a phone line): they get no calendar and no "Next sessions".',
        default: true,
      }),
      text({
        name: 'audience',
        label: 'Who it is for',
        hint: 'Who can come, for example "Adults aged 18 and over".',
        required: true,
        max: 200,
      }),
      text({
        name: 'cost',
        label: 'Cost',
        hint: 'For example "Free" or "£2 towards tea and biscuits".',
        required: true,
        max: 80,
      }),
      select({
        name: 'howToJoin',
        label: 'How to join',
        hint: 'Whether people can just turn up, need to book, or need a referral.',
        required: true,
        options: JOIN_METHODS,
      }),
      text({ name: 'contactName', label: 'Contact name', hint: 'First name of the person to ask. Optional.', max: 60 }),
      phone({ name: 'contactPhone', label: 'Contact phone', hint: 'A number to call about this service. Optional.' }),
      email({ name: 'contactEmail', label: 'Contact email', hint: 'An email address for this service. Optional.' }),
      boolean({
        name: 'active',
        label: 'Running now',
        hint: 'Turn off to hide the service from the site without deleting it.',
        default: true,
      }),
    ],
    [
      {
        field: 'endTime',
        message: 'must be after the start time',
        check: (d) =>
          typeof d['startTime'] !== 'string' || typeof d['endTime'] !== 'string' || d['endTime'] > d['startTime'],
      },
      // Checked here so a bad schedule stops the build with one line naming the field.
      (d) => scheduleProblem(scheduleRuleFrom(d as unknown as ScheduleFields)),
    ],
  );
}

/** The validated fields of a service, as the schema declares them. */
export type ServiceData = z.output<ReturnType<ReturnType<typeof servicesSchema>['schema']>>;
