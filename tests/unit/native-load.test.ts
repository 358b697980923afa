// Node processes of our own (the content gate's, the search index re-cut's) turn on Node's compile
// cache as Astro's own process does (src/content/native-load.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeScriptArgs } from '../../src/content/native-load';
import { ROOT } from '../support/build';

const work = mkdtempSync(join(tmpdir(), 'mmh-test-compile-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs `script` in a Node process of our own, as gate-process.ts starts its child; returns what it printed. */
function runChild(script: string, env: NodeJS.ProcessEnv): string {
  // Node reads the mere presence of NODE_DISABLE_COMPILE_CACHE, whatever its value.
  const inherited = { ...process.env };
  delete inherited['NODE_DISABLE_COMPILE_CACHE'];
  delete inherited['NODE_COMPILE_CACHE'];
  const result = spawnSync(process.execPath, nodeScriptArgs(script), {
    env: { ...inherited, ...env },
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.trim();
}

describe('the compile cache in our own Node processes', () => {
  const loadGate = `
    const { resolveTypeScriptImports } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'src/content/native-load.ts')).href)});
    resolveTypeScriptImports();
    await import(${JSON.stringify(pathToFileURL(join(ROOT, 'src/content/content-gate.ts')).href)});
    process.stdout.write(String((await import('node:module')).getCompileCacheDir()));`;

  it('is on before the first import, and keeps the gate’s TypeScript modules', () => {
    // The default folder is the system's temporary folder; TMPDIR moves it here, where it starts empty.
    const printed = runChild(loadGate, { TMPDIR: work });
    expect(printed.startsWith(join(work, 'node-compile-cache'))).toBe(true);
    // One entry per module compiled: the gate and everything it imports, ours and packages'.
    expect(readdirSync(printed).length).toBeGreaterThan(50);
  });

  it('stays off where NODE_DISABLE_COMPILE_CACHE says so', () => {
    expect(runChild(loadGate, { TMPDIR: join(work, 'off'), NODE_DISABLE_COMPILE_CACHE: '1' })).toBe('undefined');
  });
});
