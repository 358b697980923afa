/**
 * What the CMS round trip's editing journeys type in, shared with the checks on the site rebuilt
 * afterwards (tests/e2e/cms/site/), so each edit is checked where a visitor would meet it.
 */
import { slugify } from '../../../src/lib/format';

/** Added to the first A–Z topic's "Also known as". */
export const NEW_OTHER_NAME = 'Feeling stuck in a rut';

/** The charity's new phone number, typed into the site settings (Ofcom's drama range). */
export const NEW_PHONE = '01632 960987';

/**
 * Samaritans' number, changed in the helpline registry to a number in Ofcom's range for drama
 * (0808 157 0xxx), so it is valid but nobody's real line.
 */
export const NEW_HELPLINE = { id: 'samaritans', phone: '0808 157 0123' };

/** The news post written in the editor, with a hero image. */
export const POST = {
  title: 'Walk and talk returns to Hollowell park',
  alt: 'A wide green park path with trees on both sides.',
  get slug() {
    return slugify(this.title);
  },
};
