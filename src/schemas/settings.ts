/**
 * Site settings: every fact about the charity that an editor may change (name, number, contact
 * details, crisis lines, navigation, and the lists other content chooses from).
 */
import { boolean, defineSchema, email, group, groupList, phone, stringList, text, url } from './fields';

/** A crisis or helpline contact shown on the urgent-help page and in urgent cards. */
const crisisLineFields = [
  text({ name: 'name', label: 'Name', hint: 'Who people reach, for example "Samaritans".', required: true, max: 80 }),
  text({
    name: 'description',
    label: 'What it is for',
    hint: 'One short sentence: who it helps and when.',
    required: true,
    max: 200,
  }),
  phone({
    name: 'phone',
    label: 'Phone number',
    hint: 'Number to call, digits and spaces. Leave empty if it is text only.',
  }),
  text({
    name: 'phoneNote',
    label: 'Phone note',
    hint: 'Anything to know when calling, for example "choose option 2". Optional.',
    max: 120,
  }),
  text({
    name: 'smsNumber',
    label: 'Text number',
    hint: 'Number to send a text message to. Optional.',
    max: 20,
    pattern: { regex: /^[0-9 ]+$/, message: 'Use digits and spaces only.' },
  }),
  text({
    name: 'smsBody',
    label: 'Text message',
    hint: 'What to write in the text, for example "SHOUT". Optional.',
    max: 40,
  }),
  text({
    name: 'hours',
    label: 'Opening hours',
    hint: 'When it is open, for example "24 hours, every day".',
    required: true,
    max: 80,
  }),
  url({ name: 'url', label: 'Website', hint: 'Web address for more information. Optional.' }),
];

/** Fields of the settings file (content/settings/site.yaml). */
export const settingsSchema = defineSchema([
  text({
    name: 'charityName',
    label: 'Charity name',
    hint: 'The full name shown in the header and footer.',
    required: true,
    max: 80,
  }),
  text({
    name: 'tagline',
    label: 'Who we are, in one sentence',
    hint: 'Shown on the home page and used as the default page description.',
    required: true,
    max: 200,
  }),
  text({
    name: 'charityNumber',
    label: 'Registered charity number',
    hint: 'As registered with the Charity Commission, digits only.',
    required: true,
    pattern: { regex: /^[0-9]{6,8}$/, message: 'Use the 6 to 8 digit charity number.' },
  }),
  phone({
    name: 'phone',
    label: 'Main phone number',
    hint: 'Shown in the footer and on the contact page.',
    required: true,
  }),
  email({
    name: 'email',
    label: 'Main email address',
    hint: 'Shown in the footer and on the contact page.',
    required: true,
  }),
  text({
    name: 'address',
    label: 'Postal address',
    hint: 'One part of the address on each line, ending with the postcode.',
    required: true,
    multiline: true,
    max: 300,
  }),
  groupList({
    name: 'openingHours',
    label: 'Office opening hours',
    hint: 'When the office answers the phone. One row for each set of days.',
    required: true,
    summary: '{{fields.days}}: {{fields.hours}}',
    fields: [
      text({ name: 'days', label: 'Days', hint: 'For example "Monday to Friday".', required: true, max: 60 }),
      text({ name: 'hours', label: 'Hours', hint: 'For example "9am to 5pm", or "Closed".', required: true, max: 60 }),
    ],
  }),
  groupList({
    name: 'social',
    label: 'Social media links',
    hint: 'Links to the charity on social media. Optional.',
    summary: '{{fields.label}}',
    fields: [
      text({ name: 'label', label: 'Name', hint: 'For example "Facebook".', required: true, max: 40 }),
      url({ name: 'url', label: 'Web address', hint: 'The full web address of the page.', required: true }),
    ],
  }),
  group({
    name: 'localCrisisLine',
    label: 'Local crisis line',
    hint: 'The local NHS crisis line for this area, shown first on the urgent-help page.',
    required: true,
    fields: crisisLineFields,
  }),
  groupList({
    name: 'crisisLines',
    label: 'National crisis lines',
    hint: 'National helplines shown on the urgent-help page, in this order.',
    required: true,
    min: 1,
    summary: '{{fields.name}}',
    fields: crisisLineFields,
  }),
  groupList({
    name: 'navigation',
    label: 'Main navigation',
    hint: 'The links in the header menu, in order. Keep it short: six or fewer.',
    required: true,
    min: 1,
    summary: '{{fields.label}}',
    fields: [
      text({ name: 'label', label: 'Link text', hint: 'Short words people will recognise.', required: true, max: 30 }),
      url({
        name: 'url',
        label: 'Link address',
        hint: 'A path on this site like /news/, or a full web address.',
        required: true,
      }),
    ],
  }),
  stringList({
    name: 'categories',
    label: 'News categories',
    hint: 'The categories a news post can belong to. Renaming one changes its web address.',
    required: true,
  }),
  stringList({
    name: 'towns',
    label: 'Towns and areas',
    hint: 'Places where services run. Include "Online" for online and phone services.',
    required: true,
  }),
  stringList({
    name: 'serviceTypes',
    label: 'Types of service',
    hint: 'The kinds of service the charity runs, such as "Peer support group".',
    required: true,
  }),
  boolean({
    name: 'acceptingReferrals',
    label: 'Accepting new members',
    hint: 'Turn off to show a notice that groups are full for now.',
    default: true,
  }),
]);

/** The lists that other collections choose from, taken from the settings file. */
export interface SiteLists {
  categories: readonly string[];
  towns: readonly string[];
  serviceTypes: readonly string[];
}
