/**
 * Click-to-call and click-to-text links. People in distress should be able to tap a number.
 */

/** `tel:` address for a UK number written with spaces (e.g. "116 123" → "tel:116123"). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^0-9+]/g, '')}`;
}

/**
 * The text of a tap-to-call link ("Call 116 123"), with non-breaking spaces so it never splits
 * across two lines: a number broken in half is easy to misread.
 */
export function noBreak(phone: string): string {
  return phone.trim().replace(/\s+/g, '\u00a0');
}

/** `sms:` address with a prefilled message (e.g. text SHOUT to 85258). */
export function smsHref(number: string, body?: string): string {
  const to = number.replace(/[^0-9+]/g, '');
  return body ? `sms:${to}?body=${encodeURIComponent(body)}` : `sms:${to}`;
}

/** `mailto:` address. */
export function mailtoHref(email: string): string {
  return `mailto:${email}`;
}

/** Splits a multi-line postal address into its lines. */
export function addressLines(address: string): string[] {
  return address
    .split(/\r?\n|,\s*/)
    .map((line) => line.trim())
    .filter(Boolean);
}
