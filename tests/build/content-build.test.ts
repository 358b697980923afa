/**
 * The end-to-end proof, with the real `astro build`, that bad content is never published: a file
 * that breaks its schema or hides unsafe HTML stops the build with one line and publishes nothing
 * at all. What a valid tree publishes is in valid-tree.test.ts. Every other bad-content case is
 * checked in-process by tests/unit/content-loader.test.ts against the same loaders.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, buildSite, makeContentTree, removeTemporaryFolders, type BuildResult } from '../support/build';
import { filesIn } from '../support/files';

const BAD = join(ROOT, 'tests/fixtures/bad');

afterAll(removeTemporaryFolders);

/** The build's one "Content error" line. */
function errorLine(result: BuildResult): string | undefined {
  return result.output.split('\n').find((line) => line.includes('Content error in'));
}

describe('bad content stops the real build', () => {
  it('a missing field: one line naming the file and field, and no page published', () => {
    const file = 'news/image-without-alt.md';
    const result = buildSite(makeContentTree({ [file]: join(BAD, file) }));
    expect(result.status).not.toBe(0);
    expect(errorLine(result), result.output).toContain(
      `${file}: field "imageAlt" is required when there is a hero image`,
    );
    expect(filesIn(result.outDir).filter((f) => /\.(html|xml)$/.test(f))).toEqual([]);
  });

  it('a <script> in a post: named, and the attack is in no output file', () => {
    const file = 'news/raw-script.md';
    const result = buildSite(makeContentTree({ [file]: join(BAD, file) }));
    expect(result.status).not.toBe(0);
    expect(errorLine(result), result.output).toContain(`${file}: field "body" contains a <script> element`);
    const published = filesIn(result.outDir);
    expect(published.filter((f) => /\.(html|xml)$/.test(f))).toEqual([]);
    expect(published.filter((f) => readFileSync(f, 'utf8').includes("alert('x')"))).toEqual([]);
  });
});
