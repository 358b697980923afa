/**
 * Netlify Forms, as the local Netlify stand-in (tests/harness/netlify-server.ts) needs them: at "deploy"
 * every built page is read for `<form data-netlify="true">` (or the bare `netlify` attribute), and
 * each form is known by its `name` with the fields it has in the HTML. A POST then behaves the way
 * Netlify's form handling does:
 *
 * - the body must name a known form in `form-name`, or the POST is refused (404);
 * - a submission whose honeypot field (`netlify-honeypot="…"`) is filled in is dropped without a
 *   word, and the visitor still gets the success page, so a bot learns nothing;
 * - only the fields the deployed form has are kept (Netlify drops fields it did not see at deploy);
 * - the answer is the page at the address the form posted to (its `action`), with status 200.
 *
 * Kept submissions are listed, so a test can read what the charity would see in Netlify's Forms tab.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'parse5';

/** A form Netlify found in the built pages. */
export interface DeployedForm {
  name: string;
  /** Names of the form's fields (inputs, textareas, selects), `form-name` included. */
  fields: Set<string>;
  /** The honeypot field's name, if the form has `netlify-honeypot`. */
  honeypot: string | undefined;
}

/** One kept submission. */
export interface FormSubmission {
  form: string;
  /** The address the form posted to. */
  path: string;
  /** The fields, as sent, limited to the fields the deployed form has. */
  data: Record<string, string>;
}

/** What the stand-in does with one POST. */
export type FormOutcome =
  | { kind: 'kept'; submission: FormSubmission }
  | { kind: 'spam'; form: string }
  | { kind: 'unknown-form'; name: string };

interface HtmlNode {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
  content?: HtmlNode;
}

function attr(node: HtmlNode, name: string): string | undefined {
  return node.attrs?.find((a) => a.name === name)?.value;
}

function walk(node: HtmlNode, visit: (node: HtmlNode) => void): void {
  visit(node);
  for (const child of node.childNodes ?? []) walk(child, visit);
  if (node.content) walk(node.content, visit);
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

/** The Netlify forms in one HTML document. */
export function formsInHtml(html: string): DeployedForm[] {
  const forms: DeployedForm[] = [];
  walk(parse(html), (node) => {
    if (node.nodeName !== 'form') return;
    const netlify = attr(node, 'data-netlify') === 'true' || attr(node, 'netlify') !== undefined;
    const name = attr(node, 'name');
    if (!netlify || !name) return;
    const fields = new Set<string>(['form-name']);
    walk(node, (field) => {
      const fieldName = ['input', 'textarea', 'select'].includes(field.nodeName) ? attr(field, 'name') : undefined;
      if (fieldName) fields.add(fieldName);
    });
    forms.push({ name, fields, honeypot: attr(node, 'netlify-honeypot') });
  });
  return forms;
}

/**
 * Every Netlify form in a built site, by name. Forms of the same name on many pages (one feedback
 * form on every topic) are one form to Netlify; their fields are joined.
 */
export function deployedForms(root: string): Map<string, DeployedForm> {
  const forms = new Map<string, DeployedForm>();
  for (const file of htmlFiles(root)) {
    const html = readFileSync(file, 'utf8');
    if (!/\bnetlify\b|data-netlify/.test(html)) continue;
    for (const form of formsInHtml(html)) {
      const known = forms.get(form.name);
      if (known) for (const field of form.fields) known.fields.add(field);
      else forms.set(form.name, form);
    }
  }
  return forms;
}

/** Handles one form POST (an `application/x-www-form-urlencoded` body) sent to `path`. */
export function receiveForm(forms: ReadonlyMap<string, DeployedForm>, path: string, body: string): FormOutcome {
  const sent = new URLSearchParams(body);
  const name = sent.get('form-name') ?? '';
  const form = forms.get(name);
  if (!form) return { kind: 'unknown-form', name };
  if (form.honeypot && sent.get(form.honeypot)) return { kind: 'spam', form: name };
  const data: Record<string, string> = {};
  for (const [field, value] of sent) {
    if (form.fields.has(field) && field !== form.honeypot) data[field] = value;
  }
  return { kind: 'kept', submission: { form: name, path, data } };
}
