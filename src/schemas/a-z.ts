/** Mental health A–Z topics (content/a-z/). */
import {
  boolean,
  date,
  defineSchema,
  groupList,
  relation,
  select,
  stringList,
  text,
  url,
  type FieldsOutput,
} from './fields';
import { quickExitField } from './quick-exit';

/** Fields of an A–Z topic. */
export const azSchema = defineSchema(
  [
    text({
      name: 'title',
      label: 'Title',
      hint: 'The name of the topic, as most people would say it.',
      required: true,
      max: 80,
    }),
    text({
      name: 'summary',
      label: 'Summary',
      hint: 'One line shown in the A–Z list, up to 160 characters.',
      required: true,
      max: 160,
    }),
    select({
      name: 'kind',
      label: 'Kind of topic',
      hint: 'A condition (like depression) uses the usual headings: What is it?, Signs, What can help, Getting support. A guide (like advocacy, money or the law) uses its own headings and may not use "Signs".',
      options: ['condition', 'guide'],
      default: 'condition',
    }),
    stringList({
      name: 'alsoKnownAs',
      label: 'Also known as',
      hint: 'Other names for exactly this topic, separated by commas. Each is shown on the page and in the A–Z list, and leads here. Not other conditions, types or symptoms: put those in search terms.',
    }),
    stringList({
      name: 'searchTerms',
      label: 'Search terms',
      hint: 'Words people might search with (symptoms, types, everyday words like "feeling low"), separated by commas. Not shown on the page.',
    }),
    boolean({
      name: 'urgent',
      label: 'Show the urgent help card',
      hint: 'Turn on for topics where someone may be at immediate risk.',
      default: false,
    }),
    quickExitField,
    relation({
      name: 'relatedTopics',
      label: 'Related topics',
      hint: 'Other A–Z topics to suggest. Optional.',
      collection: 'a-z',
    }),
    relation({
      name: 'relatedServices',
      label: 'Related services',
      hint: 'Our services that may help with this. Optional.',
      collection: 'services',
    }),
    stringList({
      name: 'tags',
      label: 'Tags',
      hint: 'News posts with the same tags are shown as related. Lower case, separated by commas. Optional.',
      itemMax: 40,
    }),
    groupList({
      name: 'furtherHelp',
      label: 'Further help',
      hint: 'Trusted places for more help. Choose a helpline (its name, numbers and hours come from the helplines list), or give a name and web address for a web page.',
      summary: '{{fields.helpline}}{{fields.label}}',
      fields: [
        relation({
          name: 'helpline',
          label: 'Helpline',
          hint: 'A helpline from the helplines list. Leave the name and web address empty when you choose one.',
          collection: 'helplines',
          displayField: 'name',
          multiple: false,
        }),
        text({ name: 'label', label: 'Name', hint: 'Who the link goes to, for a web page (not a helpline).', max: 80 }),
        url({ name: 'url', label: 'Web address', hint: 'The full web address, for a web page (not a helpline).' }),
      ],
      itemCheck: (item) => {
        if (item.helpline) {
          const extra = (['label', 'url'] as const).find((name) => item[name]);
          return extra
            ? {
                field: extra,
                problem:
                  'must be left out when the item is a helpline (its name, link and numbers come from the helplines list)',
              }
            : undefined;
        }
        if (!item.label) return { field: 'label', problem: 'is required (or choose a helpline instead)' };
        if (!item.url) return { field: 'url', problem: 'is required (or choose a helpline instead)' };
        return undefined;
      },
    }),
    groupList({
      name: 'sources',
      label: 'Sources',
      hint: 'The pages the facts came from: the NHS, Mind or charity page for this topic (not a home page). At least one.',
      summary: '{{fields.title}}',
      min: 1,
      required: true,
      fields: [
        text({
          name: 'title',
          label: 'Title',
          hint: 'The page title, like "NHS – Depression in adults".',
          required: true,
          max: 120,
        }),
        url({ name: 'url', label: 'Web address', hint: 'The full web address of the page.', required: true }),
      ],
    }),
    text({
      name: 'reviewedBy',
      label: 'Reviewed by',
      hint: 'The role of the person who checked the facts, such as "Clinical adviser". A role, not a name.',
      required: true,
      max: 80,
    }),
    date({
      name: 'lastReviewed',
      label: 'Last reviewed',
      hint: 'The date the content was last checked.',
      required: true,
    }),
    date({
      name: 'nextReview',
      label: 'Next review due',
      hint: 'When it should next be checked. Leave empty for three years after the last review.',
    }),
  ],
  [
    {
      field: 'nextReview',
      message: 'must be after the last-reviewed date',
      check: (d) =>
        !(d['nextReview'] instanceof Date && d['lastReviewed'] instanceof Date) || d['nextReview'] > d['lastReviewed'],
    },
  ],
);

/** The validated frontmatter of an A–Z topic. */
export type AzData = FieldsOutput<typeof azSchema.fields>;
