/**
 * The helpline registry (content/helplines/<id>.yaml): every helpline the site names, each fact
 * written once. Pages, cards, A–Z "further help" and the `:helpline[id]` directive in prose all
 * read it, so a changed number or opening time is changed everywhere by one edit.
 */
import { parseUkNumber, type UkNumberRules } from '../lib/phone-numbers';
import { boolean, defineSchema, email, normalisedText, select, text, url, type FieldsOutput } from './fields';

/**
 * Numbers that are right but are not ordinary UK numbers, by their digits, with how people write
 * them. Add one here (with its source) before using it in the registry; anything else must be a
 * number libphonenumber knows as valid.
 */
export const SHORT_CODES: Readonly<Record<string, string>> = {
  /** Emergency services. */
  '999': '999',
  /** Emergency services (the European number, also answered in the UK). */
  '112': '112',
  /** NHS 111. */
  '111': '111',
  /** Samaritans (European harmonised number for emotional support). */
  '116123': '116 123',
  /** Childline's European harmonised number (Childline also answers 0800 1111). */
  '116111': '116 111',
  /** Shout, and YoungMinds Textline (a keyword on Shout's number). */
  '85258': '85258',
  /** Papyrus HOPELINE247 by text. */
  '88247': '88247',
};

/**
 * Ofcom's ranges for drama and examples: never anyone's real number. This fictional charity's own
 * and local crisis numbers use them; a real charity can empty the list.
 */
export const RESERVED_PREFIXES: readonly string[] = ['01632960', '07700900', '02079460'];

/** The rules every registry number is read with. */
export const NUMBER_RULES: UkNumberRules = { shortCodes: SHORT_CODES, reservedPrefixes: RESERVED_PREFIXES };

/** Reads a number for the schema: its display form, or the problem and the fix. */
function normaliseNumber(value: string): { value: string } | { problem: string } {
  const result = parseUkNumber(value, NUMBER_RULES);
  return result.ok ? { value: result.number.display } : { problem: result.problem };
}

/** The UK nations a line covers. */
export const NATIONS = ['England', 'Scotland', 'Wales', 'Northern Ireland'] as const;

/** Fields of one helpline. */
export const helplinesSchema = defineSchema(
  [
    text({
      name: 'name',
      label: 'Name',
      hint: 'The name people know the line by, for example "Samaritans" or "Papyrus HOPELINE247".',
      required: true,
      max: 80,
    }),
    text({
      name: 'purpose',
      label: 'What it is for',
      hint: 'One short sentence: what the line helps with, and when to use it.',
      required: true,
      max: 200,
    }),
    text({
      name: 'audience',
      label: 'Who it is for',
      hint: 'Who can use it, with any age range, for example "People under 35" or "Anyone".',
      required: true,
      max: 120,
    }),
    select({
      name: 'nations',
      label: 'Nations covered',
      hint: 'The parts of the UK where the line answers. Choose at least one.',
      options: NATIONS,
      multiple: true,
      required: true,
    }),
    normalisedText({
      name: 'phone',
      label: 'Phone number',
      hint: 'The number to call, as the organisation writes it, for example 0800 068 4141 or 116 123. Leave empty if it has no phone line.',
      normalise: normaliseNumber,
    }),
    normalisedText({
      name: 'textNumber',
      label: 'Text number',
      hint: 'The number to send a text message to, for example 85258. Leave empty if it has no text service.',
      normalise: normaliseNumber,
    }),
    text({
      name: 'textKeyword',
      label: 'Word to text',
      hint: 'The word to send, if the service asks for one, for example SHOUT. Leave empty if any message will do.',
      pattern: { regex: /^[A-Za-z0-9]{1,20}$/, message: 'Use one word, letters and digits only, like SHOUT.' },
    }),
    email({ name: 'email', label: 'Email address', hint: 'An address people can write to for support. Optional.' }),
    url({
      name: 'url',
      label: 'Website',
      hint: 'The organisation’s page about this line (for the opening times and other ways to get in touch).',
      required: true,
    }),
    text({
      name: 'hours',
      label: 'Opening hours',
      hint: 'When it answers, in plain words, for example "5pm to midnight, every day". If you are not sure, write "See their website for opening times".',
      required: true,
      max: 120,
    }),
    boolean({
      name: 'open24Hours',
      label: 'Open 24 hours',
      hint: 'Turn on only if it answers day and night, every day. Pages then leave out the opening hours.',
      default: false,
    }),
    text({
      name: 'note',
      label: 'Note',
      hint: 'Anything people need to know when they call, for example "Choose option 2 for mental health (in England and Wales)." Optional.',
      max: 160,
    }),
    boolean({
      name: 'freeToCall',
      label: 'Free to call',
      hint: 'Turn on if calls and texts are free from UK landlines and mobiles.',
      default: false,
    }),
  ],
  [
    {
      field: 'textKeyword',
      message: 'needs a text number to send it to',
      check: (d) => !d['textKeyword'] || Boolean(d['textNumber']),
    },
    {
      // A card must not claim what it cannot show: "free to call" with nothing to call or text.
      field: 'freeToCall',
      message: 'is on, but the line has no phone or text number to call: turn it off, or add the number',
      check: (d) => !d['freeToCall'] || Boolean(d['phone']) || Boolean(d['textNumber']),
    },
  ],
);

/** One helpline's data, as validated. */
export type HelplineData = FieldsOutput<typeof helplinesSchema.fields>;

/** A registry helpline with its id (the file name in content/helplines/). */
export type Helpline = HelplineData & { id: string };
