/**
 * Hashing each inlined block once per build (src/integrations/csp-digests.ts): the installed Astro
 * still has the function it replaces, and the replacement gives each caller the digest Astro's own
 * function gives, working it out once per algorithm and text.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheCspDigests, ENCRYPTION_MODULE } from '../../src/integrations/csp-digests';

const work = mkdtempSync(join(tmpdir(), 'csp-digests-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A module shaped like Astro's, whose digest counts its calls and fails on request. */
const STAND_IN = `
export const calls = [];
async function generateCspDigest(data, algorithm) {
  calls.push([algorithm, data]);
  if (data === 'fail') throw new Error('digest failed');
  return algorithm + ':' + data.length;
}
export { generateCspDigest };
`;

/** Imports a module's code from a file of its own. */
async function load(name: string, code: string) {
  const file = join(work, name);
  writeFileSync(file, code);
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as {
    calls: [string, string][];
    generateCspDigest: (data: string, algorithm: string) => Promise<string>;
  };
}

describe('hashing inlined blocks once', () => {
  it("finds the function it replaces in the installed Astro's encryption module", () => {
    // Astro's package exports do not list its dist files, so this is the installed file's path.
    const file = resolve('node_modules/astro/dist/core/encryption.js');
    expect(file).toMatch(ENCRYPTION_MODULE);
    const cached = cacheCspDigests(readFileSync(file, 'utf8'));
    expect(cached).toContain('async function hashCspDigest(data, algorithm) {');
    expect(cached).toContain('function generateCspDigest(data, algorithm) {');
  });

  it('keeps the function exported where Astro 7.4 exports it, at its declaration', async () => {
    // astro 7.4.7's encryption.js has `export async function generateCspDigest(data, algorithm) {`;
    // renamed without a new export, Vite's build stopped on a missing export.
    const exportedHere = STAND_IN.replace(
      'async function generateCspDigest',
      'export async function generateCspDigest',
    ).replace('export { generateCspDigest };', '');
    const code = cacheCspDigests(exportedHere) ?? '';
    expect(code).not.toContain('export async function hashCspDigest');
    const original = await load('exported-original.mjs', exportedHere);
    const cached = await load('exported-cached.mjs', code);
    expect(await cached.generateCspDigest('a{}', 'SHA-256')).toBe(await original.generateCspDigest('a{}', 'SHA-256'));
    await cached.generateCspDigest('a{}', 'SHA-256');
    expect(cached.calls).toEqual([['SHA-256', 'a{}']]);
  });

  it('leaves a module without that declaration alone', () => {
    expect(cacheCspDigests('export const x = 1;')).toBeUndefined();
  });

  it('works out each digest once per algorithm and text, and gives every caller the same', async () => {
    const original = await load('original.mjs', STAND_IN);
    const cached = await load('cached.mjs', cacheCspDigests(STAND_IN) ?? '');
    const asks: [string, string][] = [
      ['a{}', 'SHA-256'],
      ['a{}', 'SHA-256'],
      ['b{}', 'SHA-256'],
      ['a{}', 'SHA-512'],
      ['a{}', 'SHA-256'],
    ];
    for (const [data, algorithm] of asks) {
      expect(await cached.generateCspDigest(data, algorithm)).toBe(await original.generateCspDigest(data, algorithm));
    }
    expect(original.calls).toHaveLength(5);
    expect(cached.calls).toEqual([
      ['SHA-256', 'a{}'],
      ['SHA-256', 'b{}'],
      ['SHA-512', 'a{}'],
    ]);
  });

  it('keeps at most 10,000 digests, then starts again', async () => {
    const cached = await load('capped.mjs', cacheCspDigests(STAND_IN) ?? '');
    for (let i = 0; i < 10_000; i += 1) await cached.generateCspDigest(`b${String(i)}{}`, 'SHA-256');
    expect(cached.calls).toHaveLength(10_000);
    await cached.generateCspDigest('b0{}', 'SHA-256');
    expect(cached.calls).toHaveLength(10_001);
    await cached.generateCspDigest('b0{}', 'SHA-256');
    expect(cached.calls).toHaveLength(10_001);
  });

  it('does not keep a digest that failed', async () => {
    const cached = await load('failing.mjs', cacheCspDigests(STAND_IN) ?? '');
    await expect(cached.generateCspDigest('fail', 'SHA-256')).rejects.toThrow('digest failed');
    await expect(cached.generateCspDigest('fail', 'SHA-256')).rejects.toThrow('digest failed');
    expect(cached.calls).toHaveLength(2);
  });
});
