/**
 * Playwright's global setup for the browser tests: the build in dist/ must be as of the suite's
 * clock, or every dated expectation (published posts, What's on) would be checked against another
 * day. What's on states the day it was built as its first `<time datetime>`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { londonDay } from '../../../src/lib/schedule/dates';
import { ROOT } from '../../support/build';
import { suiteNow } from '../../support/clock';

/** Fails with the command that fixes it when dist/ is missing or was built as of another day. */
export default function checkBuildDate(): void {
  const page = join(ROOT, 'dist/whats-on/index.html');
  const expected = londonDay(suiteNow());
  const fix = `build it as of the suite's day: BUILD_DATE=${process.env['BUILD_DATE']} npm run build (npm test does this)`;
  if (!existsSync(page)) throw new Error(`dist/ has no What's on page: ${fix}`);
  const built = /class="lede"[^>]*>[^<]*<time datetime="(\d{4}-\d{2}-\d{2})"/.exec(readFileSync(page, 'utf8'))?.[1];
  if (built !== expected)
    throw new Error(`dist/ was built as of ${built ?? 'an unknown day'}, not ${expected}: ${fix}`);
}
