import { describe, expect, it } from 'vitest';
import { addressLines, noBreak, smsHref, telHref } from '../../src/lib/contact-links';
import { formatUkDate, slugify } from '../../src/lib/format';

describe('contact links', () => {
  it('makes tap-to-call links from numbers written with spaces', () => {
    expect(telHref('116 123')).toBe('tel:116123');
    expect(telHref('01632 960123')).toBe('tel:01632960123');
  });
  it('keeps tap-to-call link text on one line with non-breaking spaces', () => {
    expect(noBreak(' Call  01632 960123 ')).toBe('Call\u00a001632\u00a0960123');
  });
  it('makes a tap-to-text link with the message filled in', () => {
    expect(smsHref('85258', 'SHOUT')).toBe('sms:85258?body=SHOUT');
  });
  it('splits an address into lines', () => {
    expect(addressLines('The Old Library\n12 Station Road\nMB1 2AB')).toEqual([
      'The Old Library',
      '12 Station Road',
      'MB1 2AB',
    ]);
  });
});

describe('formatting', () => {
  it('writes dates the UK way, in UK time', () => {
    expect(formatUkDate(new Date('2020-05-20T09:00:00Z'))).toBe('20 May 2020');
    // 23:30 UTC on 31 May is already 1 June in British Summer Time.
    expect(formatUkDate(new Date('2020-05-31T23:30:00Z'))).toBe('1 June 2020');
  });
  it('makes URL slugs from labels', () => {
    expect(slugify('Ashford Green')).toBe('ashford-green');
    expect(slugify('Drop-in & Café')).toBe('drop-in-and-cafe');
  });
});
