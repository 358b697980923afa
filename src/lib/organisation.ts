/**
 * The charity as schema.org structured data (an NGO), from the settings file.
 */
import { addressLines } from './contact-links';

/** The charity's facts this reads (src/schemas/settings.ts declares them; its settings fit). */
export interface OrganisationFacts {
  charityName: string;
  charityNumber: string;
  tagline: string;
  address: string;
  phone: string;
  email: string;
  social: { label: string; url: string }[];
}

/** The `@id` that other structured data uses to point at the charity. */
export function organisationId(siteUrl: string): string {
  return `${siteUrl.replace(/\/$/, '')}/#organisation`;
}

/**
 * A postal address split the way schema.org wants it. The settings hint asks for one part per
 * line ending with the postcode, so the last line is the postcode and the one before the town.
 */
export function postalAddress(address: string): Record<string, string> {
  const lines = addressLines(address);
  const postalCode = lines.at(-1) ?? '';
  const locality = lines.length > 1 ? (lines.at(-2) ?? '') : '';
  return {
    '@type': 'PostalAddress',
    streetAddress: lines.slice(0, -2).join(', '),
    addressLocality: locality,
    postalCode,
    addressCountry: 'GB',
  };
}

/** The charity as an NGO, with its registered number as the identifier. */
export function organisationJsonLd(settings: OrganisationFacts, siteUrl: string): Record<string, unknown> {
  const url = `${siteUrl.replace(/\/$/, '')}/`;
  return {
    '@context': 'https://schema.org',
    '@type': 'NGO',
    '@id': organisationId(siteUrl),
    name: settings.charityName,
    description: settings.tagline,
    url,
    identifier: {
      '@type': 'PropertyValue',
      propertyID: 'Registered charity number',
      value: settings.charityNumber,
    },
    address: postalAddress(settings.address),
    telephone: settings.phone,
    email: settings.email,
    ...(settings.social.length > 0 ? { sameAs: settings.social.map((link) => link.url) } : {}),
  };
}
