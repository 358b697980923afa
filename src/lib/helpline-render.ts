/**
 * The one renderer for helpline contact links. `PhoneLink.astro`, the crisis-line cards, A–Z
 * "further help", the `:helpline[id]` directive in Markdown and the CMS preview all draw their
 * tap-to-call and tap-to-text links here, so the markup cannot drift between them.
 *
 * It builds hast (the HTML syntax tree remark and rehype use), which `toHtml` turns into a string
 * for the Markdown plugin, components and the CMS preview.
 */
import { mailtoHref, noBreak, smsHref, telHref } from './contact-links';

/** A text node. */
export interface HastText {
  type: 'text';
  value: string;
}

/** An element node; `className` is a list, `dataFoo` is written `data-foo`. */
export interface HastElement {
  type: 'element';
  tagName: string;
  properties: Record<string, string | string[]>;
  children: HastNode[];
}

/** A node of the small HTML trees this module makes. */
export type HastNode = HastText | HastElement;

/**
 * What the renderer reads of a registry helpline, with its id (the file name in
 * content/helplines/). src/schemas/helplines.ts declares the fields; its `Helpline` fits this
 * shape, and lib imports nothing from the schemas.
 */
export interface HelplineFields {
  id: string;
  name: string;
  url: string;
  hours: string;
  open24Hours: boolean;
  note?: string | undefined;
  phone?: string | undefined;
  textNumber?: string | undefined;
  textKeyword?: string | undefined;
  email?: string | undefined;
}

/** Which way of getting in touch a directive shows; `undefined` shows every way. */
export type HelplineShow = 'phone' | 'text' | 'email';

/** The directive's name, as written in Markdown: `:helpline[…]`. */
export const DIRECTIVE_NAME = 'helpline';

/** How the directive is written for a line (and one way of contacting it). */
export function directiveFor(id: string, show?: HelplineShow): string {
  return show ? `:${DIRECTIVE_NAME}[${id}]{show="${show}"}` : `:${DIRECTIVE_NAME}[${id}]`;
}

/** The values `show="…"` may take in a directive. */
export const HELPLINE_SHOW_VALUES: readonly HelplineShow[] = ['phone', 'text', 'email'];

const text = (value: string): HastText => ({ type: 'text', value });

function element(tagName: string, properties: HastElement['properties'], children: HastNode[]): HastElement {
  return { type: 'element', tagName, properties, children };
}

/** HTML attributes as a component passes them (false, null and undefined leave one out). */
export type HtmlAttributes = Record<string, unknown>;

/** HTML attributes (as a component receives them) as hast properties; only text, numbers and true are attribute values. */
function propertiesOf(attributes: HtmlAttributes): HastElement['properties'] {
  const properties: HastElement['properties'] = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) properties[name] = '';
    else if (typeof value === 'string' || typeof value === 'number') {
      if (name === 'class') properties['className'] = String(value).split(/\s+/).filter(Boolean);
      else properties[name] = String(value);
    }
  }
  return properties;
}

/**
 * A tap-to-call link: the address is the number's digits, the text (the number unless `label`
 * says otherwise, e.g. "Call 116 123") never breaks across lines. `attributes` are HTML
 * attributes to add (a class, a component's style scope).
 */
export function phoneLink(phone: string, label = phone, attributes: HtmlAttributes = {}): HastElement {
  return element('a', { ...propertiesOf(attributes), href: telHref(phone) }, [text(noBreak(label))]);
}

/** A tap-to-text link with the word to send filled in: "text SHOUT to 85258". */
export function smsLink(
  number: string,
  keyword: string | undefined,
  verb = 'text',
  attributes: HtmlAttributes = {},
): HastElement {
  const label = keyword ? `${verb} ${keyword} to ${noBreak(number)}` : `${verb} ${noBreak(number)}`;
  return element('a', { ...propertiesOf(attributes), href: smsHref(number, keyword) }, [text(label)]);
}

/** A link to write an email. */
export function emailLink(address: string): HastElement {
  return element('a', { href: mailtoHref(address) }, [text(address)]);
}

/** "Choose option 2." → "choose option 2", for use inside a sentence (acronyms keep their case). */
export function inSentence(words: string): string {
  const trimmed = words.trim().replace(/\.$/, '');
  return /^[A-Z][a-z]/.test(trimmed) ? trimmed.charAt(0).toLowerCase() + trimmed.slice(1) : trimmed;
}

/** What follows a number in prose: the note (", choose option 2 …") and hours unless 24 hours. */
function afterNumber(line: HelplineFields, withNote: boolean): HastNode[] {
  const nodes: HastNode[] = [];
  if (withNote && line.note) nodes.push(text(`, ${inSentence(line.note)}`));
  if (!line.open24Hours) {
    const hours = inSentence(line.hours);
    // "See their website for opening times" links to the website, so the reader can do just that.
    const match = /their website/i.exec(hours);
    nodes.push(
      element('span', { className: ['helpline-hours'] }, [
        text(' ('),
        ...(match
          ? [
              text(hours.slice(0, match.index)),
              element('a', { href: line.url }, [text(match[0])]),
              text(hours.slice(match.index + match[0].length)),
            ]
          : [text(hours)]),
        text(')'),
      ]),
    );
  }
  return nodes;
}

/** Joins phrases as English does: "a", "a or b", "a, b or c". */
function joinOr(parts: HastNode[][]): HastNode[] {
  return parts.flatMap((part, index) => {
    if (index === 0) return part;
    return [text(index === parts.length - 1 ? ' or ' : ', '), ...part];
  });
}

/** A problem with a `show` value, or undefined when the line can be shown that way. */
export function showProblem(line: HelplineFields, show: string | undefined): string | undefined {
  if (show === undefined) return undefined;
  if (!(HELPLINE_SHOW_VALUES as readonly string[]).includes(show)) {
    return `show="${show}" is not one of: ${HELPLINE_SHOW_VALUES.join(', ')}`;
  }
  const has = { phone: line.phone, text: line.textNumber, email: line.email }[show as HelplineShow];
  return has
    ? undefined
    : `show="${show}" but ${line.name} (${line.id}) has no ${show === 'text' ? 'text number' : show}`;
}

/**
 * A helpline as it appears in prose. With `show`, only that way of getting in touch (for a
 * sentence such as "call Samaritans free on …"); without it, the name and every way, e.g.
 * "Papyrus HOPELINE247: call 0800 068 4141, text 88247 or email pat@papyrus-uk.org". Either way
 * the hours follow unless the line is open 24 hours.
 */
export function helplineElement(line: HelplineFields, show?: HelplineShow): HastElement {
  const props = { className: ['helpline'], dataHelpline: line.id };
  if (show === 'phone' && line.phone) {
    return element('span', props, [phoneLink(line.phone), ...afterNumber(line, true)]);
  }
  if (show === 'text' && line.textNumber) {
    return element('span', props, [smsLink(line.textNumber, line.textKeyword), ...afterNumber(line, false)]);
  }
  if (show === 'email' && line.email) {
    return element('span', props, [emailLink(line.email), ...afterNumber(line, false)]);
  }
  const ways: HastNode[][] = [];
  if (line.phone) ways.push([text('call '), phoneLink(line.phone)]);
  if (line.textNumber) ways.push([smsLink(line.textNumber, line.textKeyword)]);
  if (line.email) ways.push([text('email '), emailLink(line.email)]);
  if (ways.length === 0) {
    return element('span', props, [element('a', { href: line.url }, [text(line.name)]), ...afterNumber(line, false)]);
  }
  return element('span', props, [
    element('strong', {}, [text(line.name)]),
    text(': '),
    ...joinOr(ways),
    ...afterNumber(line, Boolean(line.phone)),
  ]);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function escape(value: string, pattern: RegExp): string {
  return value.replace(pattern, (c) => ESCAPES[c] ?? c);
}

/** The HTML attribute name of a hast property (`className` → `class`, `dataHelpline` → `data-helpline`). */
function attributeName(property: string): string {
  if (property === 'className') return 'class';
  if (/^data[A-Z]/.test(property)) return `data${property.slice(4).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  return property;
}

/** Serialises a node made here as HTML (text and attribute values escaped). */
export function toHtml(node: HastNode): string {
  if (node.type === 'text') return escape(node.value, /[&<>]/g);
  const attributes = Object.entries(node.properties)
    .map(
      ([name, value]) => ` ${attributeName(name)}="${escape(Array.isArray(value) ? value.join(' ') : value, /[&"]/g)}"`,
    )
    .join('');
  return `<${node.tagName}${attributes}>${node.children.map(toHtml).join('')}</${node.tagName}>`;
}
