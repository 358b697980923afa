import { describe, expect, it } from 'vitest';
import { toJsonLd } from '../../src/lib/json-ld';
import { organisationJsonLd, postalAddress } from '../../src/lib/organisation';

const settings = {
  charityName: 'Test Charity',
  charityNumber: '7654321',
  tagline: 'We help.',
  address: 'The Hall\n1 High Street\nTesttown\nTT1 1TT',
  phone: '01632 960000',
  email: 'hi@example.org',
  social: [],
};

describe('organisation structured data', () => {
  it('describes the charity as an NGO with its number, address, phone, email and web address', () => {
    expect(organisationJsonLd(settings, 'https://example.org/')).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NGO',
      '@id': 'https://example.org/#organisation',
      name: 'Test Charity',
      description: 'We help.',
      url: 'https://example.org/',
      identifier: { '@type': 'PropertyValue', propertyID: 'Registered charity number', value: '7654321' },
      address: {
        '@type': 'PostalAddress',
        streetAddress: 'The Hall, 1 High Street',
        addressLocality: 'Testtown',
        postalCode: 'TT1 1TT',
        addressCountry: 'GB',
      },
      telephone: '01632 960000',
      email: 'hi@example.org',
    });
  });
  it('reads an address written on one line with commas', () => {
    expect(postalAddress('1 High Street, Testtown, TT1 1TT')).toMatchObject({
      streetAddress: '1 High Street',
      addressLocality: 'Testtown',
      postalCode: 'TT1 1TT',
    });
  });
  it('cannot end its script element early', () => {
    expect(toJsonLd({ name: '</script><script>alert(1)</script>' })).not.toContain('</script>');
  });
});
