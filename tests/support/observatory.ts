/**
 * MDN's HTTP Observatory (`@mdn/mdn-http-observatory`) grading our own served pages. Its `scan()`
 * fetches a live host over the internet; here the retrieval its tests read (`Requests`) is built
 * from what the local Netlify stand-in serves, placed at the production address, and its tests
 * and grader then run exactly as its `src/scanner/index.js` runs them.
 */
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ALL_TESTS } from '@mdn/mdn-http-observatory/src/constants.js';
import { MINIMUM_SCORE_FOR_EXTRA_CREDIT } from '@mdn/mdn-http-observatory/src/grader/charts.js';
import { getGradeForScore, getScoreModifier } from '@mdn/mdn-http-observatory/src/grader/grader.js';
import { Session } from '@mdn/mdn-http-observatory/src/retriever/session.js';
import { parseHttpEquivHeaders } from '@mdn/mdn-http-observatory/src/retriever/utils.js';
import { HTML_TYPES, Requests } from '@mdn/mdn-http-observatory/src/types.js';
import { SITE_URL } from '../../src/config';

/** A response as served: status, headers (lower-case names) and body. */
export interface ServedResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
}

/** The Observatory's verdict: score, grade, and each test's result by test name. */
export interface ObservatoryScan {
  score: number;
  grade: string;
  results: Record<string, string>;
}

// The package reads Chromium's HSTS preload list from conf/hsts-preload.json, which only its
// install script downloads (not run: no network in CI, see allowScripts in package.json). Our
// host is not on that list, so an empty list gives the same verdict as the real one.
const preloadList = join(
  dirname(createRequire(import.meta.url).resolve('@mdn/mdn-http-observatory/package.json')),
  'conf',
  'hsts-preload.json',
);
if (!existsSync(preloadList)) {
  // Written whole and then renamed, so a test worker reading it in parallel never sees half a file.
  writeFileSync(`${preloadList}.${process.pid}`, '{}');
  renameSync(`${preloadList}.${process.pid}`, preloadList);
}

/** The Content Security Policies in an HTML document's `<meta http-equiv>` tags, as the package reads them. */
export function metaPolicies(html: string): string[] {
  return parseHttpEquivHeaders(html, `${SITE_URL}/`).get('content-security-policy') ?? [];
}

/** Headers as the package reads them: own entries, and `get` as on axios' headers. */
function axiosHeaders(headers: ServedResponse['headers']) {
  return Object.defineProperty({ ...headers }, 'get', { value: (name: string) => headers[name.toLowerCase()] ?? null });
}

/**
 * Grades one response for `path` as if the production host had sent it over https, with plain
 * http redirecting to the same address over https (Netlify forces https on its domains).
 * @param cors The answer to the scanner's CORS preflight; none means it was not answered.
 */
export function gradeResponse(path: string, page: ServedResponse, cors?: ServedResponse): ObservatoryScan {
  const url = new URL(path, `${SITE_URL}/`);
  const requests = new Requests(url.hostname);
  // A session at the production address: the cookie test reads its jar, the CSP test its URL.
  const session = new Session(url);
  for (const cookie of [page.headers['set-cookie'] ?? []].flat()) session.jar.setCookieSync(cookie, url.href);
  const html = HTML_TYPES.has(String(page.headers['content-type']).split(';')[0] ?? '') && page.body;
  const response = {
    status: page.status,
    headers: axiosHeaders(page.headers),
    data: page.body,
    verified: true,
    httpEquiv: html ? parseHttpEquivHeaders(html, url.href) : new Map(),
  };
  const httpUrl = new URL(url);
  httpUrl.protocol = 'http:';
  requests.session = session;
  requests.resources.path = page.body;
  requests.responses.auto = response;
  requests.responses.https = response;
  requests.responses.http = response;
  requests.responses.httpRedirects = [
    { url: httpUrl, status: 301 },
    { url, status: page.status },
  ];
  requests.responses.httpsRedirects = requests.responses.httpRedirects;
  requests.responses.cors = cors
    ? { status: cors.status, headers: axiosHeaders(cors.headers), data: cors.body, verified: true }
    : null;

  // From here on, as in the package's scanner: penalties always count; bonuses only when the
  // score without them already earns an A.
  if (page.status < 200 || (page.status >= 400 && ![401, 403].includes(page.status)))
    throw new Error(`Site did respond with an unexpected HTTP status code ${page.status}.`);
  const outputs = ALL_TESTS.map((test) => test(requests));
  let scoreWithExtraCredit = 100;
  let uncurvedScore = 100;
  const results: Record<string, string> = {};
  for (const output of outputs) {
    if (!output.result) continue;
    results[(output.constructor as { name: string }).name] = output.result;
    const modifier = getScoreModifier(output.result);
    scoreWithExtraCredit += modifier;
    if (modifier < 0) uncurvedScore += modifier;
  }
  const { score, grade } = getGradeForScore(
    uncurvedScore >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? scoreWithExtraCredit : uncurvedScore,
  );
  return { score, grade, results };
}

/** Fetches `path` from a running server as the scanner asks for it, and grades it. */
export async function scanServed(baseUrl: string, path: string): Promise<ObservatoryScan> {
  const read = async (response: Response): Promise<ServedResponse> => ({
    status: response.status,
    headers: { ...Object.fromEntries(response.headers), 'set-cookie': response.headers.getSetCookie() },
    body: await response.text(),
  });
  const address = new URL(path, baseUrl);
  const page = await fetch(address, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
  const cors = await fetch(address, {
    method: 'OPTIONS',
    headers: { 'access-control-request-method': 'GET', origin: 'https://http-observatory.security.mozilla.org' },
  });
  return gradeResponse(path, await read(page), await read(cors));
}
