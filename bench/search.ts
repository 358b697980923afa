// Search benchmark: how the word index is cut into chunks decides what a search downloads. For
// the sample site and a synthetic site of about 5,000 pages, each way of cutting is measured on
//  - the bytes a visitor downloads for a first and a second search, typed on the real search page
//    in Chromium and served gzipped as Netlify serves them;
//  - prefix queries at every cut between two chunks: every beginning of the words either side of the
//    cut. Each is searched with Pagefind's own engine in Chromium and must find the same pages, in
//    the same order, as an index of one chunk (which has no cuts, so nothing can fall between them).
//    A query that finds anything else is lost.
// Prints a table and writes bench/results/search-chunks.json (every way of cutting) and
// bench/results/search.json (the one the build uses, as the re-cut below, for `npm run bench`).
// Figures, not a test: nothing is asserted.
//
//   npm run bench:search            (builds the sample site first if dist/ has no pages)
//   PAGES=20000 npm run bench:search
//   PAGES=0 OUT_DIR=/tmp/site npm run bench:search   (the sample site only, from another build folder)
import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHUNK_BYTES, readChunkLists, readWordChunk, rechunkIndex } from '../src/integrations/pagefind-chunks.ts';
import { startNetlifyServer } from '../tests/harness/netlify-server.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = resolve(ROOT, process.env.OUT_DIR ?? 'dist');
const PAGES = Number(process.env.PAGES ?? 5000);
const SEED = 20261123;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PAGEFIND_BIN = join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs');
/** Two searches a visitor might make, one after the other. */
const QUERIES = ['peer support', 'volunteer'];
/** A chunk size no site here reaches: the whole word index in one chunk. */
const ONE_CHUNK = 1_000_000_000;

/** How to cut the word index: Pagefind's chunk size, and whether to re-cut it as the build does. */
interface IndexOptions {
  chunkSize?: number | undefined;
  recut?: boolean;
  /** The folder under the site to write the index to. */
  output?: string;
}

/** One way of cutting the index, with its name on the command line and in the table. */
interface Variant extends IndexOptions {
  name: string;
  label: string;
}

/** A first or second search: what it downloaded. */
interface QueryFigures {
  query: string;
  requests: number;
  bytes: number;
}

/** What one site, cut one way, downloads, and the prefix queries it loses. */
interface Row extends Measured, PrefixFigures {
  site: string;
  variant: string;
}

/** The figures from `measure`. */
interface Measured {
  pages: number;
  chunks: number;
  firstQuery: QueryFigures | undefined;
  secondQuery: QueryFigures | undefined;
  indexBytes: number;
}

/** The figures from `prefixCheck`. */
interface PrefixFigures {
  prefixQueries: number;
  lost: number;
  lostLonger: number;
  lostExamples: string[];
}

/** The part of Pagefind's browser API (pagefind.js) the prefix check calls. */
interface PagefindApi {
  options(options: { noWorker: boolean }): Promise<void>;
  init(): Promise<void>;
  search(query: string): Promise<{ results: { id: string }[] }>;
}

/**
 * The ways of cutting the index. Pagefind 1.6 reads `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE` (in word
 * positions, 20,000 by default) from the environment of its own process (`SearchOptions::load` in
 * pagefind/src/options.rs), and cuts wherever a chunk reaches it (`chunk_index` in
 * pagefind/src/index/mod.rs).
 */
const VARIANTS: Variant[] = (process.env.VARIANTS ?? 'default,8000,4000,2000,recut').split(',').map((name) => ({
  name,
  label:
    name === 'default'
      ? "Pagefind's defaults (20,000)"
      : name === 'recut'
        ? `Re-cut at 2-letter changes (${String(CHUNK_BYTES / 1000)} KB)`
        : `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE=${name}`,
  chunkSize: /^\d+$/.test(name) ? Number(name) : undefined,
  recut: name === 'recut',
}));

if (!existsSync(join(DIST, 'index.html'))) run('npm', ['run', 'build', '--silent']);

const rows: Row[] = [];
const sites: [label: string, make: () => string][] = [['Sample site', () => copySite()]];
if (PAGES > 0) sites.push([`Synthetic, ${PAGES.toLocaleString('en-GB')} pages`, () => makeSyntheticSite(PAGES)]);
for (const [label, make] of sites) {
  const dir = make();
  await index(dir, { chunkSize: ONE_CHUNK, output: 'pagefind-reference' });
  for (const variant of VARIANTS) {
    await index(dir, variant);
    const row: Row = { site: label, variant: variant.label, ...(await measure(dir)), ...(await prefixCheck(dir)) };
    console.error(`${label}, ${variant.label}: done`);
    rows.push(row);
  }
  rmSync(dir, { recursive: true, force: true });
}

printTable(rows);
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/search-chunks.json'), `${JSON.stringify(rows, null, 2)}\n`);
// The index the build writes, one row a site, as `npm run bench` reads it for BENCHMARKS.md.
const built = rows.filter((row) => row.variant === VARIANTS.find(({ name }) => name === 'recut')?.label);
if (built.length > 0) writeFileSync(join(ROOT, 'bench/results/search.json'), `${JSON.stringify(built, null, 2)}\n`);

/** Runs a command in the project, stopping the benchmark if it fails. */
function run(command: string, args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

/** Indexes a site with the Pagefind CLI into `output` (replacing what was there), cut as `variant` says. */
async function index(site: string, { chunkSize, recut = false, output = 'pagefind' }: IndexOptions): Promise<void> {
  const out = join(site, output);
  rmSync(out, { recursive: true, force: true });
  const env = chunkSize ? { PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(chunkSize) } : {};
  run(process.execPath, [PAGEFIND_BIN, '--site', site, '--output-path', out, '--quiet'], env);
  if (recut) await rechunkIndex(out);
}

/** A copy of the built sample site without its index. */
function copySite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'search-bench-'));
  cpSync(DIST, dir, { recursive: true, filter: (src) => !src.startsWith(join(DIST, 'pagefind')) });
  return dir;
}

/** Total size of the files in a folder (recursively) whose names pass `keep`. */
function folderBytes(dir: string, keep: (name: string) => boolean = () => true): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += folderBytes(path, keep);
    else if (keep(entry.name)) total += statSync(path).size;
  }
  return total;
}

/** Chromium with the project's flags. */
function launch() {
  return chromium.launch({
    ...(existsSync(CHROMIUM) ? { executablePath: CHROMIUM } : {}),
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
}

/**
 * Opens the search page of a built site in Chromium, runs the two queries by typing, and counts
 * the bytes on the wire (headers and bodies; the server gzips text as Netlify does) of every request
 * to /pagefind/ each one caused. The page itself and its own script are left out: they are the same
 * for every site.
 */
async function measure(site: string): Promise<Measured> {
  const server = await startNetlifyServer(site, 'netlify.toml');
  const browser = await launch();
  const context = await browser.newContext();
  const page = await context.newPage();
  const transfers: { url: string; bytes: number }[] = [];
  context.on('requestfinished', (request) => {
    if (!new URL(request.url()).pathname.startsWith('/pagefind/')) return;
    void request.sizes().then((sizes) => {
      transfers.push({ url: request.url(), bytes: sizes.responseBodySize + sizes.responseHeadersSize });
    });
  });
  await page.goto(`${server.url}/search/`);
  const box = page.getByLabel('Search for');
  const perQuery: QueryFigures[] = [];
  for (const query of QUERIES) {
    const before = transfers.length;
    await box.fill(query);
    await page
      .getByRole('status')
      .filter({ hasText: `“${query}”` })
      .waitFor();
    await page.waitForLoadState('networkidle');
    const mine = transfers.slice(before);
    perQuery.push({ query, requests: mine.length, bytes: mine.reduce((sum, t) => sum + t.bytes, 0) });
    if (process.env.VERBOSE) for (const t of mine) console.log(`  "${query}": ${String(t.bytes)} ${t.url}`);
  }
  await browser.close();
  await server.close();
  const indexDir = join(site, 'pagefind');
  return {
    pages: readdirSync(join(indexDir, 'fragment')).length,
    chunks: readdirSync(join(indexDir, 'index')).length,
    firstQuery: perQuery[0],
    secondQuery: perQuery[1],
    indexBytes: folderBytes(indexDir, (name) => !/-ui\.|modular-ui|component-ui|highlight/.test(name)),
  };
}

/**
 * The prefix queries at every cut of a site's index: every beginning of the last word of each chunk
 * and of the first word of the next (as tests/e2e/search.spec.ts searches them).
 */
function cutQueries(indexDir: string): string[] {
  const words = (readChunkLists(indexDir).get('en-gb') ?? []).map(([, , hash]) => {
    return readWordChunk(join(indexDir, 'index', `${hash}.pf_index`)).map(({ word }) => word);
  });
  const edges = words.slice(1).flatMap((next, i) => [words[i]?.at(-1) ?? '', next[0] ?? '']);
  const prefixes = edges.flatMap((word) =>
    Array.from(word).map((_, n) =>
      Array.from(word)
        .slice(0, n + 1)
        .join(''),
    ),
  );
  return [...new Set(prefixes)];
}

/**
 * Searches every prefix query at the cuts with the site's index and with the one-chunk reference, in
 * Chromium with Pagefind's own engine, and counts the queries whose results differ (by length of query).
 */
async function prefixCheck(site: string): Promise<PrefixFigures> {
  const queries = cutQueries(join(site, 'pagefind'));
  const server = await startNetlifyServer(site, 'netlify.toml');
  const browser = await launch();
  const results: Record<string, Record<string, string>> = {};
  for (const bundle of ['pagefind', 'pagefind-reference']) {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/404.html`);
    results[bundle] = await page.evaluate(
      async ({ url, queries }) => {
        const pagefind = (await import(url)) as PagefindApi;
        await pagefind.options({ noWorker: true });
        await pagefind.init();
        const found: Record<string, string> = {};
        for (const query of queries) found[query] = (await pagefind.search(query)).results.map((r) => r.id).join(' ');
        return found;
      },
      { url: `/${bundle}/pagefind.js`, queries },
    );
    await context.close();
  }
  await browser.close();
  await server.close();
  const lost = queries.filter((query) => results['pagefind']?.[query] !== results['pagefind-reference']?.[query]);
  return {
    prefixQueries: queries.length,
    lost: lost.length,
    lostLonger: lost.filter((query) => Array.from(query).length > 1).length,
    lostExamples: [...lost].sort((a, b) => Array.from(b).length - Array.from(a).length).slice(0, 8),
  };
}

/** A small seeded random number generator (mulberry32), so every run builds the same site. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A copy of the built sample site plus `count` generated pages with the same search markup as
 * BaseLayout (main content, hidden type/category/date tags). Words follow Zipf's law over everyday
 * English, this site's common words and a long tail of made-up ones, so the index has realistic word
 * frequencies.
 */
function makeSyntheticSite(count: number): string {
  const dir = copySite();
  const rand = random(SEED);
  // Everyday English first (the most frequent words of any text), then words this site uses a
  // lot, then a long tail of made-up words. Ranks follow Zipf's law, as word counts in real text do.
  const stopWords = `the and to of a in you is it for we our with on are be can your this that at have or as
    not from they if all but will by about what do more so there one help who when their an
    some was us how like may them get just me my up out feel also time any other people than`.split(/\s+/);
  const siteWords = `support peer group wellbeing mental health anxiety depression talk friends family
    walk volunteer community hope feeling low mood sleep worry stress carer money news event town
    online phone course young adults listen share coffee morning evening week month local
    charity thank raise funds story change better together open welcome free`.split(/\s+/);
  const syllables = [
    'ka',
    'lo',
    'mi',
    'ren',
    'to',
    'sha',
    'vel',
    'dor',
    'pin',
    'ash',
    'mur',
    'bel',
    'tri',
    'gan',
    'sol',
  ];
  const made = Array.from({ length: 6000 }, () => {
    const n = 2 + Math.floor(rand() * 3);
    return Array.from({ length: n }, () => syllables[Math.floor(rand() * syllables.length)]).join('');
  });
  const vocabulary = [...stopWords, ...siteWords, ...made];
  // Zipf: the word of rank k comes up in proportion to 1/k (a log-uniform draw of the rank).
  const word = () => vocabulary[Math.min(vocabulary.length, Math.floor((vocabulary.length + 1) ** rand())) - 1];
  const words = (n: number) => Array.from({ length: n }, word).join(' ');
  const types = ['News', 'News', 'News', 'A–Z', 'Services', 'Pages', 'Pages'];
  const categories = ['News', 'Events', 'Fundraising', 'Campaigns', 'Stories'];
  for (let i = 0; i < count; i++) {
    const type = types[Math.floor(rand() * types.length)];
    const title = words(3 + Math.floor(rand() * 5));
    const paragraphs = Array.from(
      { length: 3 + Math.floor(rand() * 5) },
      () => `<p>${words(40 + Math.floor(rand() * 60))}.</p>`,
    );
    const date = new Date(Date.UTC(2015, 0, 1) + Math.floor(rand() * 4000) * 86_400_000).toISOString().slice(0, 10);
    const tags = [`<span data-pagefind-filter="type">${type ?? ''}</span>`];
    if (type === 'News') {
      tags.push(
        `<span data-pagefind-filter="category">${categories[Math.floor(rand() * categories.length)] ?? ''}</span>`,
      );
      tags.push(`<span data-pagefind-meta="date">${date}</span>`, `<span data-pagefind-sort="date">${date}</span>`);
    }
    const html = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${title}</title></head><body>
<header data-pagefind-ignore>Millbrook Mental Health</header>
<main data-pagefind-body><h1>${title}</h1>${paragraphs.join('\n')}
<div hidden data-pagefind-ignore>${tags.join('')}</div></main></body></html>`;
    mkdirSync(join(dir, 'bench', String(i)), { recursive: true });
    writeFileSync(join(dir, 'bench', String(i), 'index.html'), html);
  }
  return dir;
}

/** Prints the figures as a table. */
function printTable(results: Row[]): void {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const table = [
    [
      'Site',
      'Index chunks',
      'Chunks',
      `1st query ("${QUERIES[0] ?? ''}")`,
      `2nd query ("${QUERIES[1] ?? ''}")`,
      'Index on disk',
      'Prefix queries lost (of 2+ letters)',
    ],
    ...results.map((r) => [
      r.site,
      r.variant,
      String(r.chunks),
      `${kb(r.firstQuery?.bytes ?? 0)} in ${String(r.firstQuery?.requests ?? 0)} files`,
      `${kb(r.secondQuery?.bytes ?? 0)} in ${String(r.secondQuery?.requests ?? 0)} files`,
      kb(r.indexBytes),
      `${String(r.lost)} of ${String(r.prefixQueries)} (${String(r.lostLonger)})`,
    ]),
  ];
  const header = table[0] ?? [];
  const widths = header.map((_, col) => Math.max(...table.map((row) => row[col]?.length ?? 0)));
  const line = (row: string[]) => `| ${row.map((cell, col) => cell.padEnd(widths[col] ?? 0)).join(' | ')} |`;
  console.log(line(header));
  console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const row of table.slice(1)) console.log(line(row));
  for (const r of results)
    if (r.lost > 0) console.log(`${r.site}, ${r.variant}: lost e.g. ${r.lostExamples.join(', ')}`);
}
