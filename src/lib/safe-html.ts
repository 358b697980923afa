/**
 * Checks the HTML that Markdown produces against an allow-list. Astro passes raw HTML in Markdown
 * straight through, so anything that could run code (scripts, frames, forms, event handlers,
 * javascript: links) or break the page's security policy (style attributes) fails the build
 * instead of reaching visitors or feed readers.
 */
import { parseFragment } from 'parse5';

/** Elements Markdown produces, plus a few harmless ones editors may write by hand. */
const ALLOWED_ELEMENTS = new Set([
  'p',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'a',
  'em',
  'strong',
  'b',
  'i',
  'code',
  'pre',
  'blockquote',
  'hr',
  'br',
  'img',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'del',
  's',
  'sup',
  'sub',
  'details',
  'summary',
  'abbr',
  'span',
  'section',
  'dl',
  'dt',
  'dd',
  'mark',
  'small',
  'kbd',
  'input',
]);

/** Attributes any allowed element may carry. */
const GLOBAL_ATTRIBUTES = new Set(['id', 'class', 'title', 'lang', 'dir', 'align']);

/** Extra attributes for particular elements. */
const ELEMENT_ATTRIBUTES: Record<string, Set<string>> = {
  a: new Set(['href', 'rel']),
  // Astro marks a Markdown image of a local file with a placeholder attribute that it replaces
  // with the optimised image when the page is rendered.
  img: new Set(['src', 'alt', 'width', 'height', 'loading', 'decoding', '__astro_image_']),
  ol: new Set(['start']),
  td: new Set(['colspan', 'rowspan']),
  th: new Set(['colspan', 'rowspan', 'scope']),
  details: new Set(['open']),
  // GitHub-style task lists render as disabled checkboxes.
  input: new Set(['type', 'checked', 'disabled']),
  pre: new Set(['tabindex']),
};

/**
 * URL schemes a link or image may use (sms: for tap-to-text helplines); anything else
 * (javascript:, data:, vbscript:) is refused.
 */
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto', 'tel', 'sms']);

/** Control characters and line breaks, shown as spaces so an error message stays on one line. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]+/g;

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node;
}

/**
 * Lists what is unsafe in a fragment of HTML, in plain words. An empty list means it is safe.
 */
export function findUnsafeHtml(html: string): string[] {
  return isPlainlySafe(html) ? [] : findUnsafeHtmlByParsing(html);
}

/** The full check: parses the fragment as a browser would and visits every element. */
export function findUnsafeHtmlByParsing(html: string): string[] {
  const problems: string[] = [];
  const visit = (node: Node): void => {
    if (node.tagName) checkElement(node, problems);
    for (const child of node.childNodes ?? []) visit(child);
    if (node.content) visit(node.content);
  };
  visit(parseFragment(html));
  return problems;
}

/** HTML's own whitespace between a tag's parts (not \s, which also matches no-break spaces). */
const SPACE = '[\\t\\n\\f\\r ]';
/** A start tag in the plainest form: a lower-case name, then names with double-quoted values. */
const START_TAG = new RegExp(`<([a-z][a-z0-9]*)((?:${SPACE}+[a-z][a-z0-9-]*(?:="[^"&<>]*")?)*)${SPACE}*/?>`, 'y');
/** One attribute of such a tag. */
const ATTRIBUTE = new RegExp(`${SPACE}+([a-z][a-z0-9-]*)(?:="([^"]*)")?`, 'g');
/** An end tag in its plainest form. */
const END_TAG = new RegExp(`</([a-z][a-z0-9]*)${SPACE}*>`, 'y');

/**
 * A quick pass over the HTML Markdown produces, so most files skip the full parse (parse5's
 * tokenizer was a tenth of content sync's time). It says yes only when every `<` opens a plain tag
 * (lower-case names, double-quoted values with no character references to decode) and every tag and
 * attribute is allowed with a safe link. Then no element can hide from it: outside a tag, HTML
 * starts an element only at `<` followed by a letter, and none of the allowed elements changes how
 * the text after it is read (as <script>, <style>, <textarea> or <svg> do). Anything else, such as a
 * comment, an upper-case name, an entity in a link or a disallowed tag, goes to parse5 for the
 * full check and its message.
 */
export function isPlainlySafe(html: string): boolean {
  for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', at)) {
    END_TAG.lastIndex = at;
    const end = END_TAG.exec(html);
    if (end) {
      if (!ALLOWED_ELEMENTS.has(end[1] ?? '')) return false;
      at = END_TAG.lastIndex;
      continue;
    }
    START_TAG.lastIndex = at;
    const start = START_TAG.exec(html);
    if (!start) return false;
    const tag = start[1] ?? '';
    if (!ALLOWED_ELEMENTS.has(tag) || tag === 'input') return false;
    for (const [, name = '', value] of (start[2] ?? '').matchAll(ATTRIBUTE)) {
      if (!isAllowedAttribute(tag, name)) return false;
      if ((name === 'href' || name === 'src') && !isSafeUrl(value ?? '')) return false;
    }
    at = START_TAG.lastIndex;
  }
  return true;
}

/** Whether the allow-list lets `tag` carry the attribute `name` (its value is checked apart). */
function isAllowedAttribute(tag: string, name: string): boolean {
  return (
    GLOBAL_ATTRIBUTES.has(name) ||
    name.startsWith('aria-') ||
    name.startsWith('data-') ||
    (ELEMENT_ATTRIBUTES[tag]?.has(name) ?? false)
  );
}

function checkElement(node: Node, problems: string[]): void {
  const tag = node.tagName ?? '';
  if (tag === 'h1') {
    problems.push('has a top-level heading (#); the page title is the only one, so start at ##');
    return;
  }
  if (!ALLOWED_ELEMENTS.has(tag)) {
    problems.push(`contains a <${tag}> element, which is not allowed in content`);
    return;
  }
  if (tag === 'input' && !(node.attrs ?? []).some((a) => a.name === 'disabled')) {
    problems.push('contains an <input> element, which is not allowed in content');
  }
  for (const { name, value } of node.attrs ?? []) {
    if (!isAllowedAttribute(tag, name)) {
      problems.push(`has a "${name}" attribute on <${tag}>, which is not allowed in content`);
    } else if (name === ASTRO_IMAGE_ATTRIBUTE && !isSafeUrl(astroImageSrc(value))) {
      problems.push(`has an image "${astroImageSrc(value).slice(0, 40)}", which is not a web address or a file`);
    } else if ((name === 'href' || name === 'src') && !isSafeUrl(value)) {
      const shown = value.replace(CONTROL_CHARACTERS, ' ').trim().slice(0, 40);
      problems.push(`has a link to "${shown}", which is not a web, email or phone address`);
    }
  }
}

/** Astro's placeholder for a local Markdown image (see ELEMENT_ATTRIBUTES). */
const ASTRO_IMAGE_ATTRIBUTE = '__astro_image_';

/** The file an Astro image placeholder points at (its JSON value holds `src`). */
function astroImageSrc(value: string): string {
  try {
    const src = (JSON.parse(value) as { src?: unknown }).src;
    return typeof src === 'string' ? src : 'javascript:';
  } catch {
    return 'javascript:';
  }
}

/** True for relative URLs and http(s), mailto and tel links, however the scheme is disguised. */
export function isSafeUrl(value: string): boolean {
  // Browsers ignore control characters and whitespace inside a scheme, so remove them first.
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const cleaned = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(cleaned);
  if (!scheme) return true;
  return ALLOWED_SCHEMES.has(scheme[1] ?? '');
}
