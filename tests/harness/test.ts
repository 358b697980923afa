// `npm test`: every check. Independent steps run side by side (two at a time, one per core):
// lint and formatting, types, unit tests, the few real fixture builds, and the one production
// build that the built-site checks, the browser tests and the CMS round trip then share.
// Each step's output is printed when it ends; a table of step times and one closing line
// ("N passed, N failed") come last. A step whose prerequisite failed is skipped and counted.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromiumPath } from './chromium.ts';
import { useSuiteClock } from '../support/clock.ts';

const { values: options } = parseArgs({
  options: { jobs: { type: 'string', default: process.env.TEST_JOBS ?? '2' } },
});

if (!chromiumPath()) {
  console.error(
    'No Chromium found: install it with `sudo apt-get update && sudo apt-get install -y chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium binary.',
  );
  process.exit(1);
}

const RESULTS = '.build/results';
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

// Every temporary folder the steps make goes in one folder of this run's own (TMPDIR, which
// os.tmpdir() reads), removed at the end: a crashed step leaves nothing behind, and two runs on one
// machine never remove each other's folders.
const RUN_TMP = mkdtempSync(join(tmpdir(), 'mmh-run-'));

const env = {
  ...process.env,
  TMPDIR: RUN_TMP,
  ASTRO_TELEMETRY_DISABLED: '1',
  FORCE_COLOR: '0',
  // The editor at /admin/ will not start without a repository name for its GitHub backend. On
  // Netlify it comes from REPOSITORY_URL; here a placeholder lets the tests load the editor.
  CMS_REPO: process.env.CMS_REPO ?? 'example-charity/website',
};
// One clock for the whole suite: the production build and every test are as of the same day,
// whatever the date the tests run (tests/support/clock.ts).
useSuiteClock(env);

const vitest = (project: string): Command => [
  'vitest',
  [
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${RESULTS}/${project}.json`,
  ],
];

/** A program (from node_modules/.bin, or node) and its arguments. */
type Command = [command: string, args: string[]];

/** One step of the run: its commands, the steps it waits for, extra environment, its JSON report. */
interface Step {
  name: string;
  run: Command[];
  /** Steps that must pass first. */
  needs?: string[];
  /** Steps that must have ended first, passed or not. */
  after?: string[];
  env?: Record<string, string>;
  results?: string;
  /** Its commands run at the same time (each prints its output in turn), not one after another. */
  together?: boolean;
}

/** How a step ended. */
interface StepResult {
  status: 'passed' | 'failed' | 'skipped';
  seconds: number;
}

/**
 * The steps, each with the steps it needs first. The order is the start order: the two longest
 * chains first (the CMS round trip after the editor's build; the browser tests after the
 * production build), then the rest, the longer before the shorter, so that the last to start
 * are short and the two jobs end close together.
 */
const STEPS: Step[] = [
  // The editor's build first, so that the CMS round trip, the longest chain, starts at once. Each
  // Astro process a test starts runs in its own copy of the project (tests/support/project-copy.ts),
  // with its own .astro/ folder, so none waits for another.
  { name: 'CMS editor build', run: [['node', ['tests/harness/test-cms.ts', '--build-only']]] },
  // After the editor's build, whose optimised pictures it starts from (tests/harness/test-cms.ts).
  { name: 'Production build', after: ['CMS editor build'], run: [['npm', ['run', 'build', '--silent']]] },
  {
    name: 'CMS round trip',
    needs: ['CMS editor build'],
    run: [['node', ['tests/harness/test-cms.ts', '--built', '--reporter=list,json']]],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${RESULTS}/cms.json` },
    results: 'cms.json',
  },
  {
    name: 'Browser tests',
    needs: ['Production build'],
    run: [['playwright', ['test', '--reporter=list,json']]],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${RESULTS}/e2e.json` },
    results: 'e2e.json',
  },
  { name: 'Unit tests', run: [vitest('unit')], results: 'unit.json' },
  { name: 'Content checks', run: [vitest('content')], results: 'content.json' },
  // The steps below need nothing from the production build but come after it (`after`), so that
  // a job that is free early takes the CMS round trip or the browser tests, never one of these.
  { name: 'Real builds of fixture trees', after: ['Production build'], run: [vitest('build')], results: 'build.json' },
  // The type check and ESLint's type-aware rules read the types the production build generated
  // into .astro/ (`--noSync`: the build has just written them; no other Astro process writes the
  // project's own). Both only read, so they run at the same time.
  {
    name: 'Type check and lint',
    needs: ['Production build'],
    together: true,
    run: [
      ['astro', ['check', '--minimumSeverity', 'warning', '--noSync']],
      ['eslint', ['.', '--max-warnings', '0']],
    ],
  },
  { name: 'Built-site checks', needs: ['Production build'], run: [vitest('site')], results: 'site.json' },
  { name: 'Formatting', after: ['Production build'], run: [['prettier', ['--check', '.', '--log-level', 'warn']]] },
];

const jobs = Math.max(1, Number(options.jobs) || 2);
const started = Date.now();
const done = new Map<string, StepResult>();
const running = new Set<string>();

await new Promise<void>((resolve) => {
  const next = () => {
    for (const step of STEPS) {
      if (done.has(step.name) || running.has(step.name) || running.size >= jobs) continue;
      const needs = step.needs ?? [];
      if (needs.some((n) => done.get(n)?.status === 'failed' || done.get(n)?.status === 'skipped')) {
        done.set(step.name, { status: 'skipped', seconds: 0 });
        console.log(`\n=== ${step.name}: skipped (needs ${needs.join(', ')}) ===`);
        continue;
      }
      if (!needs.every((n) => done.get(n)?.status === 'passed')) continue;
      if (!(step.after ?? []).every((n) => done.has(n))) continue;
      running.add(step.name);
      void runStep(step).then((result) => {
        running.delete(step.name);
        done.set(step.name, result);
        next();
      });
    }
    if (done.size === STEPS.length) resolve();
  };
  next();
});

cleanTemporaryFolders();
printSummary();

/** Runs a step's commands, one after another or together, its output kept until it ends. */
async function runStep(step: Step): Promise<StepResult> {
  const start = Date.now();
  const outputs: string[] = [];
  let status = 0;
  if (step.together) {
    const results = await Promise.all(step.run.map((command) => runCommand(command, step.env)));
    for (const result of results) outputs.push(result.output);
    status = results.find((result) => result.status !== 0)?.status ?? 0;
  } else {
    for (const command of step.run) {
      const result = await runCommand(command, step.env);
      outputs.push(result.output);
      status = result.status;
      if (status !== 0) break;
    }
  }
  const seconds = (Date.now() - start) / 1000;
  const verdict = status === 0 ? 'passed' : 'failed';
  console.log(`\n=== ${step.name}: ${verdict} in ${seconds.toFixed(0)} s ===`);
  const output = outputs.join('');
  process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
  return { status: verdict, seconds };
}

/** Runs one command, keeping its output (stdout and stderr as they come). */
async function runCommand(
  [command, args]: Command,
  extra: Record<string, string> = {},
): Promise<{ status: number; output: string }> {
  let output = '';
  const child = spawn(command, args, { env: { ...env, ...extra }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const status = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  return { status, output };
}

/** Removes this run's temporary folders (the tests remove their own; this catches a crash). */
function cleanTemporaryFolders() {
  rmSync(RUN_TMP, { recursive: true, force: true });
}

/** How a step ended (every step has ended when the summary is printed). */
function resultOf(step: Step): StepResult {
  return done.get(step.name) ?? { status: 'skipped', seconds: 0 };
}

/** Prints each step's time, then one closing line with the tests passed and failed. */
function printSummary() {
  console.log('\nStep times:');
  for (const step of STEPS) {
    const { status, seconds } = resultOf(step);
    console.log(`  ${step.name.padEnd(30)} ${status.padEnd(8)} ${seconds.toFixed(0).padStart(4)} s`);
  }
  console.log(`  ${'Total (wall clock)'.padEnd(39)} ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s`);

  let passed = 0;
  let failed = 0;
  for (const step of STEPS) {
    const report = step.results ? readJson(join(RESULTS, step.results)) : undefined;
    const { status } = resultOf(step);
    if (report?.stats) {
      // Playwright
      passed += report.stats.expected ?? 0;
      failed += (report.stats.unexpected ?? 0) + (report.stats.flaky ?? 0);
    } else if (report) {
      // Vitest
      passed += report.numPassedTests ?? 0;
      failed += report.numFailedTests ?? 0;
    }
    // A step that failed (or could not run) without a failing test to show for it counts as one.
    const counted = report?.stats ? report.stats.unexpected : report?.numFailedTests;
    if (status !== 'passed' && !counted) failed += 1;
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

/** What the summary reads from a step's JSON report (Playwright's `stats`, or Vitest's counts). */
interface Report {
  stats?: { expected?: number; unexpected?: number; flaky?: number };
  numPassedTests?: number;
  numFailedTests?: number;
}

/** A step's JSON report, or undefined when it wrote none (or half of one). */
function readJson(path: string): Report | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Report;
  } catch {
    return undefined;
  }
}
