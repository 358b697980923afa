/**
 * The built site served as Netlify serves it, for the tests and benchmarks: files by `sirv`
 * (content types from `mrmime`), headers from netlify.toml read by Netlify's own
 * `@netlify/headers-parser`, redirects from the generated `_redirects` file read by
 * `@netlify/redirect-parser`, pretty URLs and 404.html, and text compressed on the way out by
 * `compression` (Netlify compresses too). `playwright.config.ts` runs it for the whole browser
 * suite (`node tests/harness/netlify-server.ts dist`), so every page a test opens carries the real
 * CSP and headers. Form POSTs are handled as Netlify Forms handles them
 * (tests/harness/netlify-forms.ts), and kept submissions are listed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseAllHeaders, type Header } from '@netlify/headers-parser';
import { parseAllRedirects } from '@netlify/redirect-parser';
import compression from 'compression';
import sirv from 'sirv';
import { deployedForms, receiveForm, type DeployedForm, type FormSubmission } from './netlify-forms.ts';

/** Netlify's default for any file no rule gives a Cache-Control header. */
export const NETLIFY_DEFAULT_CACHE = 'public, max-age=0, must-revalidate';

/** One [[headers]] rule, as Netlify's parser gives it: the `for` pattern, its RegExp and the values. */
export type HeaderRule = Header;

/** A redirect, as Netlify's parser gives it (the fields this server uses). */
export interface Redirect {
  /** The path part of `from` (without the host). */
  path: string;
  /** Query parameters the request must carry, as `name = value`. */
  query: Record<string, string>;
  to: string;
  status: number;
  /** The path as a RegExp, with Netlify's pattern syntax. */
  pathRegExp: RegExp;
}

/** Throws one line for the first problem Netlify's parser found. */
function failOn(errors: readonly Error[], what: string): void {
  const [first] = errors;
  if (first) throw new Error(`${what}: ${first.message.split('\n').join(' ')}`);
}

/**
 * The [[headers]] rules of a netlify.toml file (and a site's `_headers` file, if `root` has one),
 * read by `parseAllHeaders` from @netlify/headers-parser 10 (lib/all.js), which gives each rule
 * the `forRegExp` Netlify matches paths with.
 */
export async function readHeaderRules(tomlFile: string, root?: string): Promise<HeaderRule[]> {
  const headersFile = root ? join(root, '_headers') : undefined;
  const { headers, errors } = await parseAllHeaders({
    headersFiles: headersFile && existsSync(headersFile) ? [headersFile] : [],
    netlifyConfigPath: tomlFile,
    configHeaders: [],
    minimal: false,
  });
  failOn(errors, `Headers in ${tomlFile}`);
  return headers as HeaderRule[];
}

/**
 * The headers Netlify sends for a path: every matching rule applies. If two matching rules set
 * the same header, this joins the values with a comma, the way HTTP combines repeated headers
 * (the worst case; netlify.toml is checked never to rely on it).
 */
export function headersForPath(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const rule of rules) {
    if (!rule.forRegExp.test(path)) continue;
    for (const [name, value] of Object.entries(rule.values)) {
      const key = name.toLowerCase();
      result[key] = result[key] === undefined ? value : `${result[key]}, ${value}`;
    }
  }
  result['cache-control'] ??= NETLIFY_DEFAULT_CACHE;
  return result;
}

/**
 * The redirects of a built site's `_redirects` file and netlify.toml, read by `parseAllRedirects`
 * from @netlify/redirect-parser 16 (lib/all.js). Redirect paths use the same pattern syntax as
 * header paths (`:name`, `*`), so their RegExps come from Netlify's headers parser too.
 */
export async function readRedirects(root: string, tomlFile?: string): Promise<Redirect[]> {
  const redirectsFile = join(root, '_redirects');
  const { redirects, errors } = await parseAllRedirects({
    redirectsFiles: existsSync(redirectsFile) ? [redirectsFile] : [],
    ...(tomlFile ? { netlifyConfigPath: tomlFile } : {}),
    configRedirects: [],
    minimal: false,
  });
  failOn(errors as Error[], `Redirects in ${redirectsFile}`);
  const parsed = redirects as Omit<Redirect, 'pathRegExp'>[];
  const { headers } = await parseAllHeaders({
    headersFiles: [],
    configHeaders: parsed.map((redirect) => ({ for: redirect.path, values: { 'x-redirect': redirect.to } })),
    minimal: false,
  });
  return parsed.map((redirect, index) => ({ ...redirect, pathRegExp: (headers[index] as Header).forRegExp }));
}

/** A running server and its address. */
export interface RunningServer {
  url: string;
  server: Server;
  /** Form submissions Netlify would have kept, oldest first (what the Forms tab would list). */
  submissions: FormSubmission[];
  close: () => Promise<void>;
}

/** Serves `root` as Netlify would, with the headers of `tomlFile`, on 127.0.0.1 (a free port unless given). */
export async function startNetlifyServer(root: string, tomlFile: string, port = 0): Promise<RunningServer> {
  const site = resolve(root);
  const rules = await readHeaderRules(tomlFile, site);
  const redirects = await readRedirects(site, tomlFile);
  // compression 1.8 is Express middleware but reads only Node's own request and response (its
  // index.js: req.headers, req.method, res.setHeader/write/end), so it runs on a plain server.
  const compress = compression() as unknown as (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
  // dev: look files up on each request (a test may rebuild the folder); setHeaders runs before
  // sirv writes its own, and sirv keeps a header already set (sirv 3, build.mjs: send()).
  const files = sirv(site, {
    dev: true,
    etag: false,
    setHeaders: (res, pathname) => {
      for (const [name, value] of Object.entries(headersForPath(rules, pathname))) res.setHeader(name, value);
    },
  });
  const notFound = join(site, '404.html');
  const submissions: FormSubmission[] = [];
  // Read when the first form arrives, so serving a large bench build does not parse every page.
  let forms: Map<string, DeployedForm> | undefined;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status: number, extra: Record<string, string>, body?: Buffer) => {
      res.writeHead(status, { ...headersForPath(rules, url.pathname), ...extra });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method === 'POST') {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        forms ??= deployedForms(site);
        const outcome = receiveForm(forms, url.pathname, Buffer.concat(chunks).toString('utf8'));
        if (outcome.kind === 'kept') submissions.push(outcome.submission);
        // Netlify answers a received form with the page at the address it was posted to.
        const path = decodeURIComponent(url.pathname);
        const page = join(site, path, path.endsWith('/') ? 'index.html' : '');
        if (outcome.kind !== 'unknown-form' && existsSync(page)) {
          send(200, { 'content-type': 'text/html;charset=utf-8' }, readFileSync(page));
        } else if (existsSync(notFound)) {
          send(404, { 'content-type': 'text/html;charset=utf-8' }, readFileSync(notFound));
        } else send(404, {});
      });
      return;
    }
    // Pretty URLs: a folder asked for without its slash moves to the slashed address.
    if (!url.pathname.endsWith('/') && existsSync(join(site, decodeURIComponent(url.pathname), 'index.html'))) {
      send(301, { location: `${url.pathname}/${url.search}` });
      return;
    }
    files(req, res, () => {
      const redirect = redirects.find(
        (rule) =>
          rule.pathRegExp.test(url.pathname) &&
          Object.entries(rule.query).every(([name, value]) => url.searchParams.get(name) === value),
      );
      if (redirect) send(redirect.status, { location: redirect.to });
      else if (existsSync(notFound)) send(404, { 'content-type': 'text/html;charset=utf-8' }, readFileSync(notFound));
      else send(404, {});
    });
  };

  const server = createServer((req, res) => {
    compress(req, res, () => handle(req, res));
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(actual)}`,
    server,
    submissions,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

// `node tests/harness/netlify-server.ts <folder> [port]`: what Playwright starts for the browser
// suite. The port defaults to PREVIEW_PORT (4399).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [folder = 'dist', port = process.env['PREVIEW_PORT'] ?? '4399'] = process.argv.slice(2);
  if (!existsSync(join(folder, 'index.html'))) {
    console.error(`No built site in ${folder}/: run \`npm run build\` first.`);
    process.exit(1);
  }
  const running = await startNetlifyServer(folder, 'netlify.toml', Number(port));
  console.log(`Serving ${folder}/ as Netlify would at ${running.url}/`);
  const stop = () => void running.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
