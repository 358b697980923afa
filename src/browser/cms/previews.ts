/**
 * Preview templates for the CMS: news posts and A–Z topics drawn with the site's own stylesheet
 * and the same structure as the real pages (heading, date, summary, body), so editors see what
 * readers will see, and pages, values and services as their heading, lead line and text. Above
 * each, the build's reading grade and its language and helpline checks of the text being typed.
 * Decap renders them with its bundled React, reached through `window.h` and `window.createClass`.
 */
import { READING_TARGETS } from '../../lib/content-report';
import { suggestion, type ContentChecks } from '../../lib/content-rules';
import { formatUkDate, isoDate } from '../../lib/format';
import { checkHelplineProse, type HelplineRegistry, type ProseFinding } from '../../lib/helpline-prose';
import type { HelplineNamer } from '../../lib/markdown-prose';
import { checkProse, type ProseCheckResult, type TextField } from '../../lib/prose-check';
import { readingLevel } from '../../lib/reading-level';
import { passedDatesOf } from '../../lib/stale-dates';

/** A React-style element, as far as these templates need to know. */
type Node = unknown;
/** Decap's global `h` (React.createElement). */
type CreateElement = (type: string, props?: Record<string, unknown> | null, ...children: Node[]) => Node;

/** The part of Decap's preview props the templates use. */
export interface PreviewProps {
  entry: { getIn: (path: string[]) => unknown };
  /** The collection's fields, as Decap's preview pane passes them (an Immutable.js list). */
  fields?: unknown;
  widgetFor: (name: string) => Node;
  getAsset: (path: string) => { toString: () => string } | undefined;
}

/**
 * Decap's global `createClass` (create-react-class, which decap-cms.js puts on `window`), for the
 * one part of a preview that keeps state of its own: the language check, whose answer comes later.
 */
export type CreateClass = (spec: Record<string, unknown>) => unknown;

/** The part of the global `CMS` object this module uses. */
export interface DecapCms {
  registerPreviewStyle: (url: string) => void;
  registerPreviewTemplate: (name: string, component: (props: PreviewProps) => Node) => void;
}

/** A field's value as plain data (Decap hands lists and objects over as Immutable.js values). */
function field(props: PreviewProps, name: string): unknown {
  const value = props.entry.getIn(['data', name]);
  const immutable = value as { toJS?: () => unknown } | null | undefined;
  return typeof immutable?.toJS === 'function' ? immutable.toJS() : value;
}

/** A text field, or an empty string. */
function text(props: PreviewProps, name: string): string {
  const value = field(props, name);
  return typeof value === 'string' ? value : '';
}

/** A list-of-text field, without empty items. */
function list(props: PreviewProps, name: string): string[] {
  const value = field(props, name);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item !== '') : [];
}

/** A date field as a Date, or undefined while it is empty or unfinished. */
function dateOf(props: PreviewProps, name: string): Date | undefined {
  const value = field(props, name);
  if (!(typeof value === 'string' || value instanceof Date) || value === '') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A `<time>` element, or a reminder that the date is still empty. */
function time(h: CreateElement, date: Date | undefined, missing: string): Node {
  return date
    ? h('time', { dateTime: isoDate(date) }, formatUkDate(date))
    : h('span', { className: 'missing' }, missing);
}

/** The page heading, or a reminder while the title is empty. */
function heading(h: CreateElement, title: string): Node {
  return h('h1', null, title || h('span', { className: 'missing' }, 'Add a title'));
}

/**
 * The reading grade of the body being typed, worked out by the same function as the build and
 * `npm run content:report`, so the editor sees the build's number while writing.
 */
export function readingGradeNote(
  h: CreateElement,
  body: string,
  collection: string,
  helplineName?: HelplineNamer,
): Node {
  const level = readingLevel(body, helplineName);
  const target = READING_TARGETS[collection];
  if (level.grade === undefined)
    return h('p', { className: 'reading-grade', role: 'status' }, 'Reading grade: no text yet');
  const over = target !== undefined && level.grade > target.max;
  return h(
    'p',
    { className: over ? 'reading-grade over' : 'reading-grade', role: 'status' },
    `Reading grade ${level.grade.toFixed(1)}`,
    target
      ? ` (aim for ${target.max.toFixed(1)} or below${over ? ': use shorter sentences and everyday words' : ''})`
      : '',
    ` · ${String(level.words)} words · ${String(level.sentences)} ${level.sentences === 1 ? 'sentence' : 'sentences'}`,
  );
}

/** What the language check found, as lines for an editor: what stops the build, and what is worth changing. */
export interface LanguageLines {
  stops: string[];
  worthChanging: string[];
  /** Whether a stop is about a helpline, so the note says how to add one with the editor. */
  helplines: boolean;
}

/**
 * The content gate's findings (src/lib/prose-check.ts) as an editor reads them beside the text: the
 * words, the wording to use instead and why, and which field when it is not the text. No line
 * numbers: they count from the top of the file, which the editor does not show.
 */
export function languageLines(
  result: ProseCheckResult,
  helplines: { errors: readonly ProseFinding[]; warnings: readonly ProseFinding[] } = { errors: [], warnings: [] },
  passedDates: readonly string[] = [],
): LanguageLines {
  const lines: LanguageLines = {
    stops: helplines.errors.map((error) => `${error.message}.`),
    worthChanging: [...helplines.warnings.map((warning) => `${warning.message}.`), ...passedDates],
    helplines: helplines.errors.length > 0,
  };
  for (const finding of result.findings) {
    const verb = finding.rule.level === 'fail' ? 'write' : 'consider';
    const where = finding.field ? `In the ${finding.field}, "${finding.text}"` : `"${finding.text}"`;
    const line = `${where}: ${verb} ${suggestion(finding.rule)} instead. ${finding.rule.why}`;
    (finding.rule.level === 'fail' ? lines.stops : lines.worthChanging).push(line);
  }
  for (const problem of result.commentProblems) {
    (problem.level === 'fail' ? lines.stops : lines.worthChanging).push(`The text ${problem.problem}.`);
  }
  return lines;
}

/** The language check's note: what to change, or that there is nothing to change. */
function languageNote(h: CreateElement, lines: LanguageLines | undefined): Node {
  if (!lines) return h('p', { className: 'language-check', role: 'status' }, 'Language check: checking…');
  if (lines.stops.length === 0 && lines.worthChanging.length === 0) {
    return h('p', { className: 'language-check', role: 'status' }, 'Language check: nothing to change.');
  }
  const list = (items: string[]) => h('ul', null, ...items.map((item) => h('li', { key: item }, item)));
  return h(
    'div',
    { className: lines.stops.length > 0 ? 'language-check stops' : 'language-check', role: 'status' },
    lines.stops.length > 0
      ? h(
          'p',
          null,
          h('strong', null, 'Change this before you publish. The site cannot update while the page says it:'),
        )
      : null,
    lines.stops.length > 0 ? list(lines.stops) : null,
    lines.helplines
      ? h('p', null, 'To add a helpline, choose + at the end of the toolbar, then Helpline. Its number shows itself.')
      : null,
    lines.worthChanging.length > 0 ? h('p', null, h('strong', null, 'Worth changing:')) : null,
    lines.worthChanging.length > 0 ? list(lines.worthChanging) : null,
  );
}

/** A news post's dates as the editor holds them, for the check of dates that have passed. */
export interface PostDates {
  date?: Date | undefined;
  updated?: Date | undefined;
  draft: boolean;
}

/**
 * The dates a published news post still offers as if they were to come, though they have passed
 * by `now`: the build's warning (src/content/news-dates.ts), from the same `passedDatesOf` of
 * src/lib/stale-dates.ts, without the line number, as of the editor's own clock.
 */
export function passedDateLines(body: string, post: PostDates, now: Date): string[] {
  return passedDatesOf(body, post, now).map(
    (date) =>
      `"${date.text}" has passed, but the text offers it as if it were still to come: say it has happened, or update the post.`,
  );
}

/** How long typing pauses before the language check runs again. */
const CHECK_PAUSE_MS = 300;

/** The language check's props: the text, and the fields checked with it. */
interface LanguageCheckProps {
  body: string;
  fields: TextField[];
  /** A news post's dates, for the check of dates that have passed. */
  post?: PostDates | undefined;
}

/**
 * The build's language check (the content gate's `checkProse`, with the rules of
 * content-rules.yaml) and its helpline check (`checkHelplineProse`, with the registry from
 * /admin/helplines.json and the charity's own numbers) run on the text being typed, so an editor
 * sees what would stop the site updating, and what the build would warn about, before they publish
 * it; for a news post, also the dates it still offers that have passed (`passedDateLines`). The
 * rules and numbers come from /admin/content-checks.json. `checkProse` answers asynchronously, so this is a
 * component with its own state: each change asks again, and only the latest answer is shown.
 */
export function languageCheck(
  h: CreateElement,
  createClass: CreateClass,
  checks: Promise<ContentChecks>,
  registry: Promise<HelplineRegistry>,
): unknown {
  type Self = {
    props: LanguageCheckProps;
    state: { lines?: LanguageLines };
    asked?: number;
    timer?: ReturnType<typeof setTimeout>;
    setState: (state: { lines: LanguageLines }) => void;
    check: () => void;
  };
  const textOf = (props: LanguageCheckProps) =>
    [
      props.body,
      ...props.fields.map((f) => f.value),
      props.post
        ? `${String(props.post.date?.getTime())} ${String(props.post.updated?.getTime())} ${String(props.post.draft)}`
        : '',
    ].join('\u0000');
  return createClass({
    displayName: 'LanguageCheck',
    getInitialState: () => ({}),
    componentDidMount(this: Self) {
      this.check();
    },
    componentDidUpdate(this: Self, previous: LanguageCheckProps) {
      if (textOf(previous) === textOf(this.props)) return;
      // Once typing pauses: a long topic's words are split into sentences for each check.
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.check(), CHECK_PAUSE_MS);
    },
    componentWillUnmount(this: Self) {
      clearTimeout(this.timer);
      this.asked = Number.NaN;
    },
    check(this: Self) {
      const asked = (this.asked = (this.asked ?? 0) + 1);
      const { body, fields, post } = this.props;
      void Promise.all([checks, registry]).then(async ([{ rules, ownDials }, lines]) => {
        const result = await checkProse(body, rules, fields);
        // With no registry (it could not be fetched), every helpline would look unknown.
        const helplines = lines.size > 0 ? checkHelplineProse(body, lines, new Set(ownDials)) : undefined;
        const passed = post ? passedDateLines(body, post, new Date()) : [];
        if (asked === this.asked) this.setState({ lines: languageLines(result, helplines, passed) });
      });
    },
    render(this: Self) {
      return languageNote(h, this.state.lines);
    },
  });
}

/** The language check for a preview's text and every text field, if the editor has one. */
function languageCheckFor(h: CreateElement, check: unknown, props: PreviewProps, post?: PostDates): Node {
  if (!check) return null;
  return h(check as string, { body: text(props, 'body'), fields: textFieldsOf(props), post });
}

/**
 * The one-line and several-line text fields of the entry (Decap's `string` and `text` widgets),
 * each named by its label as the editor sees it: the content gate checks every text field a
 * collection declares. Decap hands every preview the collection's fields (the `fields` prop of
 * decap-cms-core's EditorPreviewPane, an Immutable.js list).
 */
function textFieldsOf(props: PreviewProps): TextField[] {
  const fields = ((props.fields as { toJS?: () => unknown } | undefined)?.toJS?.() ?? []) as {
    name: string;
    label?: string;
    widget?: string;
  }[];
  return fields
    .filter((f) => (f.widget === 'string' || f.widget === 'text') && f.name !== 'body')
    .map((f) => {
      const label = f.label ?? f.name;
      return { name: label.charAt(0).toLowerCase() + label.slice(1), value: text(props, f.name), line: 1 };
    })
    .filter((f) => f.value !== '');
}

/** Preview of a news post, laid out like /news/<slug>/. */
export function newsPreview(h: CreateElement, helplineName?: HelplineNamer, check?: unknown) {
  return function NewsPreview(props: PreviewProps): Node {
    const image = text(props, 'image');
    const warning = text(props, 'contentWarning');
    const author = text(props, 'author');
    return h(
      'article',
      { className: 'cms-preview' },
      readingGradeNote(h, text(props, 'body'), 'news', helplineName),
      languageCheckFor(h, check, props, {
        date: dateOf(props, 'date'),
        updated: dateOf(props, 'updated'),
        draft: field(props, 'draft') === true,
      }),
      h('p', { className: 'eyebrow' }, text(props, 'category') || 'News'),
      heading(h, text(props, 'title')),
      h(
        'p',
        { className: 'meta' },
        'Published ',
        time(h, dateOf(props, 'date'), 'no date yet'),
        author ? ` by ${author}` : '',
      ),
      warning ? h('p', { className: 'content-warning' }, h('strong', null, 'Content warning: '), warning) : null,
      h('p', { className: 'lead' }, text(props, 'summary')),
      image
        ? h('img', { className: 'hero', src: props.getAsset(image)?.toString() ?? '', alt: text(props, 'imageAlt') })
        : null,
      h('div', { className: 'prose' }, props.widgetFor('body')),
    );
  };
}

/** Preview of an A–Z topic, laid out like /a-z/<slug>/. */
export function azPreview(h: CreateElement, helplineName?: HelplineNamer, check?: unknown) {
  return function AzPreview(props: PreviewProps): Node {
    const alsoKnownAs = list(props, 'alsoKnownAs');
    const sources = field(props, 'sources');
    const sourceLinks = Array.isArray(sources) ? (sources as { title?: string; url?: string }[]) : [];
    const reviewedBy = text(props, 'reviewedBy');
    const isGuide = field(props, 'kind') === 'guide';
    const help = field(props, 'furtherHelp');
    const links = Array.isArray(help) ? (help as { helpline?: string; label?: string; url?: string }[]) : [];
    const nextReview = dateOf(props, 'nextReview');
    return h(
      'article',
      { className: 'cms-preview' },
      readingGradeNote(h, text(props, 'body'), 'a-z', helplineName),
      languageCheckFor(h, check, props),
      h('p', { className: 'eyebrow' }, 'Mental health A–Z'),
      heading(h, text(props, 'title')),
      alsoKnownAs.length > 0 ? h('p', { className: 'meta' }, `Also known as: ${alsoKnownAs.join(', ')}`) : null,
      isGuide
        ? h('p', { className: 'meta' }, 'Guide: use headings that fit the topic. "Signs" is for conditions only.')
        : null,
      h('p', { className: 'lead' }, text(props, 'summary')),
      field(props, 'urgent') === true
        ? h(
            'aside',
            { className: 'urgent-card' },
            h('h2', null, 'If you need help now'),
            h('p', null, 'The urgent help card is shown here: call 999 if a life is at risk, NHS 111, or Samaritans.'),
          )
        : null,
      h('div', { className: 'prose' }, props.widgetFor('body')),
      links.length > 0
        ? h(
            'section',
            null,
            h('h2', null, 'Further help'),
            h(
              'ul',
              null,
              ...links.map((link) =>
                // A registry helpline is named by its id here; the page fills in its name and numbers.
                link.helpline
                  ? h('li', { key: link.helpline }, `Helpline: ${link.helpline}`)
                  : h('li', { key: link.url ?? link.label }, h('a', { href: link.url }, link.label ?? link.url ?? '')),
              ),
            ),
          )
        : null,
      h(
        'p',
        { className: 'meta' },
        'Last reviewed ',
        time(h, dateOf(props, 'lastReviewed'), 'no date yet'),
        nextReview ? '. Next review due ' : '',
        nextReview ? time(h, nextReview, '') : '',
        '.',
        reviewedBy ? ` Reviewed by: ${reviewedBy}.` : '',
      ),
      sourceLinks.length > 0
        ? h(
            'section',
            null,
            h('h2', null, 'Sources'),
            h(
              'ul',
              null,
              ...sourceLinks.map((source) =>
                h(
                  'li',
                  { key: source.url ?? source.title },
                  h('a', { href: source.url }, source.title ?? source.url ?? ''),
                ),
              ),
            ),
          )
        : null,
    );
  };
}

/**
 * Preview of a page, a value or a service: its heading, its lead line (`leadField`: a page's
 * description, a value's or service's summary) and its text, with the reading grade and language
 * check above it, as for news and the A–Z. (A service's days, times and place are its form's fields.)
 */
export function textPreview(
  h: CreateElement,
  collection: string,
  leadField: string,
  helplineName?: HelplineNamer,
  check?: unknown,
) {
  return function TextPreview(props: PreviewProps): Node {
    return h(
      'article',
      { className: 'cms-preview' },
      readingGradeNote(h, text(props, 'body'), collection, helplineName),
      languageCheckFor(h, check, props),
      heading(h, text(props, 'title')),
      h('p', { className: 'lead' }, text(props, leadField)),
      h('div', { className: 'prose' }, props.widgetFor('body')),
    );
  };
}

/**
 * Registers the preview stylesheet and templates with the CMS. `helplineName` gives the reading
 * grade each helpline's name, as the build reads it; with `createClass` and the language rules,
 * the previews also run the build's language check on the text being typed.
 */
export function registerPreviews(
  cms: DecapCms,
  h: CreateElement,
  styleUrl: string,
  helplineName?: HelplineNamer,
  language?: { createClass: CreateClass; checks: Promise<ContentChecks>; registry: Promise<HelplineRegistry> },
): void {
  const check = language ? languageCheck(h, language.createClass, language.checks, language.registry) : undefined;
  cms.registerPreviewStyle(styleUrl);
  cms.registerPreviewTemplate('news', newsPreview(h, helplineName, check));
  cms.registerPreviewTemplate('a-z', azPreview(h, helplineName, check));
  cms.registerPreviewTemplate('pages', textPreview(h, 'pages', 'description', helplineName, check));
  cms.registerPreviewTemplate('values', textPreview(h, 'values', 'summary', helplineName, check));
  cms.registerPreviewTemplate('services', textPreview(h, 'services', 'summary', helplineName, check));
}
