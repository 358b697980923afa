/**
 * The content safety gate, end to end with the real `astro build` (one build): a Samaritans
 * guideline phrase stops the build with one line naming the file, the line and the words, and
 * nothing is published. Every rule, the silencing comment and line numbers are tested in-process in
 * tests/unit/content-gate.test.ts; refusing an .mdx file, helpline mistakes and the other bad
 * content in tests/unit/content-loader.test.ts.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, buildSite, makeContentTree, removeTemporaryFolders, type BuildResult } from '../support/build';
import { filesIn } from '../support/files';

const FIXTURES = join(ROOT, 'tests/fixtures/content-gate');

afterAll(removeTemporaryFolders);

/** The build's "Content error" lines. */
function errorLines(result: BuildResult): string[] {
  return result.output.split('\n').filter((line) => line.includes('Content error in'));
}

describe('the content safety gate in a real build', () => {
  it('stops at a guideline phrase, naming the file, the line and the words', () => {
    const file = 'news/guideline-phrase.md';
    const result = buildSite(makeContentTree({ [file]: join(FIXTURES, file) }));
    expect(result.status, result.output).not.toBe(0);
    expect(errorLines(result)).toEqual([
      expect.stringMatching(
        /Content error in .*news\/guideline-phrase\.md: line 11 uses "committed suicide"; write "took their own life" or "died by suicide" instead$/,
      ),
    ]);
    expect(filesIn(result.outDir).filter((f) => f.endsWith('.html'))).toEqual([]);
  });
});
