/**
 * The system Chromium and the flags every tool here launches it with (test tools cannot download
 * their own browser on these machines). Used by Playwright's config, `npm test` and the benchmarks.
 */
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Headless, and quiet on a machine with no network beyond the package registries. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Path of the Chromium to drive, from CHROMIUM_PATH or the usual system locations. */
export function chromiumPath(): string | undefined {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) return fromEnv;
  return CANDIDATES.find((path) => existsSync(path));
}

/**
 * The environment to start Chromium with: the tests' own, less libfaketime. Under Debian's
 * `faketime` (which the suite is run with to prove it does not depend on the date, see
 * docs/testing.md) LD_PRELOAD carries libfaketime into every child process, and Chromium's zygote
 * then hangs at start (seen with faketime 0.9.10 and Chromium 156: `--dump-dom` of a data: page
 * never returns). The browser then runs on the machine's clock; no page script reads the clock,
 * and every date the tests expect comes from the suite's clock (tests/support/clock.ts).
 */
export function chromiumEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const clean: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (name === 'LD_PRELOAD' && value.includes('faketime')) continue;
    clean[name] = value;
  }
  return clean;
}
