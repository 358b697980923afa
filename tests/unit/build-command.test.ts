/**
 * The production build runs `astro build` with the settings that keep its peak memory down
 * (scripts/astro-build.mjs), and the benchmark measures that same command: without them a
 * 1,000-post build peaks about 250 MB higher (BENCHMARKS.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASTRO_CLI, astroBuildCommand } from '../../scripts/astro-build.mjs';
import { ROOT } from '../support/build';

describe('the production build command', () => {
  it('is what `npm run build` runs, and what the benchmark measures', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['build']).toContain('node scripts/astro-build.mjs');
    expect(pkg.scripts['build']).not.toMatch(/(^|&&)\s*astro build/);
    // The benchmark runs `npm run build` itself, so it measures whatever the build is.
    expect(readFileSync(join(ROOT, 'bench/run.mjs'), 'utf8')).toContain(
      "args: [process.env['npm_execpath'], 'run', 'build'",
    );
  });

  it("runs Astro's CLI with V8 collecting garbage sooner, but sets no heap limit", () => {
    const { command, args } = astroBuildCommand(['--silent'], {});
    expect(command).toBe(process.execPath);
    expect(args).toEqual(['--heap-growing-percent=50', ASTRO_CLI, 'build', '--silent']);
    expect(args.join(' ')).not.toContain('max-old-space-size');
  });

  it("turns off huge pages and delayed purging in Rolldown's allocator, unless the environment says otherwise", () => {
    expect(astroBuildCommand([], { PATH: '/bin' }).env).toEqual({
      PATH: '/bin',
      MIMALLOC_ALLOW_THP: '0',
      MIMALLOC_PURGE_DELAY: '0',
    });
    expect(astroBuildCommand([], { MIMALLOC_ALLOW_THP: '1' }).env['MIMALLOC_ALLOW_THP']).toBe('1');
  });
});
