// `npm run bench [-- --sizes 1000,5000] [-- --no-lighthouse]`: builds the site from seeded
// synthetic content and reports build time, CPU, memory, page weight and Lighthouse scores, and
// the build an editor waits for after publishing one post: at 1,000 posts (or the first size),
// one post is changed and the site built again with Astro's and Vite's caches kept, as Netlify
// keeps them between deploys.
// Prints progress and a table, and writes the results to BENCHMARKS.md. Figures are printed,
// never asserted: the machine is shared and noisy.
import { spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { format, resolveConfig } from 'prettier';
import { generateContent } from './generate.mjs';
import { astroBuildCommand } from '../scripts/astro-build.mjs';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/harness/chromium.ts';
import { startNetlifyServer } from '../tests/harness/netlify-server.ts';

const ROOT = resolve(import.meta.dirname, '..');
/** What `npm run build` runs after Astro: Pagefind, then smaller index chunks. */
const PAGEFIND_INDEX = join(ROOT, 'scripts/pagefind-index.ts');
const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000' },
    az: { type: 'string', default: '300' },
    services: { type: 'string', default: '50' },
    'no-lighthouse': { type: 'boolean', default: false },
  },
});
const SIZES = args.sizes.split(',').map(Number);
const AZ = Number(args.az);
const SERVICES = Number(args.services);
const LIGHTHOUSE = !args['no-lighthouse'];
const CHROME = chromiumPath() ?? '/usr/bin/chromium';
const CHROME_FLAGS = CHROMIUM_ARGS;

/** How busy the machine was before we started: wall time far above CPU time means waiting. */
const LOAD_AT_START = loadavg();

const BUDGET = { buildSeconds: 25, peakMb: 1024, scaling: 5.5, newsPostKb: 14, newsPostRequests: 3 };

const log = (message) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

/**
 * A note on what a first search downloads, from the last `npm run bench:search`
 * (bench/results/search.json), which measures it in Chromium.
 */
function searchNote() {
  const file = join(ROOT, 'bench/results/search.json');
  if (!existsSync(file)) return '- Run `npm run bench:search` for what a first search downloads.\n';
  const rows = JSON.parse(readFileSync(file, 'utf8'));
  const sizes = rows.map((row, i) => {
    const where = i === 0 ? 'the sample site' : `a synthetic site of ${row.pages.toLocaleString('en-GB')} pages`;
    return `${(row.firstQuery.bytes / 1024).toFixed(1)} KB on ${where}`;
  });
  return `- A first search ("${rows[0].firstQuery.query}") downloads ${sizes.join(' and ')} (aims: 100 KB on the sample site, 200 KB at 5,000 pages), from the last \`npm run bench:search\`; docs/search.md breaks it down.\n`;
}

/** Runs a command under /usr/bin/time -v and returns wall seconds, CPU seconds and peak RSS. */
function timed(label, command, commandArgs, env) {
  log(`${label}…`);
  const hasTime = existsSync('/usr/bin/time');
  const started = performance.now();
  const result = hasTime
    ? spawnSync('/usr/bin/time', ['-v', command, ...commandArgs], {
        cwd: ROOT,
        env,
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      })
    : spawnSync(command, commandArgs, { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = (performance.now() - started) / 1000;
  if (result.status !== 0) {
    console.error(result.stdout.slice(-4000), result.stderr.slice(-4000));
    throw new Error(`${label} failed with status ${result.status}`);
  }
  const stat = (name) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(result.stderr)?.[1] ?? NaN);
  const cpu = hasTime ? stat('User time \\(seconds\\)') + stat('System time \\(seconds\\)') : NaN;
  const peakMb = hasTime ? stat('Maximum resident set size \\(kbytes\\)') / 1024 : NaN;
  log(`${label}: ${wall.toFixed(1)} s wall, ${cpu.toFixed(1)} s CPU, ${peakMb.toFixed(0)} MB peak`);
  return { wall, cpu, peakMb };
}

/** A free TCP port on 127.0.0.1 (so the build can use the preview address as its site URL). */
function freePort() {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** Number of HTML pages in a build (the copied CMS bundle is not ours). */
function countPages(dir) {
  return readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.html') && !f.startsWith('admin/decap/'))
    .length;
}

/** Builds one size; returns its timings and where the output is (and the rebuild's, if asked). */
async function buildSize(news, rebuild = false) {
  const work = mkdtempSync(join(tmpdir(), `bench-${news}-`));
  const content = join(work, 'content');
  log(`generating ${news} news posts, ${AZ} A–Z topics, ${SERVICES} services…`);
  const slugs = generateContent(content, { news, az: AZ, services: SERVICES });
  const port = await freePort();
  const outDir = join(work, 'dist');
  const env = {
    ...process.env,
    CONTENT_DIR: content,
    OUT_DIR: outDir,
    ASTRO_CACHE_DIR: join(work, 'astro-cache'),
    VITE_CACHE_DIR: join(work, 'vite-cache'),
    SITE_URL: `http://127.0.0.1:${port}`,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  // The same Node settings and environment as `npm run build` (scripts/astro-build.mjs).
  const build = astroBuildCommand([], env);
  const astro = timed(`astro build (${news} posts)`, build.command, build.args, build.env);
  const pagefind = timed(`search index (${news} posts)`, process.execPath, [PAGEFIND_INDEX, outDir], env);
  const pages = countPages(outDir);
  const wall = astro.wall + pagefind.wall;
  let again;
  if (rebuild) {
    // What publishing one post does: one Markdown file changes, then the same build runs with the
    // caches the last one left (content store in ASTRO_CACHE_DIR, dependencies in VITE_CACHE_DIR).
    const post = join(content, 'news', `${slugs.newsSlugs[0]}.md`);
    appendFileSync(post, '\nUpdated: the group now also meets on Thursday evenings.\n');
    const astroAgain = timed(
      `astro build again, one post changed (${news} posts)`,
      build.command,
      build.args,
      build.env,
    );
    const pagefindAgain = timed(`search index again (${news} posts)`, process.execPath, [PAGEFIND_INDEX, outDir], env);
    again = {
      wall: astroAgain.wall + pagefindAgain.wall,
      cpu: astroAgain.cpu + pagefindAgain.cpu,
      peakMb: Math.max(astroAgain.peakMb, pagefindAgain.peakMb),
      astroWall: astroAgain.wall,
      pagefindWall: pagefindAgain.wall,
    };
  }
  log(`${news} posts: ${pages} pages in ${wall.toFixed(1)} s (${((wall * 1000) / pages).toFixed(1)} ms per page)`);
  return {
    news,
    work,
    outDir,
    port,
    slugs,
    pages,
    wall,
    cpu: astro.cpu + pagefind.cpu,
    peakMb: Math.max(astro.peakMb, pagefind.peakMb),
    astroWall: astro.wall,
    pagefindWall: pagefind.wall,
    again,
  };
}

/** The pages measured for weight and Lighthouse, by URL; missing ones are reported as not built. */
function targets(build) {
  const first = (folder, slugs) =>
    slugs.map((s) => `/${folder}/${s}/`).find((p) => existsSync(join(build.outDir, p, 'index.html')));
  return [
    { name: 'Home', path: '/' },
    { name: 'News post', path: first('news', build.slugs.newsSlugs) ?? '/news/(post)/' },
    { name: 'A–Z topic', path: first('a-z', build.slugs.azSlugs) ?? '/a-z/(topic)/' },
    { name: 'Services', path: '/services/' },
    { name: 'Search', path: '/search/', query: '?q=anxiety' },
  ].map((t) => ({ ...t, built: existsSync(join(build.outDir, t.path, 'index.html')) }));
}

/** Loads each page in Chromium and totals its requests and bytes (raw, gzip and brotli). */
async function measureWeight(server, list) {
  const browser = await chromium.launch({ executablePath: CHROME, args: CHROME_FLAGS });
  const rows = [];
  for (const target of list) {
    if (!target.built) {
      rows.push({ ...target });
      continue;
    }
    const context = await browser.newContext();
    const page = await context.newPage();
    const responses = [];
    page.on('response', (response) => responses.push(response));
    await page.goto(`${server.url}${target.path}${target.query ?? ''}`, { waitUntil: 'networkidle' });
    let raw = 0;
    let gzip = 0;
    let brotli = 0;
    let js = 0;
    let jsBrotli = 0;
    for (const response of responses) {
      const body = await response.body().catch(() => Buffer.alloc(0));
      const b = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
      raw += body.length;
      gzip += gzipSync(body, { level: 6 }).length;
      brotli += b;
      const type = response.headers()['content-type'] ?? '';
      if (type.includes('javascript') || /\.m?js(\?|$)/.test(response.url())) {
        js += body.length;
        jsBrotli += b;
      }
    }
    rows.push({ ...target, requests: responses.length, raw, gzip, brotli, js, jsBrotli });
    log(
      `${target.name}: ${responses.length} requests, ${(gzip / 1024).toFixed(1)} KB gzip, ${(js / 1024).toFixed(1)} KB JS`,
    );
    await context.close();
  }
  await browser.close();
  return rows;
}

/** Runs a command without blocking this process (the page server runs in it). */
function run(command, commandArgs, options) {
  return new Promise((resolveRun) => {
    const child = spawn(command, commandArgs, options);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGTERM'), 180_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolveRun({ status, stdout, stderr });
    });
  });
}

/** Lighthouse (mobile, the default) scores for one URL, 0–100 per category. */
async function lighthouse(url) {
  const result = await run(
    process.execPath,
    [
      join(ROOT, 'node_modules/lighthouse/cli/index.js'),
      url,
      '--output=json',
      '--output-path=stdout',
      '--quiet',
      `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
    ],
    { cwd: ROOT, env: { ...process.env, CHROME_PATH: CHROME } },
  );
  if (result.status !== 0) return { error: result.stderr.split('\n').find(Boolean) ?? 'failed' };
  const report = JSON.parse(result.stdout);
  const score = (id) => Math.round((report.categories[id]?.score ?? 0) * 100);
  // Only audits that count towards a category score (weight above zero) are listed.
  const weighted = new Set(
    Object.values(report.categories).flatMap((c) => c.auditRefs.filter((r) => r.weight > 0).map((r) => r.id)),
  );
  const failing = [...weighted].filter((id) => (report.audits[id]?.score ?? 1) < 1);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    failing: failing.slice(0, 6),
  };
}

const kb = (bytes) => (bytes === undefined ? '–' : `${(bytes / 1024).toFixed(1)}`);
const mark = (ok) => (ok ? '✅' : '❌');

async function main() {
  log(
    `sizes: ${SIZES.join(', ')} news posts (+ ${AZ} A–Z, ${SERVICES} services); Lighthouse ${LIGHTHOUSE ? 'on' : 'off'}`,
  );
  const builds = [];
  let weights = [];
  for (const [index, size] of SIZES.entries()) {
    const build = await buildSize(size, size === (SIZES.includes(1000) ? 1000 : SIZES[0]));
    builds.push(build);
    // Page weight and Lighthouse do not depend on the number of posts; measure them once.
    if (index === 0) {
      const server = await startNetlifyServer(build.outDir, join(ROOT, 'netlify.toml'), build.port);
      weights = await measureWeight(server, targets(build));
      if (LIGHTHOUSE) {
        for (const row of weights.filter((r) => r.built)) {
          log(`Lighthouse (mobile): ${row.name}…`);
          row.lighthouse = await lighthouse(`${server.url}${row.path}${row.query ?? ''}`);
          log(`Lighthouse ${row.name}: ${JSON.stringify(row.lighthouse)}`);
        }
      }
      await server.close();
    }
    rmSync(build.work, { recursive: true, force: true });
  }

  const buildTable = [
    '| News posts | Pages built | Wall time (s) | Astro / Pagefind (s) | CPU time (s) | ms per page | Peak memory (MB) |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...builds.map(
      (b) =>
        `| ${b.news} | ${b.pages} | ${b.wall.toFixed(1)} | ${b.astroWall.toFixed(1)} / ${b.pagefindWall.toFixed(1)} | ${b.cpu.toFixed(1)} | ${((b.wall * 1000) / b.pages).toFixed(1)} | ${b.peakMb.toFixed(0)} |`,
    ),
  ];
  const marginal =
    builds.length > 1
      ? (() => {
          const [a, b] = [builds[0], builds.at(-1)];
          const perPost = ((b.wall - a.wall) * 1000) / (b.news - a.news);
          const perPostCpu = ((b.cpu - a.cpu) * 1000) / (b.news - a.news);
          return `Marginal cost per extra post (${a.news} → ${b.news}): ${perPost.toFixed(1)} ms wall, ${perPostCpu.toFixed(1)} ms CPU. The ${b.news}-post build took ${(b.wall / a.wall).toFixed(2)}× the ${a.news}-post build.`;
        })()
      : 'Only one size was built this run, so there is no marginal cost per post (run with `--sizes 1000,5000`).';
  const rebuilt = builds.find((b) => b.again);
  const rebuildTable = rebuilt
    ? [
        '| News posts | First build, cold (s) | Second build, caches kept (s) | Astro / Pagefind (s) | CPU time (s) | Peak memory (MB) |',
        '| ---: | ---: | ---: | ---: | ---: | ---: |',
        `| ${rebuilt.news} | ${rebuilt.wall.toFixed(1)} | ${rebuilt.again.wall.toFixed(1)} | ${rebuilt.again.astroWall.toFixed(1)} / ${rebuilt.again.pagefindWall.toFixed(1)} | ${rebuilt.again.cpu.toFixed(1)} | ${rebuilt.again.peakMb.toFixed(0)} |`,
      ]
    : ['Not measured this run.'];
  const weightTable = [
    '| Page | URL | Requests | Raw (KB) | gzip (KB) | brotli (KB) | JS (KB, brotli) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...weights.map((r) =>
      r.built
        ? `| ${r.name} | \`${r.path}${r.query ?? ''}\` | ${r.requests} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} | ${kb(r.js)} (${kb(r.jsBrotli)}) |`
        : `| ${r.name} | \`${r.path}\` | not built | – | – | – | – |`,
    ),
  ];
  const lhTable = [
    '| Page | Performance | Accessibility | Best practices | SEO | Audits not passed |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    ...weights.map((r) =>
      !r.built
        ? `| ${r.name} | not built | | | | |`
        : !r.lighthouse
          ? `| ${r.name} | not run | | | | |`
          : r.lighthouse.error
            ? `| ${r.name} | error: ${r.lighthouse.error} | | | | |`
            : `| ${r.name} | ${r.lighthouse.performance} | ${r.lighthouse.accessibility} | ${r.lighthouse.bestPractices} | ${r.lighthouse.seo} | ${r.lighthouse.failing.join(', ') || '–'} |`,
    ),
  ];

  const first = builds[0];
  const last = builds.at(-1);
  const post = weights.find((r) => r.name === 'News post');
  const lhRows = weights.filter((r) => r.lighthouse && !r.lighthouse.error);
  const budgets = [
    '| Budget | Result | Met |',
    '| --- | --- | :---: |',
    first.news === 1000
      ? `| 1,000-post build ≤ ${BUDGET.buildSeconds} s | ${first.wall.toFixed(1)} s | ${mark(first.wall <= BUDGET.buildSeconds)} |`
      : `| 1,000-post build ≤ ${BUDGET.buildSeconds} s | not measured | – |`,
    first.news === 1000
      ? `| 1,000-post build ≤ 1 GB peak memory | ${first.peakMb.toFixed(0)} MB | ${mark(first.peakMb <= BUDGET.peakMb)} |`
      : '| 1,000-post build ≤ 1 GB peak memory | not measured | – |',
    builds.length > 1
      ? `| ${last.news}-post build ≤ ${BUDGET.scaling}× the ${first.news}-post build | ${(last.wall / first.wall).toFixed(2)}× | ${mark(last.wall / first.wall <= BUDGET.scaling)} |`
      : `| Linear scaling (5,000 ≤ ${BUDGET.scaling}× 1,000) | not measured this run | – |`,
    post?.built
      ? `| News post ≤ ${BUDGET.newsPostKb} KB compressed, ≤ ${BUDGET.newsPostRequests} requests, no JS | ${kb(post.gzip)} KB gzip, ${post.requests} requests, ${kb(post.js)} KB JS | ${mark(post.gzip <= BUDGET.newsPostKb * 1024 && post.requests <= BUDGET.newsPostRequests && post.js === 0)} |`
      : '| News post ≤ 14 KB compressed, ≤ 3 requests, no JS | news post not built | – |',
    lhRows.length
      ? `| Lighthouse 100 in every category | ${lhRows.map((r) => `${r.name}: ${[r.lighthouse.performance, r.lighthouse.accessibility, r.lighthouse.bestPractices, r.lighthouse.seo].join('/')}`).join('; ')} | ${mark(lhRows.every((r) => [r.lighthouse.performance, r.lighthouse.accessibility, r.lighthouse.bestPractices, r.lighthouse.seo].every((s) => s === 100)))} |`
      : '| Lighthouse 100 in every category | not run | – |',
  ];

  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, Node ${process.version}; load average at the start ${LOAD_AT_START.map((l) => l.toFixed(1)).join(', ')}`;
  const report = `# Benchmarks

Generated by \`npm run bench -- --sizes ${SIZES.join(',')}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC
(${machine}). Content is synthetic and seeded (bench/generate.mjs): news posts as given, ${AZ} A–Z
topics and ${SERVICES} services, plus the real settings, pages and values. Builds are cold (fresh
Astro and Vite caches). Times come from \`/usr/bin/time -v\`; the machine is shared, so expect
noise of ±20 %.

## Build

${buildTable.join('\n')}

${marginal}

## Rebuild after publishing one post

An editor publishes one post; the site builds again with Astro's and Vite's caches from the last
build kept (Netlify keeps them between deploys). Astro reuses the stored content of every
unchanged entry but still renders every page; Pagefind indexes every page again.

${rebuildTable.join('\n')}

## Page weight

Loaded in Chromium from a server that applies netlify.toml's headers. Compressed sizes are the
responses compressed here (gzip level 6, brotli quality 11), as Netlify compresses on the fly.
Pages from branches not yet merged show as "not built".

${weightTable.join('\n')}

## Lighthouse (mobile)

${lhTable.join('\n')}

## Budgets

${budgets.join('\n')}

## Notes

- Peak memory is the largest resident size of the build process (\`/usr/bin/time -v\`). Builds run
  as \`npm run build\` runs them, through \`scripts/astro-build.mjs\`, which sets no memory limit but
  two things that keep the peak down. V8 grows the JavaScript heap by half of what was live after
  each full collection (\`--heap-growing-percent=50\`) instead of up to four times: the live heap is
  about 110 MB at 1,000 posts and 250 MB at 5,000, but V8 let garbage pile up to several hundred MB
  between collections. And Rolldown (Vite 8's bundler) allocates with mimalloc, which by default
  backs its arena with 2 MB huge pages and keeps freed pages for a second: with about 40 MB of
  Rolldown data live, its arena held 250–320 MB. \`MIMALLOC_ALLOW_THP=0\` and
  \`MIMALLOC_PURGE_DELAY=0\` make it hold about what it uses. Measured one at a time on the
  1,000-post build (noisy, ±50 MB): about 1,030 MB before, 904 MB once the store kept no raw
  Markdown, about 750 MB with the mimalloc settings too, and about 630 MB with the heap setting as
  well; at 5,000 posts 1,509 → 1,286 → 817 MB. The heap setting costs about 2 % more CPU; 25 %
  instead of 50 % saved 20–40 MB more for 5–7 % more CPU.
- Astro bundles its whole content store into the build (every entry's data and rendered HTML).
  The store keeps no raw Markdown (\`src/content/checked-glob.ts\`): a news post's reading time is
  counted in the loader, and the A–Z heading check reads each file. At 1,000 posts
  \`data-store.json\` went from 5.2 MB to 3.3 MB.
- Tried and not kept: \`--optimize-for-size\` (402 MB at 1,000 posts, but 2.5 times the CPU); a
  smaller young generation (\`--max-semi-space-size=8\`: higher, 811 MB);
  \`node --max-old-space-size=512\` (848 MB before these changes, but a hard limit a bigger site
  would hit). At the peak of a 1,000-post build (\`/proc/PID/smaps\`) V8's heap holds about
  260 MB, glibc's heap (Node's and the other native modules' allocations) about 145 MB, the Node
  binary and native code about 80 MB, and Rolldown's arena about 50 MB.
- The content checks (reading grade, helpline numbers, the A–Z rules) run on every topic and post,
  and the synthetic A–Z topics are copies of the real, long ones, so builds cost more than the
  figures from before those checks (see git history).
- Other work shared the machine's two cores during these runs: wall times are noisy; CPU times and
  memory less so.
${searchNote()}`;
  writeFileSync(
    join(ROOT, 'BENCHMARKS.md'),
    await format(report, { ...(await resolveConfig(join(ROOT, 'BENCHMARKS.md'))), parser: 'markdown' }),
  );
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(
    join(ROOT, `bench/results/${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
    JSON.stringify({ builds: builds.map(({ slugs: _slugs, ...b }) => b), weights }, null, 2),
  );
  console.log(
    `\n${buildTable.join('\n')}\n\n${marginal}\n\n${rebuildTable.join('\n')}\n\n${weightTable.join('\n')}\n\n${lhTable.join('\n')}\n\n${budgets.join('\n')}\n`,
  );
  log('results written to BENCHMARKS.md');
}

await main();
