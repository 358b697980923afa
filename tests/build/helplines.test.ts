/**
 * The real `astro build` refuses helpline mistakes with one line naming the file: a registry
 * number typed by hand (with the directive to use instead), a `:helpline[id]` naming no registry
 * file, and a registry number that is not a real UK number. Everything else about helplines is
 * proved in-process by tests/unit/helplines.test.ts.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, buildSite, makeContentTree, removeTemporaryFolders, type BuildResult } from '../support/build';

const FIXTURES = join(ROOT, 'tests/fixtures/helplines');

afterAll(removeTemporaryFolders);

/** The build's "Content error" lines (one is expected). */
function errorLines(result: BuildResult): string[] {
  return [...new Set(result.output.split('\n').filter((line) => line.includes('Content error in')))];
}

/** Builds the minimal tree with one fixture file added (or replacing the tree's own). */
function buildWith(fixture: string, file: string): BuildResult {
  return buildSite(makeContentTree({ [file]: join(FIXTURES, fixture, file) }));
}

/** Pages the build wrote (none, when content stops it). */
function pagesWritten(result: BuildResult): string[] {
  if (!existsSync(result.outDir)) return [];
  return readdirSync(result.outDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
}

describe('helpline mistakes stop the real build with one line', () => {
  it('a registry number typed by hand: the file, its line, the number and the directive to use', () => {
    const result = buildWith('hand-typed', 'news/hand-typed-number.md');
    expect(result.status).not.toBe(0);
    const lines = errorLines(result);
    expect(lines, result.output).toHaveLength(1);
    expect(lines[0]).toContain('news/hand-typed-number.md: line 10 "116 123" (Samaritans) is typed by hand');
    expect(lines[0]).toContain('write :helpline[samaritans]{show="phone"} instead');
    expect(pagesWritten(result)).toEqual([]);
  });

  it('an unknown helpline id: the file, its line and the id', () => {
    const result = buildWith('unknown-id', 'news/unknown-helpline.md');
    expect(result.status).not.toBe(0);
    const lines = errorLines(result);
    expect(lines, result.output).toHaveLength(1);
    expect(lines[0]).toContain('news/unknown-helpline.md: line 10 unknown helpline "samaritanz"');
    expect(pagesWritten(result)).toEqual([]);
  });

  it('a bad registry number: the registry file, the field and how to fix it', () => {
    const result = buildWith('bad-number', 'helplines/samaritans.yaml');
    expect(result.status).not.toBe(0);
    const lines = errorLines(result);
    expect(lines, result.output).toHaveLength(1);
    expect(lines[0]).toContain('helplines/samaritans.yaml: field "phone" "116 1234" is not a UK number');
    expect(lines[0]).toContain('check the digits');
    expect(pagesWritten(result)).toEqual([]);
  });
});
