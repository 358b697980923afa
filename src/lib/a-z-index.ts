/**
 * The mental health A–Z, built once per build from every topic: letters A to Z with their
 * entries (topics, and "also known as" names that point to a topic), checked cross-references,
 * and review dates. Pure TypeScript, so it is unit-tested without Astro.
 */
import { ContentError, displayPath } from './content-error';
import { normaliseForFilter } from './a-z-filter';
import { nextReviewDate, reviewReport, type ReviewReport } from './review-dates';

/**
 * The frontmatter fields of a topic that the index reads. src/schemas/a-z.ts declares them (its
 * `AzData` fits this shape, which the type checker proves wherever src/data passes one in); lib
 * stays below the schemas and imports nothing from them.
 */
export interface AzFields {
  title: string;
  summary: string;
  alsoKnownAs: string[];
  searchTerms: string[];
  relatedTopics: string[];
  relatedServices: string[];
  lastReviewed: Date;
  nextReview?: Date | undefined;
}

/** The fields the cross-reference checks look at. */
export type AzCheckedData = Pick<AzFields, 'title' | 'alsoKnownAs' | 'relatedTopics' | 'relatedServices'>;

/** What the index needs to know about one topic file. */
export interface AzInput<T, D extends AzCheckedData = AzFields> {
  /** The topic's slug (its file name), which is also its web address under /a-z/. */
  slug: string;
  /** Path of the topic's file, for error messages. */
  file: string;
  data: D;
  /** Anything the pages need later (usually the collection entry). */
  entry: T;
}

/** A topic in the built index. */
export interface AzTopic<T, D extends AzFields = AzFields> extends AzInput<T, D> {
  /** Web address of the topic's page. */
  path: string;
  /** When the next review is due (the editor's date, or three years after the last review). */
  nextReview: Date;
  /** The related topics, resolved, in the order the editor gave. */
  relatedTopics: AzTopic<T, D>[];
}

/** One line of the A–Z list: a topic, or another name that leads to a topic. */
export interface AzEntry {
  kind: 'topic' | 'synonym';
  /** Text shown in the list: the topic's title, or the other name. */
  label: string;
  /** Slug of the topic the entry leads to. */
  slug: string;
  /** Web address of that topic. */
  path: string;
  /** The topic's title (for "Manic depression — see Bipolar disorder"). */
  topicTitle: string;
  /** The topic's one-line summary. */
  summary: string;
  /** Normalised words the filter box matches against. */
  filterWords: string;
}

/** A letter of the A–Z and its entries, in order. Letters with no entries have an empty list. */
export interface AzLetter {
  letter: string;
  /** Fragment identifier of the letter's section. */
  id: string;
  entries: AzEntry[];
}

/** The whole A–Z. */
export interface AzIndex<T, D extends AzFields = AzFields> {
  /** A to Z, always 26 letters, then "0–9" only if a title starts with something else. */
  letters: AzLetter[];
  /** Every topic, alphabetical. */
  topics: AzTopic<T, D>[];
  bySlug: Map<string, AzTopic<T, D>>;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
const OTHER = '0–9';

/** The text a label sorts by: lower case, accents removed, a leading "The" ignored. */
export function sortKey(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .replace(/^the\s+/i, '')
    .toLowerCase();
}

/** The letter a label is filed under (ignoring a leading "The"), or "0–9" for anything else. */
export function letterOf(label: string): string {
  const first = sortKey(label).charAt(0).toUpperCase();
  return ALPHABET.includes(first) ? first : OTHER;
}

/**
 * British English order, ignoring case and accents, with numbers by value. One collator for every
 * comparison: `localeCompare` with a locale and options is specified as a new `Intl.Collator`'s
 * `compare` each time (ECMA-402), and sorting the A–Z made hundreds of them.
 */
const LABEL_ORDER = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/** Case-insensitive alphabetical order that ignores a leading "The". */
export function compareLabels(a: string, b: string): number {
  return LABEL_ORDER.compare(sortKey(a), sortKey(b)) || a.localeCompare(b);
}

/**
 * File names a topic may not have, because the A–Z uses their address for something else:
 * /a-z/thank-you/ is where the "Was this page useful?" form lands.
 */
export const RESERVED_AZ_SLUGS: readonly string[] = ['thank-you'];

/**
 * Checks the references between topics and services. Throws a one-line ContentError naming the
 * file and the field for: a file name the A–Z keeps for itself (RESERVED_AZ_SLUGS), a related topic or service that does not exist, an "also known as" name
 * claimed by two topics, one that is another topic's title (or the same topic's own title), or one
 * listed twice. Topics are checked in slug order, so the same content always names the same file.
 */
export function checkAzReferences(
  topics: readonly Pick<AzInput<unknown, AzCheckedData>, 'slug' | 'file' | 'data'>[],
  serviceSlugs: Iterable<string>,
): void {
  const ordered = [...topics].sort((a, b) => a.slug.localeCompare(b.slug));
  const topicSlugs = new Set(ordered.map((t) => t.slug));
  const services = new Set(serviceSlugs);
  const titles = new Map(ordered.map((t) => [sortKey(t.data.title), t]));
  const synonymOwner = new Map<string, (typeof ordered)[number]>();

  for (const topic of ordered) {
    if (RESERVED_AZ_SLUGS.includes(topic.slug)) {
      throw new ContentError(
        topic.file,
        undefined,
        `has a file name that the site uses for /a-z/${topic.slug}/; rename the file`,
      );
    }
    for (const slug of topic.data.relatedTopics) {
      if (!topicSlugs.has(slug)) {
        throw new ContentError(topic.file, 'relatedTopics', `names "${slug}", which is not an A–Z topic`);
      }
      if (slug === topic.slug) {
        throw new ContentError(topic.file, 'relatedTopics', `names "${slug}", which is this topic itself`);
      }
    }
    for (const slug of topic.data.relatedServices) {
      if (!services.has(slug)) {
        throw new ContentError(topic.file, 'relatedServices', `names "${slug}", which is not a service`);
      }
    }
    const own = new Set<string>();
    for (const synonym of topic.data.alsoKnownAs) {
      const key = sortKey(synonym);
      if (own.has(key)) {
        throw new ContentError(topic.file, 'alsoKnownAs', `lists "${synonym}" twice`);
      }
      own.add(key);
      const titled = titles.get(key);
      if (titled) {
        const whose = titled === topic ? 'this topic’s own title' : `the title of ${displayPath(titled.file)}`;
        throw new ContentError(topic.file, 'alsoKnownAs', `has "${synonym}", which is ${whose}`);
      }
      const owner = synonymOwner.get(key);
      if (owner) {
        throw new ContentError(
          topic.file,
          'alsoKnownAs',
          `has "${synonym}", which is already another name of ${displayPath(owner.file)} (each may lead to one topic only)`,
        );
      }
      synonymOwner.set(key, topic);
    }
  }
}

/**
 * Builds the A–Z from every topic: checks references (see checkAzReferences), works out review
 * dates, and files each topic and each of its "also known as" names under its letter.
 */
export function buildAzIndex<T, D extends AzFields>(
  inputs: readonly AzInput<T, D>[],
  serviceSlugs: Iterable<string>,
): AzIndex<T, D> {
  checkAzReferences(inputs, serviceSlugs);
  const topics: AzTopic<T, D>[] = inputs
    .map((input) => ({
      ...input,
      path: `/a-z/${input.slug}/`,
      nextReview: nextReviewDate(input.data.lastReviewed, input.data.nextReview),
      relatedTopics: [],
    }))
    .sort((a, b) => compareLabels(a.data.title, b.data.title));
  const bySlug = new Map(topics.map((t) => [t.slug, t]));
  for (const topic of topics) {
    topic.relatedTopics = topic.data.relatedTopics.map((slug) => bySlug.get(slug) as AzTopic<T, D>);
  }

  const entries: AzEntry[] = topics.flatMap((topic) => {
    const { title, summary, alsoKnownAs, searchTerms } = topic.data;
    const base = { slug: topic.slug, path: topic.path, topicTitle: title, summary };
    return [
      {
        ...base,
        kind: 'topic' as const,
        label: title,
        filterWords: normaliseForFilter([title, ...alsoKnownAs, ...searchTerms].join(' ')),
      },
      ...alsoKnownAs.map((synonym) => ({
        ...base,
        kind: 'synonym' as const,
        label: synonym,
        filterWords: normaliseForFilter(`${synonym} ${title}`),
      })),
    ];
  });
  entries.sort((a, b) => compareLabels(a.label, b.label));

  const letters: AzLetter[] = [...ALPHABET, OTHER].map((letter) => ({
    letter,
    id: letter === OTHER ? 'letter-other' : `letter-${letter.toLowerCase()}`,
    entries: entries.filter((entry) => letterOf(entry.label) === letter),
  }));
  return { letters: letters.filter((l) => l.letter !== OTHER || l.entries.length > 0), topics, bySlug };
}

/** Topics whose review is overdue or due within the window, for warnings and reports. */
export function azReviewReport<T, D extends AzFields>(
  index: AzIndex<T, D>,
  today: Date,
): ReviewReport<AzTopic<T, D> & { title: string }> {
  return reviewReport(
    index.topics.map((topic) => ({ ...topic, title: topic.data.title })),
    today,
  );
}

/** The one-line build warning that lists overdue topics, or undefined when none are overdue. */
export function overdueWarning(
  overdue: readonly { title: string; file: string; nextReview: Date }[],
): string | undefined {
  if (overdue.length === 0) return undefined;
  const list = overdue
    .map((t) => `${t.title} (${displayPath(t.file)}, due ${t.nextReview.toISOString().slice(0, 10)})`)
    .join('; ');
  const count = overdue.length === 1 ? '1 A–Z topic is' : `${overdue.length} A–Z topics are`;
  return `Review overdue: ${count} past the next review date and still published: ${list}. Run "npm run content:review" for details.`;
}
