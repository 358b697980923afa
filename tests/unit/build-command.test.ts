/**
 * The build is Astro's own: `astro build` writes the pages, then the editor's code and the search
 * index (integrations in src/integrations/), so `npm run build`, Netlify, the tests and the
 * benchmarks all run the same command, with nothing chained before or after it.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import config from '../../astro.config';
import { ROOT } from '../support/build';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const netlify = parse(readFileSync(join(ROOT, 'netlify.toml'), 'utf8')) as {
  build: { command: string; environment: Record<string, string> };
};

describe('the production build command', () => {
  it('is `astro build` alone, for npm and for Netlify, and what the benchmark measures', () => {
    expect(pkg.scripts['build']).toBe('astro build');
    expect(pkg.scripts['dev']).toBe('astro dev');
    expect(netlify.build.command).toBe('npx astro build');
    // The benchmark runs package.json's build script: Astro's CLI when it is `astro build`, as it
    // starts the floor's, and npm for anything else, so it measures whatever the build is.
    const bench = readFileSync(join(ROOT, 'bench/run.ts'), 'utf8');
    expect(bench).toContain("BUILD_SCRIPT === 'astro build'");
    expect(bench).toContain("args: ['run', 'build', '--silent']");
  });

  it("writes the editor's code and the search index from Astro's own build, after the pages", () => {
    const integrations = (config.integrations ?? [])
      .flat()
      .filter((integration): integration is AstroIntegration => Boolean(integration));
    const names = integrations.map((integration) => integration.name);
    expect(names).toContain('decap-cms');
    // Pagefind's is the last build to end: every other integration's `astro:build:done` runs while it indexes.
    const ending = integrations.filter((integration) => integration.hooks['astro:build:done']);
    expect(ending.at(-1)?.name).toBe('pagefind');
    const pagefind = integrations.find((integration) => integration.name === 'pagefind');
    // Indexing starts once every page is written and the build waits for it at the end.
    expect(Object.keys(pagefind?.hooks ?? {})).toEqual(['astro:build:generated', 'astro:build:done']);
  });

  it("sets Rolldown's allocator settings in the environment Netlify starts Astro in", () => {
    expect(netlify.build.environment).toMatchObject({ MIMALLOC_ALLOW_THP: '0', MIMALLOC_PURGE_DELAY: '0' });
  });
});
