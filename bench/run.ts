// `npm run bench [-- --sizes 1000,5000] [--no-lighthouse] [--rounds 5]`: builds the site from seeded
// synthetic content with `astro build` (our build script), and in the same run the bare-Astro floor
// (bench/floor.ts) on the same posts, and reports our build as a ratio to the floor: cold at each
// size, and warm (one post changed, caches kept as Netlify keeps them) at 1,000 posts, or the
// first size. Also peak memory, page weight and Lighthouse scores of our build.
//
// Prints progress and tables, and writes BENCHMARKS.md from what this run measured, and nothing
// else (the history of past figures is in docs/performance.md). Figures are printed, never
// asserted: the machine is shared and noisy, so the ratios, measured side by side, are what counts.
import { spawn, spawnSync, type SpawnOptionsWithoutStdio } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium, type Response } from '@playwright/test';
import { format, resolveConfig } from 'prettier';
import { parse as parseToml } from 'smol-toml';
import { floorCommands, writeFloorProject } from './floor.ts';
import { generateContent, type GeneratedSlugs } from './generate.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/harness/chromium.ts';
import { startNetlifyServer } from '../tests/harness/netlify-server.ts';

const ROOT = resolve(import.meta.dirname, '..');
/**
 * Five by default (three until 2026-12-03): the same code measured 1.80× and 2.22× cold at 1,000
 * posts in two three-round runs ten minutes apart, because the floor waits on the disk and its time
 * swings with the disk's state (docs/performance.md, seventeenth round).
 */
const DEFAULT_ROUNDS = '5';
const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000' },
    az: { type: 'string', default: '300' },
    services: { type: 'string', default: '50' },
    'no-lighthouse': { type: 'boolean', default: false },
    rounds: { type: 'string', default: DEFAULT_ROUNDS },
  },
});
const SIZES = args.sizes.split(',').map(Number);
const WARM_SIZE = SIZES.includes(1000) ? 1000 : SIZES[0];

const AZ = Number(args.az);
const SERVICES = Number(args.services);
const LIGHTHOUSE = !args['no-lighthouse'];
/**
 * Rounds of each size: each builds both sides, one after the other, from fresh caches. The tables
 * show the round with the median ratio, and list every round's: on this shared machine one side's
 * time moved by half or more between two runs minutes apart, so one pair alone could flatter or
 * wrong either side.
 */
const ROUNDS = Math.max(1, Number(args.rounds));
const CHROME = chromiumPath() ?? '/usr/bin/chromium';
const CHROME_FLAGS = CHROMIUM_ARGS;

/** Names this run's results file. */
const RUN_STARTED = new Date().toISOString().replace(/[:.]/g, '-');

/** How busy the machine was before we started: wall time far above CPU time means waiting. */
const LOAD_AT_START = loadavg();

/** The targets of issue 20, and the page budgets. */
const TARGET = {
  ratio: 2.0,
  peakMb: (news: number) => (news <= 1000 ? 800 : 1024),
  newsPostKb: 14,
  newsPostRequests: 3,
  /**
   * A news post's JavaScript, uncompressed: at most 1 KB for BaseLayout's one script (the "/" search
   * shortcut and the registration of the offline help's service worker) and, on pages that have it,
   * "Exit this page" (issue 22 and docs/visitor-safety.md). Issue 8's "no JS" predates both.
   */
  newsPostJsKb: 1,
};

/**
 * Our build: package.json's `build` script, which is `astro build` (tests/unit/build-command.test.ts),
 * started the way the floor's is (bench/floor.ts): this Node running Astro's CLI. So neither side
 * counts a launcher's own start-up: npm's is about 0.27 s on this machine (`npm exec -- node -e 0`
 * against `node -e 0`), where Netlify starts the build with npx. Any other script is run with npm.
 */
const BUILD_SCRIPT = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts['build'];
const OUR_BUILD =
  BUILD_SCRIPT === 'astro build'
    ? {
        label: 'astro build',
        command: process.execPath,
        args: [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'],
      }
    : { label: 'npm run build', command: 'npm', args: ['run', 'build', '--silent'] };

/** netlify.toml's [build.environment], read with smol-toml as Netlify reads the file. */
const NETLIFY_BUILD_ENV = Object.fromEntries(
  Object.entries(
    (
      parseToml(readFileSync(join(ROOT, 'netlify.toml'), 'utf8')) as {
        build?: { environment?: Record<string, unknown> };
      }
    ).build?.environment ?? {},
  ).map(([name, value]) => [name, String(value)]),
);

const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

/** Seconds from a duration as Astro logs it: "3m 15s", "41.25s", "285ms". */
function seconds(text: string): number {
  let total = 0;
  for (const [, value, unit] of text.matchAll(/([\d.]+)\s*(ms|m|s)\b/g)) {
    total += Number(value) * (unit === 'm' ? 60 : unit === 'ms' ? 0.001 : 1);
  }
  return total;
}

/** Astro's own timings from its build log: content sync and page generation, in seconds. */
function astroTimings(output: string): Pick<Build, 'syncSeconds' | 'pagesSeconds'> {
  const sync = /\[types\] Generated ([^\n]+)/.exec(output)?.[1];
  const pages = /generating static routes[\s\S]*?\n\S+ ✓ Completed in ([^\n]+)/.exec(output)?.[1];
  return { syncSeconds: sync ? seconds(sync) : NaN, pagesSeconds: pages ? seconds(pages) : NaN };
}

/** One command's cost: wall and CPU seconds, peak resident memory, and what it printed. */
interface Timed {
  wall: number;
  cpu: number;
  peakMb: number;
  output: string;
}

/** One build's cost (its commands taken together) and Astro's own timings from its log. */
interface Build extends Omit<Timed, 'output'> {
  syncSeconds: number;
  pagesSeconds: number;
}

/** One side (ours or the floor) at one size: its cold build, its warm rebuild, its page count. */
interface Side {
  cold: Build;
  warm?: Build;
  pages: number;
}

/** What one size measured, and where its build is. */
interface SizeBuild {
  news: number;
  outDir: string;
  port: number;
  slugs: GeneratedSlugs;
  ours: Side;
  floor: Side;
  /** Ours ÷ the floor, wall time, in each round: cold, and warm where measured. */
  coldRatios: number[];
  warmRatios: number[];
  /** Our largest peak memory in any round. */
  oursPeakMb: number;
}

/** A page measured for weight and Lighthouse. */
interface Target {
  name: string;
  path: string;
  query?: string;
  built: boolean;
}

/** Lighthouse's scores (0–100), or why it did not run. */
type LighthouseResult =
  | { error: string }
  | {
      performance: number;
      accessibility: number;
      bestPractices: number;
      seo: number;
      failing: string[];
      /** Lighthouse's error on a first run it could not finish, when a second run gave these scores. */
      firstTry?: string;
    };

/** A page's weight as loaded in Chromium (none if it was not built), and its Lighthouse scores. */
interface WeightRow extends Target {
  requests?: number;
  raw?: number;
  gzip?: number;
  brotli?: number;
  js?: number;
  jsBrotli?: number;
  lighthouse?: LighthouseResult;
}

/** The parts of Lighthouse's JSON report read here. */
interface LighthouseReport {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] } | undefined>;
  audits: Record<string, { score: number | null } | undefined>;
}

/** Runs a command under /usr/bin/time -v; returns wall and CPU seconds, peak RSS and its output. */
function timed(label: string, command: string, commandArgs: string[], env: NodeJS.ProcessEnv): Timed {
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
    throw new Error(`${label} failed with status ${String(result.status)}`);
  }
  const stat = (name: string) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(result.stderr)?.[1] ?? NaN);
  const cpu = hasTime ? stat('User time \\(seconds\\)') + stat('System time \\(seconds\\)') : NaN;
  // The largest resident size of any one process of the command (for a chain of commands, the
  // biggest of them), as getrusage reports it for waited-for children.
  const peakMb = hasTime ? stat('Maximum resident set size \\(kbytes\\)') / 1024 : NaN;
  log(`${label}: ${wall.toFixed(1)} s wall, ${cpu.toFixed(1)} s CPU, ${peakMb.toFixed(0)} MB peak`);
  return { wall, cpu, peakMb, output: `${result.stdout}\n${result.stderr}` };
}

/** Several timed steps taken as one build: times add up, peak memory is the largest. */
function combine(steps: Timed[]): Build {
  return {
    wall: steps.reduce((sum, s) => sum + s.wall, 0),
    cpu: steps.reduce((sum, s) => sum + s.cpu, 0),
    peakMb: Math.max(...steps.map((s) => s.peakMb)),
    ...astroTimings(steps.map((s) => s.output).join('\n')),
  };
}

/** A free TCP port on 127.0.0.1 (so the build can use the preview address as its site URL). */
function freePort(): Promise<number> {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolvePort(port));
    });
  });
}

/** Number of HTML pages in a build (the copied CMS bundle is not ours). */
function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.html') && !f.startsWith('admin/decap/'),
  ).length;
}

/**
 * Every folder this run writes, removed only once the last build is measured (or the run is
 * stopped). Files are not deleted between builds: on this disk (ext4 without a journal), creating
 * a file soon after thousands were deleted is slow, because the kernel skips inodes deleted in the
 * last minute or more (`recently_deleted` in fs/ext4/ialloc.c, seen with `perf record -g`). Deleting
 * one build's output just before another build made that build pay for the deletion: our cold build
 * at 1,000 posts took 13.6 s after deleting the last one's 5,000 files and 12.0 s after moving them
 * aside, while the floor's took about the same either way (docs/performance.md). A build on Netlify
 * starts in a fresh container and never pays it.
 */
const RUN_DIR = mkdtempSync(join(tmpdir(), 'bench-'));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    rmSync(RUN_DIR, { recursive: true, force: true });
    process.exit(1);
  });
}

/** Moves a folder out of the way, into this run's folder, instead of deleting it (see RUN_DIR). */
let setAside = 0;
function moveAside(dir: string): void {
  if (!existsSync(dir)) return;
  setAside += 1;
  renameSync(dir, join(RUN_DIR, `set-aside-${String(setAside)}`));
}

/** Environment for one side's build: its own output and cache folders under `dir`. */
function buildEnv(dir: string, content: string, port: number) {
  return {
    ...process.env,
    // Both sides build in the environment Netlify gives a build (netlify.toml's [build.environment],
    // e.g. Rolldown's allocator settings, which must be set before Astro starts).
    ...NETLIFY_BUILD_ENV,
    CONTENT_DIR: content,
    OUT_DIR: join(dir, 'dist'),
    ASTRO_CACHE_DIR: join(dir, 'astro-cache'),
    VITE_CACHE_DIR: join(dir, 'vite-cache'),
    SITE_URL: `http://127.0.0.1:${String(port)}`,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
}

/** Runs the floor's step and ours one after the other, the floor's first when `floorFirst`. */
function inTurn<T>(floorFirst: boolean, floorStep: () => T, oursStep: () => T): [floor: T, ours: T] {
  if (floorFirst) {
    const floor = floorStep();
    return [floor, oursStep()];
  }
  const ours = oursStep();
  return [floorStep(), ours];
}

/** Ours ÷ the floor, wall time, in one round: cold, and warm (NaN where it was not measured). */
const coldRatio = (r: { ours: Side; floor: Side }) => ratio(r.ours.cold.wall, r.floor.cold.wall);
const warmRatio = (r: { ours: Side; floor: Side }) => ratio(r.ours.warm?.wall ?? NaN, r.floor.warm?.wall ?? NaN);

/**
 * Builds one size, ours and the floor, side by side on the same content: cold (fresh caches),
 * and when `warm`, again after one post changed with every cache kept.
 */
async function buildSize(news: number, warm: boolean): Promise<SizeBuild> {
  const work = mkdtempSync(join(RUN_DIR, `${String(news)}-`));
  const content = join(work, 'content');
  log(`generating ${String(news)} news posts, ${String(AZ)} A–Z topics, ${String(SERVICES)} services…`);
  const slugs = generateContent(content, { news, az: AZ, services: SERVICES });
  const port = await freePort();
  const floorDir = writeFloorProject(join(work, 'floor'));
  const changed = join(content, 'news', `${slugs.newsSlugs[0] ?? ''}.md`);
  const original = readFileSync(changed, 'utf8');

  const rounds: { ours: Side; floor: Side; oursOut: string }[] = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    const tag = ROUNDS > 1 ? `, round ${String(round)} of ${String(ROUNDS)}` : '';
    // Each round its own output and cache folders: fresh caches for its cold builds.
    const oursEnv = buildEnv(join(work, `ours-${String(round)}`), content, port);
    const floorEnv = buildEnv(join(work, `floor-${String(round)}`), content, port);
    const floorBuild = (label: string) =>
      combine(
        floorCommands(floorDir, floorEnv.OUT_DIR).map((step) =>
          timed(`floor: ${step.label}, ${label} (${String(news)} posts${tag})`, step.command, step.args, floorEnv),
        ),
      );
    const oursBuild = (label: string) =>
      combine([
        timed(
          `ours: ${OUR_BUILD.label}, ${label} (${String(news)} posts${tag})`,
          OUR_BUILD.command,
          OUR_BUILD.args,
          oursEnv,
        ),
      ]);
    // Cold builds floor first in odd rounds and ours first in even ones; warm builds the other way
    // round, so a change in the machine's load during the run does not always favour one side.
    const floorFirst = round % 2 === 1;
    const [floorCold, oursCold] = inTurn(
      floorFirst,
      () => floorBuild('cold'),
      () => oursBuild('cold'),
    );
    const floor: Side = { cold: floorCold, pages: countPages(floorEnv.OUT_DIR) };
    const ours: Side = { cold: oursCold, pages: countPages(oursEnv.OUT_DIR) };
    if (warm) {
      // What publishing one post does: one Markdown file changes, then the same build runs with the
      // caches the last one left (content store in ASTRO_CACHE_DIR, dependencies in VITE_CACHE_DIR),
      // in a fresh checkout: Netlify keeps those caches between deploys, not the output folder, so
      // the output is moved away first (Astro would otherwise spend a second or more emptying it).
      moveAside(oursEnv.OUT_DIR);
      moveAside(floorEnv.OUT_DIR);
      appendFileSync(changed, '\nUpdated: the group now also meets on Thursday evenings.\n');
      [floor.warm, ours.warm] = inTurn(
        !floorFirst,
        () => floorBuild('warm, one post changed'),
        () => oursBuild('warm, one post changed'),
      );
      // The next round starts from the same content.
      writeFileSync(changed, original);
    }
    const measured = { ours, floor, oursOut: oursEnv.OUT_DIR };
    rounds.push(measured);
    log(
      `${String(news)} posts${tag}: cold ${times(coldRatio(measured))}${warm ? `, warm ${times(warmRatio(measured))}` : ''}`,
    );
  }

  /** The round whose ratio is the median (for an even count, the higher of the two middle ones). */
  const median = (ratioOf: (r: (typeof rounds)[number]) => number) =>
    [...rounds].sort((x, y) => ratioOf(x) - ratioOf(y))[Math.ceil((rounds.length - 1) / 2)]!;
  const coldRound = median(coldRatio);
  const warmRound = warm ? median(warmRatio) : undefined;
  const ours: Side = {
    cold: coldRound.ours.cold,
    pages: coldRound.ours.pages,
    ...(warmRound ? { warm: warmRound.ours.warm } : {}),
  };
  const floor: Side = {
    cold: coldRound.floor.cold,
    pages: coldRound.floor.pages,
    ...(warmRound ? { warm: warmRound.floor.warm } : {}),
  };
  log(`${String(news)} posts: ours ${String(ours.pages)} pages, floor ${String(floor.pages)} pages`);
  return {
    news,
    // The last round's output, for page weight and Lighthouse.
    outDir: rounds.at(-1)!.oursOut,
    port,
    slugs,
    ours,
    floor,
    coldRatios: rounds.map(coldRatio),
    warmRatios: warm ? rounds.map(warmRatio) : [],
    oursPeakMb: Math.max(...rounds.flatMap((r) => [r.ours.cold.peakMb, r.ours.warm?.peakMb ?? 0])),
  };
}

/** The pages measured for weight and Lighthouse, by URL; missing ones are reported as not built. */
function targets(build: SizeBuild): Target[] {
  const first = (folder: string, slugs: string[]) =>
    slugs.map((s) => `/${folder}/${s}/`).find((p) => existsSync(join(build.outDir, p, 'index.html')));
  return [
    { name: 'Home', path: '/' },
    { name: 'News post', path: first('news', build.slugs.newsSlugs) ?? '/news/(post)/' },
    { name: 'A–Z topic', path: first('a-z', build.slugs.azSlugs) ?? '/a-z/(topic)/' },
    { name: 'Services', path: '/services/' },
    { name: 'Search', path: '/search/', query: '?q=anxiety' },
  ].map((t: Omit<Target, 'built'>) => ({ ...t, built: existsSync(join(build.outDir, t.path, 'index.html')) }));
}

/** Loads each page in Chromium and totals its requests and bytes (raw, gzip and brotli). */
async function measureWeight(server: { url: string }, list: Target[]): Promise<WeightRow[]> {
  const browser = await chromium.launch({ executablePath: CHROME, args: CHROME_FLAGS });
  const rows: WeightRow[] = [];
  for (const target of list) {
    if (!target.built) {
      rows.push({ ...target });
      continue;
    }
    const context = await browser.newContext();
    const page = await context.newPage();
    const responses: Response[] = [];
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
      `${target.name}: ${String(responses.length)} requests, ${(gzip / 1024).toFixed(1)} KB gzip, ${(js / 1024).toFixed(1)} KB JS`,
    );
    await context.close();
  }
  await browser.close();
  return rows;
}

/** Runs a command without blocking this process (the page server runs in it). */
function run(
  command: string,
  commandArgs: string[],
  options: SpawnOptionsWithoutStdio,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolveRun) => {
    const child = spawn(command, commandArgs, options);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), 180_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolveRun({ status, stdout, stderr });
    });
  });
}

/** Lighthouse (mobile, the default) scores for one URL, 0–100 per category. */
/**
 * Lighthouse's scores for `url`. A run Lighthouse itself could not finish (it exits with an error,
 * such as NO_NAVSTART, "Please run Lighthouse again") is run once more, as it asks; the scores then
 * say so. A second failure is reported as it is.
 */
async function lighthouse(url: string): Promise<LighthouseResult> {
  const first = await lighthouseRun(url);
  if (!('error' in first)) return first;
  log(`Lighthouse could not finish ${url} (${first.error}); running it once more`);
  const second = await lighthouseRun(url);
  return 'error' in second ? second : { ...second, firstTry: first.error };
}

async function lighthouseRun(url: string): Promise<LighthouseResult> {
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
    // Lighthouse's Chromium leaves a folder in the temporary folder each time it is stopped (its
    // singleton socket, org.chromium.Chromium.*), so it gets this run's folder, removed at the end.
    { cwd: ROOT, env: { ...process.env, CHROME_PATH: CHROME, TMPDIR: RUN_DIR } },
  );
  if (result.status !== 0) return { error: result.stderr.split('\n').find(Boolean) ?? 'failed' };
  const report = JSON.parse(result.stdout) as LighthouseReport;
  const score = (id: string) => Math.round((report.categories[id]?.score ?? 0) * 100);
  // Only audits that count towards a category score (weight above zero) are listed.
  const weighted = new Set(
    Object.values(report.categories).flatMap((c) => (c?.auditRefs ?? []).filter((r) => r.weight > 0).map((r) => r.id)),
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

const kb = (bytes: number | undefined) => (bytes === undefined ? '–' : `${(bytes / 1024).toFixed(1)}`);
const mark = (ok: boolean) => (ok ? '✅' : '❌');
const num = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const ratio = (a: number, b: number) => a / b;
const times = (r: number) => `${num(r, 2)}×`;

/** A table row for one build. */
function buildRow(news: number, side: string, pages: number, b: Build): string {
  return `| ${String(news)} | ${side} | ${String(pages)} | ${num(b.wall)} | ${num(b.cpu)} | ${num(b.syncSeconds)} / ${num(b.pagesSeconds)} | ${num((b.wall * 1000) / pages)} | ${num(b.peakMb, 0)} |`;
}

/** The ratio row under a pair of builds. */
function ratioRow(news: number, ours: Build, floor: Build, oursPages: number, floorPages: number): string {
  return `| ${String(news)} | **ours ÷ floor** | | **${times(ratio(ours.wall, floor.wall))}** | ${times(ratio(ours.cpu, floor.cpu))} | ${times(ratio(ours.syncSeconds, floor.syncSeconds))} / ${times(ratio(ours.pagesSeconds, floor.pagesSeconds))} | ${times(ratio(ours.wall / oursPages, floor.wall / floorPages))} | |`;
}

async function main(): Promise<void> {
  log(
    `sizes: ${SIZES.join(', ')} news posts (+ ${String(AZ)} A–Z, ${String(SERVICES)} services); warm rebuild at ${String(WARM_SIZE)}; Lighthouse ${LIGHTHOUSE ? 'on' : 'off'}`,
  );
  const builds: SizeBuild[] = [];
  let weights: WeightRow[] = [];
  for (const [index, size] of SIZES.entries()) {
    const build = await buildSize(size, size === WARM_SIZE);
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
    // Written after every size, so a run stopped part-way leaves what it measured.
    await writeReport(builds, weights);
  }
  log('results written to BENCHMARKS.md');
}
/** Writes BENCHMARKS.md and bench/results/<time>.json from the builds measured so far. */
async function writeReport(builds: SizeBuild[], weights: WeightRow[]): Promise<void> {
  const loadAtEnd = loadavg();
  const pending = SIZES.slice(builds.length);

  const header = [
    '| News posts | Build | Pages | Wall (s) | CPU (s) | Content sync / pages, Astro’s log (s) | ms per page (wall) | Peak memory (MB) |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const coldTable = [
    ...header,
    ...builds.flatMap((b) => [
      buildRow(b.news, 'floor', b.floor.pages, b.floor.cold),
      buildRow(b.news, 'ours', b.ours.pages, b.ours.cold),
      ratioRow(b.news, b.ours.cold, b.floor.cold, b.ours.pages, b.floor.pages),
    ]),
    ...(ROUNDS > 1
      ? [
          '',
          ...builds.map(
            (b) => `Ours ÷ the floor at ${String(b.news)} posts in each round: ${b.coldRatios.map(times).join(', ')}.`,
          ),
        ]
      : []),
  ];
  // The size with warm rebuilds of both sides, if it has been measured yet.
  const warm = builds.flatMap(({ news, ours, floor, warmRatios }) =>
    ours.warm && floor.warm
      ? [
          {
            news,
            ours: ours.warm,
            floor: floor.warm,
            oursPages: ours.pages,
            floorPages: floor.pages,
            ratios: warmRatios,
          },
        ]
      : [],
  )[0];
  /** Every round's ratio, when there were several (the figures shown are the median round's). */
  const roundsNote = (ratios: number[]) =>
    ratios.length > 1 ? `; rounds ${ratios.map(times).join(', ')}, median shown` : '';
  const warmTable = warm
    ? [
        ...header,
        buildRow(warm.news, 'floor', warm.floorPages, warm.floor),
        buildRow(warm.news, 'ours', warm.oursPages, warm.ours),
        ratioRow(warm.news, warm.ours, warm.floor, warm.oursPages, warm.floorPages),
        ...(ROUNDS > 1 ? ['', `Ours ÷ the floor in each round: ${warm.ratios.map(times).join(', ')}.`] : []),
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
  const scores = (lh: Extract<LighthouseResult, { performance: number }>) => [
    lh.performance,
    lh.accessibility,
    lh.bestPractices,
    lh.seo,
  ];
  const lhTable = [
    '| Page | Performance | Accessibility | Best practices | SEO | Audits not passed |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    ...weights.map((r) =>
      !r.built
        ? `| ${r.name} | not built | | | | |`
        : !r.lighthouse
          ? `| ${r.name} | not run | | | | |`
          : 'error' in r.lighthouse
            ? `| ${r.name} | error: ${r.lighthouse.error} | | | | |`
            : `| ${r.name} | ${scores(r.lighthouse).join(' | ')} | ${[...r.lighthouse.failing, ...(r.lighthouse.firstTry ? [`(second run; the first failed: ${r.lighthouse.firstTry})`] : [])].join(', ') || '–'} |`,
    ),
  ];

  const post = weights.find((r) => r.name === 'News post');
  const lhMissing = weights.flatMap((r) => (r.lighthouse && 'error' in r.lighthouse ? [r.name] : []));
  const lhRows = weights.flatMap((r) =>
    r.lighthouse && !('error' in r.lighthouse) ? [{ name: r.name, scores: scores(r.lighthouse) }] : [],
  );
  const targetRows = [
    '| Target | Measured | Met |',
    '| --- | --- | :---: |',
    ...builds.map((b) => {
      const r = ratio(b.ours.cold.wall, b.floor.cold.wall);
      return `| Cold build at ${b.news} posts ≤ ${TARGET.ratio.toFixed(1)}× the floor | ${times(r)} (${num(b.ours.cold.wall)} s ÷ ${num(b.floor.cold.wall)} s); CPU ${times(ratio(b.ours.cold.cpu, b.floor.cold.cpu))}${roundsNote(b.coldRatios)} | ${mark(r <= TARGET.ratio)} |`;
    }),
    ...pending.map(
      (news) =>
        `| Cold build at ${news} posts ≤ ${TARGET.ratio.toFixed(1)}× the floor | not measured (the run was stopped) | – |`,
    ),
    warm
      ? (() => {
          const r = ratio(warm.ours.wall, warm.floor.wall);
          return `| Warm rebuild at ${String(warm.news)} posts ≤ ${TARGET.ratio.toFixed(1)}× the floor’s | ${times(r)} (${num(warm.ours.wall)} s ÷ ${num(warm.floor.wall)} s); CPU ${times(ratio(warm.ours.cpu, warm.floor.cpu))}${roundsNote(warm.ratios)} | ${mark(r <= TARGET.ratio)} |`;
        })()
      : '| Warm rebuild ≤ 2.0× the floor’s | not measured | – |',
    ...builds.map((b) => {
      const peak = b.oursPeakMb;
      return `| Peak memory at ${b.news} posts ≤ ${TARGET.peakMb(b.news)} MB | ${num(peak, 0)} MB, the largest of any build${ROUNDS > 1 ? ' in any round' : ''} (floor ${num(b.floor.cold.peakMb, 0)} MB) | ${mark(peak <= TARGET.peakMb(b.news))} |`;
    }),
    post?.built && post.gzip !== undefined && post.requests !== undefined
      ? `| News post ≤ ${String(TARGET.newsPostKb)} KB compressed, ≤ ${String(TARGET.newsPostRequests)} requests, ≤ ${String(TARGET.newsPostJsKb)} KB JS | ${kb(post.gzip)} KB gzip, ${String(post.requests)} requests, ${kb(post.js)} KB JS | ${mark(post.gzip <= TARGET.newsPostKb * 1024 && post.requests <= TARGET.newsPostRequests && (post.js ?? Infinity) <= TARGET.newsPostJsKb * 1024)} |`
      : `| News post ≤ ${TARGET.newsPostKb} KB compressed, ≤ ${TARGET.newsPostRequests} requests, ≤ ${String(TARGET.newsPostJsKb)} KB JS | news post not built | – |`,
    lhRows.length
      ? `| Lighthouse 100 in every category | ${[...lhRows.map((r) => `${r.name}: ${r.scores.join('/')}`), ...lhMissing.map((name) => `${name}: not measured (Lighthouse failed twice)`)].join('; ')} | ${mark(lhMissing.length === 0 && lhRows.every((r) => r.scores.every((s) => s === 100)))} |`
      : '| Lighthouse 100 in every category | not run | – |',
  ];

  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, Node ${process.version}`;
  const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(', ');
  const options = [
    ...(args.sizes === '1000,5000' ? [] : [`--sizes ${args.sizes}`]),
    ...(LIGHTHOUSE ? [] : ['--no-lighthouse']),
    ...(args.rounds === DEFAULT_ROUNDS ? [] : [`--rounds ${args.rounds}`]),
  ];
  const command = ['npm run bench', ...(options.length ? ['--', ...options] : [])].join(' ');
  const report = `# Benchmarks

Written by \`${command}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC (${machine}; load
average ${load(LOAD_AT_START)} at the start, ${load(loadAtEnd)} at the end of the last build). Everything below was
measured in that run; the history of earlier figures is in docs/performance.md.${pending.length ? ` The run was stopped before the ${pending.join(', ')}-post builds.` : ''}

Content is synthetic and seeded (bench/generate.ts): the news posts given, ${AZ} A–Z topics and
${SERVICES} services, plus the real settings, pages and values. **Ours** is \`${OUR_BUILD.label}\`
(package.json's build script). **The floor** (bench/floor.ts) is bare Astro on the same news posts:
one glob collection with our news schema, one page per post rendering \`<Content />\` in a bare HTML
layout, one index page, then Pagefind. Both run on the same Node and the same installed Astro and
Pagefind, one after the other, and each side's Astro is started the same way: this Node running
Astro's CLI, with no launcher (npm, npx) in front.
Times come from \`/usr/bin/time -v\`; peak memory is the largest resident size of any one process of
the build. The machine is shared, so wall times are noisy; the ratios, measured side by side, and
the CPU times are steadier. No build's files are deleted until the run ends (they are moved
aside): on this disk, creating files soon after thousands were deleted is slow, which a build in a
fresh container does not pay (docs/performance.md).${
    ROUNDS > 1
      ? `\nEach size was built in ${String(ROUNDS)} rounds, each from fresh caches, the two sides one after the other\n(the floor first in odd rounds, ours first in even ones); the tables show the round with the median\nratio and list every round's.`
      : ''
  }

## Cold build

Fresh Astro and Vite caches and an empty output folder.

${coldTable.join('\n')}

## Warm rebuild after publishing one post

One post changes; the same build runs again with the caches the cold build left, which Netlify
keeps between deploys, and an empty output folder, which it does not keep.

${warmTable.join('\n')}

## Targets

${targetRows.join('\n')}

## Page weight

Our build at ${builds[0]?.news ?? '–'} posts, loaded in Chromium from a server that applies
netlify.toml's headers. Compressed sizes are the responses compressed here (gzip level 6, brotli
quality 11), as Netlify compresses on the fly. What a first search downloads is measured by
\`npm run bench:search\` (docs/search.md).

${weightTable.join('\n')}

## Lighthouse (mobile)

${lhTable.join('\n')}
`;
  writeFileSync(
    join(ROOT, 'BENCHMARKS.md'),
    await format(report, { ...(await resolveConfig(join(ROOT, 'BENCHMARKS.md'))), parser: 'markdown' }),
  );
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(
    join(ROOT, `bench/results/${RUN_STARTED}.json`),
    JSON.stringify(
      {
        loadAtStart: LOAD_AT_START,
        loadAtEnd,
        builds: builds.map(({ news, ours, floor }) => ({ news, ours, floor })),
        weights,
      },
      null,
      2,
    ),
  );
  console.log(
    `\n${coldTable.join('\n')}\n\n${warmTable.join('\n')}\n\n${targetRows.join('\n')}\n\n${weightTable.join('\n')}\n\n${lhTable.join('\n')}\n`,
  );
}

try {
  await main();
} finally {
  // Only now, with every build measured (see RUN_DIR).
  rmSync(RUN_DIR, { recursive: true, force: true });
}
