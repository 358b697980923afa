/**
 * The scoring rules of the MDN HTTP Observatory (github.com/mdn/mdn-http-observatory,
 * src/grader/charts.js and src/analyzer/tests/*), applied to one response: its headers and its
 * HTML. Start at 100; penalties always count, bonuses only if the score without them is 90 or
 * more; 100 or more is A+.
 */
import { parse as parseDocument } from 'parse5';

/** One test's outcome. */
export interface ObservatoryResult {
  test: string;
  result: string;
  modifier: number;
}

/** What the scan sees: response headers (lower-case names), the HTML, and how http:// behaves. */
export interface ObservatoryInput {
  headers: Record<string, string>;
  html: string;
  /** Scheme of the scanned URL; the production site is https. */
  protocol?: 'https:' | 'http:';
  /** What plain http:// does. Netlify always redirects it to https on the same host. */
  httpRedirect?: 'to-https-same-host' | 'missing';
  /** Set-Cookie headers, if any. */
  cookies?: string[];
}

const BROAD = new Set(['ftp:', 'http:', 'https:', '*', 'http://*', 'http://*.*', 'https://*', 'https://*.*']);
const UNSAFE_INLINE = new Set(["'unsafe-inline'", 'data:']);
const HASH_OR_NONCE = /^'(sha256-|sha384-|sha512-|nonce-)/;

type Policy = Map<string, Set<string>>;

/** Parses a list of policies into directives; the first policy to name a directive wins. */
function parsePolicies(policies: string[], fromMeta: boolean): Policy {
  const map: Policy = new Map();
  for (const policy of policies) {
    for (const part of policy.split(';')) {
      const [name, ...sources] = part.trim().split(/\s+/);
      if (!name) continue;
      const directive = name.toLowerCase();
      // A <meta> policy cannot carry these; browsers ignore them there.
      if (fromMeta && ['frame-ancestors', 'report-uri', 'sandbox'].includes(directive)) continue;
      if (!map.has(directive)) map.set(directive, new Set(sources.map((s) => s.toLowerCase())));
    }
  }
  return map;
}

/** The meta http-equiv CSP values in an HTML document. */
export function metaPolicies(html: string): string[] {
  const found: string[] = [];
  const visit = (node: { tagName?: string; attrs?: { name: string; value: string }[]; childNodes?: unknown[] }) => {
    if (node.tagName === 'meta') {
      const attrs = Object.fromEntries((node.attrs ?? []).map((a) => [a.name, a.value]));
      if (attrs['http-equiv']?.toLowerCase() === 'content-security-policy' && attrs['content'])
        found.push(attrs['content']);
    }
    for (const child of node.childNodes ?? []) visit(child as typeof node);
  };
  visit(parseDocument(html) as unknown as Parameters<typeof visit>[0]);
  return found;
}

function cspTest(input: ObservatoryInput): { result: string; modifier: number; frameAncestors: boolean } {
  const header = input.headers['content-security-policy'];
  const httpPolicies = header ? header.split(',').map((p) => p.trim()) : [];
  const meta = metaPolicies(input.html);
  const headerOnly = parsePolicies(httpPolicies, false);
  const metaOnly = parsePolicies(meta, true);
  if (headerOnly.size + metaOnly.size === 0)
    return { result: 'csp-not-implemented', modifier: -25, frameAncestors: false };
  // Header directives win over the same directive in a <meta> policy, as in the Observatory.
  const csp = new Map([...metaOnly, ...headerOnly]);
  const all = (name: string) => csp.get(name) ?? csp.get('default-src') ?? new Set(['*']);
  const scriptSrc = new Set(all('script-src'));
  const styleSrc = new Set(all('style-src'));
  const objectSrc = all('object-src');
  for (const list of [scriptSrc, styleSrc]) {
    if ([...list].some((s) => HASH_OR_NONCE.test(s))) list.delete("'unsafe-inline'");
  }
  const https = (input.protocol ?? 'https:') === 'https:';
  const passive = ['img-src', 'media-src'].flatMap((d) => [...(csp.get(d) ?? csp.get('default-src') ?? [])]);
  const active = [...csp.entries()]
    .filter(([d]) => !['img-src', 'media-src', 'script-src'].includes(d))
    .flatMap(([, s]) => [...s])
    .concat([...scriptSrc]);
  const frameAncestors = ![...(headerOnly.get('frame-ancestors') ?? new Set(['*']))].some((s) => BROAD.has(s));
  const verdict = (result: string, modifier: number) => ({
    result,
    modifier,
    frameAncestors: headerOnly.has('frame-ancestors') && frameAncestors,
  });
  if ([...scriptSrc].some((s) => BROAD.has(s) || UNSAFE_INLINE.has(s)) || [...objectSrc].some((s) => BROAD.has(s))) {
    return verdict('csp-implemented-with-unsafe-inline', -20);
  }
  if (https && active.some((s) => s.startsWith('http:') || s.startsWith('ftp:'))) {
    return verdict('csp-implemented-with-insecure-scheme', -20);
  }
  if (scriptSrc.has("'unsafe-eval'") || styleSrc.has("'unsafe-eval'"))
    return verdict('csp-implemented-with-unsafe-eval', -10);
  if (https && passive.some((s) => s.startsWith('http:') || s.startsWith('ftp:'))) {
    return verdict('csp-implemented-with-insecure-scheme-in-passive-content-only', -10);
  }
  if ([...styleSrc].some((s) => BROAD.has(s) || UNSAFE_INLINE.has(s))) {
    return verdict('csp-implemented-with-unsafe-inline-in-style-src-only', 0);
  }
  const defaultSrc = csp.get('default-src');
  if (defaultSrc?.has("'none'") && defaultSrc.size === 1)
    return verdict('csp-implemented-with-no-unsafe-default-src-none', 10);
  return verdict('csp-implemented-with-no-unsafe', 5);
}

function hstsTest(value: string | undefined): ObservatoryResult {
  const test = 'strict-transport-security';
  if (!value) return { test, result: 'hsts-not-implemented', modifier: -20 };
  const maxAge = /max-age\s*=\s*"?(\d+)"?/i.exec(value);
  if (!maxAge) return { test, result: 'hsts-header-invalid', modifier: -20 };
  // Preloading (+5) needs the domain on the browsers' preload list, which a scan of headers
  // alone cannot show, so it is never counted here.
  return Number(maxAge[1]) >= 15_768_000
    ? { test, result: 'hsts-implemented-max-age-at-least-six-months', modifier: 0 }
    : { test, result: 'hsts-implemented-max-age-less-than-six-months', modifier: -10 };
}

function referrerTest(value: string | undefined): ObservatoryResult {
  const test = 'referrer-policy';
  if (!value) return { test, result: 'referrer-policy-not-implemented', modifier: 0 };
  const last =
    value
      .split(',')
      .map((v) => v.trim().toLowerCase())
      .filter(Boolean)
      .at(-1) ?? '';
  if (['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'].includes(last)) {
    return { test, result: 'referrer-policy-private', modifier: 5 };
  }
  if (['origin', 'origin-when-cross-origin', 'unsafe-url', 'no-referrer-when-downgrade'].includes(last)) {
    return { test, result: 'referrer-policy-unsafe', modifier: -5 };
  }
  return { test, result: 'referrer-policy-header-invalid', modifier: -5 };
}

function corpTest(value: string | undefined): ObservatoryResult {
  const test = 'cross-origin-resource-policy';
  const v = value?.trim().toLowerCase();
  if (!v) return { test, result: 'corp-not-implemented', modifier: 0 };
  if (v === 'same-origin') return { test, result: 'corp-implemented-with-same-origin', modifier: 10 };
  if (v === 'same-site') return { test, result: 'corp-implemented-with-same-site', modifier: 10 };
  if (v === 'cross-origin') return { test, result: 'corp-implemented-with-cross-origin', modifier: 0 };
  return { test, result: 'corp-header-invalid', modifier: -5 };
}

function cookiesTest(cookies: string[], hsts: boolean): ObservatoryResult {
  const test = 'cookies';
  if (cookies.length === 0) return { test, result: 'cookies-not-found', modifier: 0 };
  const flags = cookies.map((c) => c.toLowerCase());
  const secure = flags.every((c) => /;\s*secure/.test(c));
  const sameSite = flags.every((c) => /;\s*samesite=(strict|lax)/.test(c));
  const httpOnly = flags.every((c) => /;\s*httponly/.test(c));
  if (!secure)
    return hsts
      ? { test, result: 'cookies-without-secure-flag-but-protected-by-hsts', modifier: -5 }
      : { test, result: 'cookies-without-secure-flag', modifier: -20 };
  if (!httpOnly) return { test, result: 'cookies-session-without-httponly-flag', modifier: -30 };
  return sameSite
    ? { test, result: 'cookies-secure-with-httponly-sessions-and-samesite', modifier: 5 }
    : { test, result: 'cookies-secure-with-httponly-sessions', modifier: 0 };
}

function sriTest(html: string): ObservatoryResult {
  const test = 'subresource-integrity';
  const scripts: { src?: string; integrity?: string }[] = [];
  const visit = (node: {
    tagName?: string;
    attrs?: { name: string; value: string }[];
    childNodes?: unknown[];
    content?: unknown;
  }) => {
    if (node.tagName === 'script') {
      const attrs = Object.fromEntries((node.attrs ?? []).map((a) => [a.name, a.value]));
      if (attrs['src'])
        scripts.push({ src: attrs['src'], ...(attrs['integrity'] ? { integrity: attrs['integrity'] } : {}) });
    }
    for (const child of node.childNodes ?? []) visit(child as typeof node);
  };
  visit(parseDocument(html) as unknown as Parameters<typeof visit>[0]);
  if (scripts.length === 0) return { test, result: 'sri-not-implemented-but-no-scripts-loaded', modifier: 0 };
  const external = scripts.filter((s) => /^(https?:)?\/\//i.test(s.src ?? ''));
  const insecure = external.some((s) => /^(http:)?\/\//i.test(s.src ?? ''));
  const withSri = external.every((s) => s.integrity);
  if (external.length === 0) {
    return scripts.every((s) => s.integrity)
      ? { test, result: 'sri-implemented-and-all-scripts-loaded-securely', modifier: 5 }
      : { test, result: 'sri-not-implemented-but-all-scripts-loaded-from-secure-origin', modifier: 0 };
  }
  if (insecure) {
    return withSri
      ? { test, result: 'sri-implemented-but-external-scripts-not-loaded-securely', modifier: -20 }
      : { test, result: 'sri-not-implemented-and-external-scripts-not-loaded-securely', modifier: -50 };
  }
  return withSri
    ? { test, result: 'sri-implemented-and-external-scripts-loaded-securely', modifier: 5 }
    : { test, result: 'sri-not-implemented-but-external-scripts-loaded-securely', modifier: -5 };
}

/** Scores one response. Returns every test's outcome, the score and the grade. */
export function scoreObservatory(input: ObservatoryInput): {
  score: number;
  grade: string;
  results: ObservatoryResult[];
} {
  const h = input.headers;
  const csp = cspTest(input);
  const xfo = h['x-frame-options']?.trim().toLowerCase();
  const xfoResult: ObservatoryResult = csp.frameAncestors
    ? { test: 'x-frame-options', result: 'x-frame-options-implemented-via-csp', modifier: 5 }
    : !xfo
      ? { test: 'x-frame-options', result: 'x-frame-options-not-implemented', modifier: -20 }
      : ['deny', 'sameorigin'].includes(xfo) || xfo.startsWith('allow-from')
        ? { test: 'x-frame-options', result: 'x-frame-options-sameorigin-or-deny', modifier: 0 }
        : { test: 'x-frame-options', result: 'x-frame-options-header-invalid', modifier: -20 };
  const xcto = h['x-content-type-options']?.trim().toLowerCase();
  const acao = h['access-control-allow-origin']?.trim();
  const results: ObservatoryResult[] = [
    { test: 'content-security-policy', result: csp.result, modifier: csp.modifier },
    cookiesTest(input.cookies ?? [], Boolean(h['strict-transport-security'])),
    acao === '*' || (acao && h['access-control-allow-credentials'] === 'true')
      ? {
          test: 'cross-origin-resource-sharing',
          result: 'cross-origin-resource-sharing-implemented-with-public-access',
          modifier: 0,
        }
      : { test: 'cross-origin-resource-sharing', result: 'cross-origin-resource-sharing-not-implemented', modifier: 0 },
    corpTest(h['cross-origin-resource-policy']),
    input.httpRedirect === 'missing'
      ? { test: 'redirection', result: 'redirection-missing', modifier: -20 }
      : { test: 'redirection', result: 'redirection-to-https', modifier: 0 },
    referrerTest(h['referrer-policy']),
    hstsTest(h['strict-transport-security']),
    sriTest(input.html),
    xcto === 'nosniff'
      ? { test: 'x-content-type-options', result: 'x-content-type-options-nosniff', modifier: 0 }
      : {
          test: 'x-content-type-options',
          result: xcto ? 'x-content-type-options-header-invalid' : 'x-content-type-options-not-implemented',
          modifier: -5,
        },
    xfoResult,
  ];
  const penalties = 100 + results.reduce((sum, r) => sum + Math.min(r.modifier, 0), 0);
  const withBonus = 100 + results.reduce((sum, r) => sum + r.modifier, 0);
  const score = Math.max(penalties >= 90 ? withBonus : penalties, 0);
  return { score, grade: gradeFor(score), results };
}

/** The letter grade for a score. */
export function gradeFor(score: number): string {
  const chart: [number, string][] = [
    [100, 'A+'],
    [90, 'A'],
    [85, 'A-'],
    [80, 'B+'],
    [70, 'B'],
    [65, 'B-'],
    [60, 'C+'],
    [50, 'C'],
    [45, 'C-'],
    [40, 'D+'],
    [30, 'D'],
    [25, 'D-'],
    [0, 'F'],
  ];
  return chart.find(([min]) => score >= min)?.[1] ?? 'F';
}
