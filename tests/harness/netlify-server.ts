/**
 * A small static server that behaves like Netlify for what the tests need: it serves a built
 * folder with pretty URLs and 404.html, applies the [[headers]] rules from netlify.toml (every
 * matching rule, with Netlify's path patterns and its default Cache-Control), and follows the
 * generated `_redirects` file, including query-parameter conditions. Form POSTs are handled as
 * Netlify Forms handles them (tests/harness/netlify-forms.ts), and kept submissions are listed.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { parse } from 'smol-toml';
import { contentType } from './mime.ts';
import { deployedForms, receiveForm, type DeployedForm, type FormSubmission } from './netlify-forms.ts';

/** One [[headers]] rule from netlify.toml. */
export interface HeaderRule {
  for: string;
  values: Record<string, string>;
}

/** Netlify's default for any file no rule gives a Cache-Control header. */
export const NETLIFY_DEFAULT_CACHE = 'public, max-age=0, must-revalidate';

/** Reads the [[headers]] rules from a netlify.toml file. */
export function readHeaderRules(tomlFile: string): HeaderRule[] {
  const config = parse(readFileSync(tomlFile, 'utf8')) as { headers?: HeaderRule[] };
  return config.headers ?? [];
}

/**
 * Netlify's path pattern as a regular expression: `:name` matches one segment, a lone `*` matches
 * the rest of the path (or nothing), and `*` inside a segment matches anything.
 */
export function patternToRegExp(pattern: string): RegExp {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const parts = pattern
    .split('/')
    .map((part) => part.trimEnd())
    .filter(Boolean)
    .map((part) => {
      if (part.startsWith(':')) return '([^/]+)';
      if (part === '*') return '?(.*)';
      if (part.includes('*')) return part.split('*').map(escape).join('(.*)');
      return escape(part);
    });
  return new RegExp(`^/${parts.join('/')}/?$`, 'iu');
}

/**
 * The headers Netlify sends for a path: every matching rule applies. If two matching rules set
 * the same header, this joins the values with a comma, the way HTTP combines repeated headers
 * (the worst case; netlify.toml is checked never to rely on it).
 */
export function headersForPath(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const rule of rules) {
    if (!patternToRegExp(rule.for).test(path)) continue;
    for (const [name, value] of Object.entries(rule.values)) {
      const key = name.toLowerCase();
      result[key] = result[key] === undefined ? value : `${result[key]}, ${value}`;
    }
  }
  result['cache-control'] ??= NETLIFY_DEFAULT_CACHE;
  return result;
}

/** One line of a `_redirects` file. */
interface RedirectLine {
  path: string;
  query: [string, string][];
  to: string;
  status: number;
}

function readRedirects(root: string): RedirectLine[] {
  const file = join(root, '_redirects');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const parts = line.split(/\s+/);
      const path = parts[0] ?? '/';
      const status = Number(/^\d+!?$/.test(parts.at(-1) ?? '') ? parts.pop()?.replace('!', '') : 301);
      const to = parts.pop() ?? '/';
      const query = parts.slice(1).map((pair) => pair.split('=') as [string, string]);
      return { path, query, to, status };
    });
}

/** Finds the file for a URL path the way Netlify does, or undefined. */
function resolveFile(root: string, path: string): string | undefined {
  const safe = normalize(decodeURIComponent(path)).replace(/^(\.\.[/\\])+/, '');
  const direct = join(root, safe);
  if (!direct.startsWith(root)) return undefined;
  if (existsSync(direct) && statSync(direct).isFile()) return direct;
  const index = join(direct, 'index.html');
  if (existsSync(index)) return index;
  const html = `${direct.replace(/\/$/, '')}.html`;
  if (existsSync(html)) return html;
  return undefined;
}

/** A running server and its address. */
export interface RunningServer {
  url: string;
  server: Server;
  /** Form submissions Netlify would have kept, oldest first (what the Forms tab would list). */
  submissions: FormSubmission[];
  close: () => Promise<void>;
}

/** Serves `root` with the headers of `tomlFile` on a free port on 127.0.0.1. */
export async function startNetlifyServer(root: string, tomlFile: string, port = 0): Promise<RunningServer> {
  const rules = readHeaderRules(tomlFile);
  const redirects = readRedirects(root);
  const submissions: FormSubmission[] = [];
  // Read when the first form arrives, so serving a large bench build does not parse every page.
  let forms: Map<string, DeployedForm> | undefined;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status: number, file: string | undefined, extra: Record<string, string> = {}) => {
      const headers = { ...headersForPath(rules, url.pathname), ...extra };
      // A Content-Type from netlify.toml wins, as on Netlify (the calendars set theirs there).
      if (file) headers['content-type'] ??= contentType(file);
      res.writeHead(status, headers);
      res.end(file && req.method !== 'HEAD' ? readFileSync(file) : undefined);
    };
    const file = resolveFile(root, url.pathname);
    if (req.method === 'POST') {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        forms ??= deployedForms(root);
        const outcome = receiveForm(forms, url.pathname, Buffer.concat(chunks).toString('utf8'));
        if (outcome.kind === 'kept') submissions.push(outcome.submission);
        // Netlify answers a received form with the page at the address it was posted to.
        if (outcome.kind !== 'unknown-form' && file) send(200, file);
        else send(404, existsSync(join(root, '404.html')) ? join(root, '404.html') : undefined);
      });
      return;
    }
    if (file) {
      // Pretty URLs: a folder asked for without its slash moves to the slashed address.
      if (file.endsWith('index.html') && !url.pathname.endsWith('/') && !url.pathname.endsWith('.html')) {
        send(301, undefined, { location: `${url.pathname}/${url.search}` });
        return;
      }
      send(200, file);
      return;
    }
    const redirect = redirects.find(
      (rule) =>
        patternToRegExp(rule.path).test(url.pathname) &&
        rule.query.every(([name, value]) => url.searchParams.get(name) === value),
    );
    if (redirect) {
      send(redirect.status, undefined, { location: redirect.to });
      return;
    }
    const notFound = join(root, '404.html');
    send(404, existsSync(notFound) ? notFound : undefined);
  });
  await new Promise<void>((resolvePromise) => server.listen(port, '127.0.0.1', resolvePromise));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    server,
    submissions,
    close: () => new Promise((resolvePromise) => server.close(() => resolvePromise())),
  };
}
