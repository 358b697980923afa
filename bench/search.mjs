// Search benchmark: bytes a visitor downloads for a first and a second search, and the size of
// the Pagefind index on disk, for the sample site and for a synthetic site of about 5,000 pages.
// Prints a table and writes bench/results/search.json. Figures, not a test: nothing is asserted.
//
//   npm run bench:search            (builds the sample site first if dist/ has no index)
//   PAGES=20000 npm run bench:search
//   PAGES=0 OUT_DIR=/tmp/site npm run bench:search   (the sample site only, from another build folder)
import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSearchIndex } from '../scripts/pagefind-index.ts';
import { startNetlifyServer } from '../tests/harness/netlify-server.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = resolve(ROOT, process.env.OUT_DIR ?? 'dist');
const PAGES = Number(process.env.PAGES ?? 5000);
const SEED = 20261123;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Two searches a visitor might make, one after the other. */
const QUERIES = ['peer support', 'volunteer'];

if (!existsSync(join(DIST, 'pagefind', 'pagefind.js'))) run('npm', ['run', 'build', '--silent']);

const rows = [];
rows.push(await measure('Sample site', DIST));
if (PAGES > 0) {
  const synthetic = makeSyntheticSite(PAGES);
  rows.push(await measure(`Synthetic, ${PAGES.toLocaleString('en-GB')} pages`, synthetic));
  rmSync(synthetic, { recursive: true, force: true });
}

printTable(rows);
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/search.json'), `${JSON.stringify(rows, null, 2)}\n`);

/** Runs a command in the project, stopping the benchmark if it fails. */
function run(command, args, cwd = ROOT) {
  const result = spawnSync(command, args, {
    cwd,
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

/** Total size of the files in a folder (recursively) whose names pass `keep`. */
function folderBytes(dir, keep = () => true) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += folderBytes(path, keep);
    else if (keep(entry.name)) total += statSync(path).size;
  }
  return total;
}

/**
 * Opens the search page of a built site in Chromium, runs the two queries by typing, and counts
 * the bytes on the wire (headers and bodies; the server gzips text as Netlify does) of every request to /pagefind/ each one
 * caused. The page itself and its own script are left out: they are the same for every site.
 */
async function measure(label, site) {
  const server = await startNetlifyServer(site, 'netlify.toml');
  const browser = await chromium.launch({
    ...(existsSync(CHROMIUM) ? { executablePath: CHROMIUM } : {}),
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  const transfers = [];
  context.on('requestfinished', async (request) => {
    if (!new URL(request.url()).pathname.startsWith('/pagefind/')) return;
    const sizes = await request.sizes();
    transfers.push({ url: request.url(), bytes: sizes.responseBodySize + sizes.responseHeadersSize });
  });
  await page.goto(`${server.url}/search/`);
  const box = page.getByLabel('Search for');
  const perQuery = [];
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
    if (process.env.VERBOSE) for (const t of mine) console.log(`  ${label} "${query}": ${t.bytes} ${t.url}`);
  }
  const results = await page.getByRole('status').innerText();
  await browser.close();
  await server.close();
  const indexDir = join(site, 'pagefind');
  return {
    site: label,
    pages: readdirSync(join(indexDir, 'fragment')).length,
    firstQuery: perQuery[0],
    secondQuery: perQuery[1],
    lastStatus: results,
    indexBytes: folderBytes(indexDir, (name) => !/-ui\.|modular-ui|component-ui|highlight/.test(name)),
    folderBytes: folderBytes(indexDir),
  };
}

/** A small seeded random number generator (mulberry32), so every run builds the same site. */
function random(seed) {
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
 * BaseLayout (main content, hidden type/category/date tags), indexed by the real Pagefind CLI.
 * Words follow Zipf's law over everyday English, this site's common words and a long tail of
 * made-up ones, so the index has realistic word frequencies.
 */
function makeSyntheticSite(count) {
  const dir = mkdtempSync(join(tmpdir(), 'search-bench-'));
  cpSync(DIST, dir, { recursive: true });
  rmSync(join(dir, 'pagefind'), { recursive: true, force: true });
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
  const words = (n) => Array.from({ length: n }, word).join(' ');
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
    const tags = [`<span data-pagefind-filter="type">${type}</span>`];
    if (type === 'News') {
      tags.push(`<span data-pagefind-filter="category">${categories[Math.floor(rand() * categories.length)]}</span>`);
      tags.push(`<span data-pagefind-meta="date">${date}</span>`, `<span data-pagefind-sort="date">${date}</span>`);
    }
    const html = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${title}</title></head><body>
<header data-pagefind-ignore>Millbrook Mental Health</header>
<main data-pagefind-body><h1>${title}</h1>${paragraphs.join('\n')}
<div hidden data-pagefind-ignore>${tags.join('')}</div></main></body></html>`;
    mkdirSync(join(dir, 'bench', String(i)), { recursive: true });
    writeFileSync(join(dir, 'bench', String(i), 'index.html'), html);
  }
  buildSearchIndex(dir, { quiet: true });
  return dir;
}

/** Prints the figures as a table. */
function printTable(results) {
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const table = [
    [
      'Site',
      'Pages indexed',
      `1st query ("${QUERIES[0]}")`,
      `2nd query ("${QUERIES[1]}")`,
      'Index on disk',
      'Pagefind folder',
    ],
    ...results.map((r) => [
      r.site,
      String(r.pages),
      `${kb(r.firstQuery.bytes)} in ${r.firstQuery.requests} files`,
      `${kb(r.secondQuery.bytes)} in ${r.secondQuery.requests} files`,
      kb(r.indexBytes),
      kb(r.folderBytes),
    ]),
  ];
  const widths = table[0].map((_, col) => Math.max(...table.map((row) => row[col].length)));
  const line = (row) => `| ${row.map((cell, col) => cell.padEnd(widths[col])).join(' | ')} |`;
  console.log(line(table[0]));
  console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const row of table.slice(1)) console.log(line(row));
}
