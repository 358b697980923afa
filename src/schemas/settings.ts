/**
 * Site settings: every fact about the charity that an editor may change (name, number, contact
 * details, which registry helplines are the crisis lines, navigation, and the lists other content
 * chooses from).
 */
import { boolean, defineSchema, email, groupList, phone, relation, stringList, text, url } from './fields';

/**
 * Where "Exit this page" goes when the settings name nowhere else: BBC Weather, as GOV.UK
 * Frontend's component does, because it looks the same for everyone and shows nothing personal.
 */
export const EXIT_PAGE_DEFAULT_URL = 'https://www.bbc.co.uk/weather';

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
  relation({
    name: 'localCrisisLine',
    label: 'Local crisis line',
    hint: 'The local NHS crisis line for this area, from the helplines list. Shown first on the urgent-help page and in urgent help cards.',
    collection: 'helplines',
    displayField: 'name',
    multiple: false,
    required: true,
  }),
  relation({
    name: 'crisisLines',
    label: 'National crisis lines',
    hint: 'Helplines from the helplines list shown on the urgent-help page, in this order. Put emergency services first.',
    collection: 'helplines',
    displayField: 'name',
    required: true,
  }),
  text({
    name: 'exitPageUrl',
    label: "Where 'Exit this page' goes",
    hint: "The everyday website that replaces our page when someone presses 'Exit this page'. Choose one that looks the same for everyone and shows nothing personal, such as BBC Weather. It must start with https://. The Staying safe online page names it: change that page too.",
    pattern: {
      regex: /^https:\/\/[^\s/]+\.[^\s]+$/,
      message: 'Use a full web address starting with https://, like https://www.bbc.co.uk/weather.',
    },
    max: 200,
    default: EXIT_PAGE_DEFAULT_URL,
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
