/**
 * Security as deployed: netlify.toml's settings and headers, the Content Security Policy of every
 * page, the generated redirects, and the Mozilla HTTP Observatory score of the public pages.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import redirectList from '../../src/data/redirects.json' with { type: 'json' };
import { parseRedirectList, toRedirectsFile } from '../../src/lib/netlify-redirects';
import { DIST, builtPages, onePagePerTemplate } from '../support/built-pages';
import {
  NETLIFY_DEFAULT_CACHE,
  headersForPath,
  readHeaderRules,
  startNetlifyServer,
  type RunningServer,
} from '../harness/netlify-server';
import { gradeResponse, metaPolicies, scanServed } from '../support/observatory';

const TOML = 'netlify.toml';
const RULES = await readHeaderRules(TOML);
const PAGES = builtPages();
const PUBLIC = PAGES.filter(({ path }) => !path.startsWith('/admin/'));
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Every file in dist, as URL paths. */
function allFiles(dir = DIST, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? allFiles(join(dir, entry.name), `${prefix}/${entry.name}`) : [`${prefix}/${entry.name}`],
  );
}

describe('netlify.toml', () => {
  const config = parse(readFileSync(TOML, 'utf8')) as {
    build: { command: string; publish: string; environment: Record<string, string> };
  };

  it('builds with astro build on Node 24 and publishes dist', () => {
    expect(config.build).toMatchObject({ command: 'npx astro build', publish: 'dist' });
    expect(config.build.environment['NODE_VERSION']).toBe('24');
  });

  it('sends the security headers on every path', () => {
    for (const path of ['/', '/about/', '/_astro/x.css', '/pagefind/pagefind.js', '/admin/']) {
      const headers = headersForPath(RULES, path);
      const hsts = /max-age=(\d+)/.exec(headers['strict-transport-security'] ?? '');
      expect(Number(hsts?.[1])).toBeGreaterThanOrEqual(31_536_000);
      expect(headers['strict-transport-security']).toContain('includeSubDomains');
      expect(headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'strict-origin-when-cross-origin',
        'x-frame-options': 'DENY',
        'cross-origin-opener-policy': 'same-origin-allow-popups',
        'cross-origin-resource-policy': 'same-origin',
      });
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
        expect(headers['permissions-policy']).toContain(`${feature}=()`);
      }
    }
  });

  it('never lets two rules set the same header on one path, so Netlify cannot merge two values', () => {
    const clashes: string[] = [];
    for (const file of allFiles()) {
      const seen = new Map<string, string>();
      for (const rule of RULES.filter((r) => r.forRegExp.test(file))) {
        for (const name of Object.keys(rule.values).map((n) => n.toLowerCase())) {
          if (seen.has(name)) clashes.push(`${file}: ${name} from ${seen.get(name)} and ${rule.for}`);
          seen.set(name, rule.for);
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  it('caches for a year only files whose names carry a content hash; everything else revalidates', () => {
    const files = allFiles();
    const immutable = files.filter((file) => headersForPath(RULES, file)['cache-control'] === IMMUTABLE);
    expect(immutable.length).toBeGreaterThan(0);
    // A content hash in the name: Astro's "name.HASH.ext", Pagefind's "lang_HASH.ext".
    const unhashed = immutable.filter((file) => !/[._][A-Za-z0-9_-]{7,}\.[a-z_]+$/.test(file.split('/').at(-1) ?? ''));
    expect(unhashed).toEqual([]);
    for (const fixedName of [
      '/index.html',
      '/',
      '/about/',
      '/pagefind/pagefind.js',
      '/pagefind/pagefind-entry.json',
      '/pagefind/wasm.en-gb.pagefind',
      '/favicon.svg',
    ]) {
      expect(headersForPath(RULES, fixedName)['cache-control'], fixedName).toBe(NETLIFY_DEFAULT_CACHE);
    }
  });
});

describe('Content Security Policy', () => {
  it.each(PUBLIC.map((p) => [p.path, p.file]))('%s has a strict policy in its <meta> tag', (_path, file) => {
    const policies = metaPolicies(readFileSync(file, 'utf8'));
    expect(policies).toHaveLength(1);
    const policy = policies[0] ?? '';
    expect(policy).toMatch(/default-src 'self'/);
    expect(policy).toMatch(/object-src 'none'/);
    expect(policy).toMatch(/base-uri 'self'/);
    expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*|https?:|data:[^;]*script/);
  });

  it('allows each inline style and script block of every public page by its own SHA-256', () => {
    // The hashes come from Astro, each block hashed once per build (src/integrations/csp-digests.ts);
    // a wrong one would make the browser drop the page's styles.
    const wrong: string[] = [];
    let checked = 0;
    for (const { path, file } of PUBLIC) {
      const html = readFileSync(file, 'utf8');
      const policy = metaPolicies(html)[0] ?? '';
      const allowed = (directive: string) =>
        new Set(policy.match(new RegExp(`${directive} ([^;]*)`))?.[1]?.match(/'sha256-[^']+'/g) ?? []);
      for (const [kind, pattern] of [
        ['style-src', /<style\b[^>]*>([\s\S]*?)<\/style>/g],
        // Scripts the browser runs: not a src= file, and not a data block such as JSON-LD.
        ['script-src', /<script\b(?![^>]*\b(?:src=|type="application\/(?:ld\+)?json"))[^>]*>([\s\S]*?)<\/script>/g],
      ] as const) {
        const hashes = allowed(kind);
        for (const [, text] of html.matchAll(pattern)) {
          checked += 1;
          const hash = `'sha256-${createHash('sha256')
            .update(text ?? '')
            .digest('base64')}'`;
          if (!hashes.has(hash)) wrong.push(`${path}: the hash ${hash} of an inline block is not in its ${kind}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    // Every public page inlines its styles, so each has at least one block to check.
    expect(checked).toBeGreaterThanOrEqual(PUBLIC.length);
  });

  it('the content editor has its looser policy on its own page only', () => {
    const admin = PAGES.find(({ path }) => path === '/admin/');
    if (!admin) throw new Error('the build has no content editor at /admin/');
    const policy = metaPolicies(readFileSync(admin.file, 'utf8')).join(';');
    expect(policy).toContain("'unsafe-eval'");
    expect(policy).toMatch(/style-src 'self' 'unsafe-inline'/);
  });
});

describe('redirects', () => {
  const rules = parseRedirectList(redirectList);
  const file = join(DIST, '_redirects');

  it('dist/_redirects is generated from src/data/redirects.json', () => {
    expect(readFileSync(file, 'utf8')).toBe(toRedirectsFile(rules));
    expect(readFileSync(file, 'utf8')).toContain('/fullpost.php id=189 ');
    expect(readFileSync(file, 'utf8')).toMatch(/^\/feed \/rss\.xml 301$/m);
  });

  for (const { from, to } of rules) {
    const exists = to.endsWith('/') ? existsSync(join(DIST, to, 'index.html')) : existsSync(join(DIST, to));
    it(`${from} leads to a built page (${to})`, () => {
      expect(exists).toBe(true);
    });
  }
});

describe('MDN HTTP Observatory score', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startNetlifyServer(DIST, TOML);
  });
  afterAll(() => server.close());

  // One page of each kind: the score reads the headers (the same for every page under one rule,
  // and the rules are checked for every path above), the <meta> policy (checked on every page
  // above) and the page's scripts and forms, which come from its template. Grading all 150-odd
  // pages took a minute of the suite's two cores to find nothing these do not.
  it.each(onePagePerTemplate(PUBLIC).map((p) => [p.path]))('%s scores at least 100 (A+)', async (path) => {
    const { score, grade, results } = await scanServed(server.url, path);
    expect({ score, grade, results }).toMatchObject({ grade: 'A+' });
    expect(score).toBeGreaterThanOrEqual(100);
  });

  it('would fall below A+ without the headers (the scorer is not a rubber stamp)', () => {
    const body = readFileSync(join(DIST, 'index.html'), 'utf8');
    const html = { 'content-type': 'text/html; charset=utf-8' };
    expect(gradeResponse('/', { status: 200, headers: html, body }).score).toBeLessThan(100);
    const weak = {
      ...headersForPath(RULES, '/'),
      ...html,
      'content-security-policy': "script-src 'self' 'unsafe-inline'",
    };
    const { score, results } = gradeResponse('/', { status: 200, headers: weak, body: '<p>x</p>' });
    expect(results['content-security-policy']).toBe('csp-implemented-with-unsafe-inline');
    expect(score).toBeLessThan(100);
  });
});
