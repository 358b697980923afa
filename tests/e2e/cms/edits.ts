/**
 * What the CMS round trip's editing journeys type in, shared with the checks on the site rebuilt
 * afterwards (tests/e2e/cms/site/), so each edit is checked where a visitor would meet it.
 */
import { join } from 'node:path';
import { slugify } from '../../../src/lib/format';
import { addDays, londonDay } from '../../../src/lib/schedule/dates';
import { nextSessions, type ScheduleRule } from '../../../src/lib/schedule/rules';
import { ROOT } from '../../support/build';
import { suiteNow } from '../../support/clock';
import { readData, writtenDay } from '../../support/frontmatter';

/** A service file's schedule, as read (dates as the YAML parser gives them). */
type ScheduleFile = Omit<ScheduleRule, 'firstDate' | 'lastDate' | 'cancelled' | 'changes'> & {
  title: string;
  firstDate?: unknown;
  lastDate?: unknown;
  cancelled?: { date: unknown; reason?: string }[];
  changes?: (Omit<ScheduleRule['changes'][number], 'date'> & { date: unknown })[];
};

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

/** A session an editor cancels: the group's next usual session after the suite's day, as the site's rules give it. */
export const CANCELLATION = (() => {
  const service = 'millbrook-peer-support-group';
  const data = readData(join(ROOT, 'content/services', `${service}.md`)) as unknown as ScheduleFile;
  const rule: ScheduleRule = {
    ...data,
    firstDate: data.firstDate === undefined ? undefined : writtenDay(data.firstDate),
    lastDate: data.lastDate === undefined ? undefined : writtenDay(data.lastDate),
    cancelled: (data.cancelled ?? []).map((c) => ({ ...c, date: writtenDay(c.date) })),
    changes: (data.changes ?? []).map((c) => ({ ...c, date: writtenDay(c.date) })),
  };
  const tomorrow = addDays(londonDay(suiteNow()), 1);
  const next = nextSessions(rule, tomorrow, 5).find((s) => s.cancelled === undefined && !s.changed);
  if (!next) throw new Error(`${service} has no session to cancel in the next five`);
  return { service, title: data.title, date: next.date, reason: 'Hall being repainted' };
})();

/**
 * The helpline journeys in tests/e2e/cms/helpline-editor.spec.ts: each adds a sentence with a
 * helpline to a page, as text before and after the directive. The rebuilt site must show the line's
 * number there as a tap-to-call link (tests/e2e/cms/site/helpline-editor-published.spec.ts).
 */
export const HELPLINE_SENTENCES = {
  /** Added with the Helpline button, in the rich-text editor. */
  button: {
    file: 'news/new-group-opens-in-fernley.md',
    page: '/news/new-group-opens-in-fernley/',
    before: 'You can also ring Samaritans for free on ',
    directive: ':helpline[samaritans]{show="phone"}',
    /** Typed straight after the form closes: the cursor is back in the text, after the chip. */
    after: ' at any time.',
  },
  /** Typed in Markdown mode. */
  markdown: {
    file: 'services/support-line.md',
    page: '/services/support-line/',
    before: 'Closed? Call Samaritans on ',
    directive: ':helpline[samaritans]{show="phone"}',
    after: ' instead.',
  },
  /** Typed as text in the rich-text editor. */
  richText: {
    file: 'pages/contact.md',
    page: '/contact/',
    before: 'Or call Samaritans on ',
    directive: ':helpline[samaritans]{show="phone"}',
    after: ', free.',
  },
} as const;

/** One word added to an A–Z topic full of directives, which must all be saved as they were. */
export const A_TO_Z_WORD = {
  file: 'a-z/panic-attacks.md',
  page: '/a-z/panic-attacks/',
  after: 'Afterwards you may feel tired and shaky',
  word: ' too',
};
