/**
 * UK phone numbers for the helpline registry, checked with libphonenumber-js (Google's
 * libphonenumber metadata, kept up to date on npm) rather than a hand-written pattern.
 *
 * Two kinds of number are not "valid numbers" to libphonenumber but are right for this site, so
 * the caller declares them: short codes (999, 111, 116 123, 85258 …) and Ofcom's drama ranges
 * (01632 960xxx), which a fictional charity uses instead of someone's real number.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** A number in the two forms the site needs. */
export interface UkNumber {
  /** As people read it: the organisation's own grouping when it gave one, e.g. "0800 58 58 58". */
  display: string;
  /** Digits as dialled in the UK, e.g. "0800585858"; what `tel:` and `sms:` addresses use. */
  dial: string;
}

/** What may be written besides ordinary UK numbers. */
export interface UkNumberRules {
  /** Short codes, digits only (e.g. "116123"), each with its usual display form. */
  shortCodes: Readonly<Record<string, string>>;
  /** Digit prefixes of ranges accepted without libphonenumber's check (e.g. Ofcom drama numbers). */
  reservedPrefixes?: readonly string[];
}

/** The result of reading a number: the number, or a problem in plain words with the fix. */
export type UkNumberResult = { ok: true; number: UkNumber } | { ok: false; problem: string };

/** Characters people use to group digits; anything else makes the number unreadable to us. */
const GROUPING = /[\s\-.\u00a0()]+/g;

/** The digits of a number as dialled in the UK (+44 7700 … → 07700 …). */
export function dialDigits(input: string): string {
  const compact = input.replace(GROUPING, '');
  if (compact.startsWith('+44')) return `0${compact.slice(3).replace(/^0/, '')}`;
  return compact;
}

/** Single spaces between the groups the editor chose; none chosen → libphonenumber's grouping. */
function displayForm(input: string, formatted: string): string {
  const groups = input
    .replace(/^\+44\s*(\(0\))?\s*/, '0')
    .split(/[\s\-.\u00a0()]+/)
    .filter(Boolean);
  return groups.length > 1 ? groups.join(' ') : formatted;
}

/**
 * Reads a UK phone number or declared short code, as an editor types it (spaces, dashes, dots or
 * +44 allowed), into its display and dialling forms; or says what is wrong and how to fix it.
 */
export function parseUkNumber(input: string, rules: UkNumberRules): UkNumberResult {
  const trimmed = input.trim();
  if (!/^\+?[0-9\s\-.\u00a0()]+$/.test(trimmed)) {
    return { ok: false, problem: `"${trimmed}" is not a phone number: use digits and spaces only, like 0800 068 4141` };
  }
  const dial = dialDigits(trimmed);
  const short = rules.shortCodes[dial];
  if (short !== undefined) return { ok: true, number: { display: short, dial } };
  if (!dial.startsWith('0')) {
    const known = Object.values(rules.shortCodes).join(', ');
    return {
      ok: false,
      problem: `"${trimmed}" is not a UK number or a known short code (known: ${known}); check the digits, or add the short code to SHORT_CODES in src/schemas/helplines.ts`,
    };
  }
  const parsed = parsePhoneNumberFromString(dial, 'GB');
  const reserved = (rules.reservedPrefixes ?? []).some((prefix) => dial.startsWith(prefix));
  if (!parsed || !(parsed.isValid() || (reserved && parsed.isPossible()))) {
    return {
      ok: false,
      problem: `"${trimmed}" is not a valid UK phone number: check the digits against the organisation's own website (a UK number has 10 or 11 digits, like 0800 068 4141)`,
    };
  }
  return { ok: true, number: { display: displayForm(trimmed, parsed.formatNational()), dial } };
}
