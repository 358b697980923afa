/**
 * Raw HTML that could run code must never reach a visitor or a feed reader. Each fixture hides one
 * attack shape in a news post's Markdown; the real build must stop, name the file and the "body"
 * field, and publish nothing at all: no page, no feed, no search index, and no file anywhere in
 * the output containing the attack.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, buildSite, makeContentTree } from '../support/build';

const BAD = join(ROOT, 'tests/fixtures/bad/news');

/** Fixture, what the error names, and a string that would only appear if the attack got through. */
const ATTACKS: [file: string, problem: string, payload: string][] = [
  ['raw-script.md', 'contains a <script> element', "alert('x')"],
  ['javascript-link.md', 'which is not a web, email or phone address', 'alert(1)'],
  ['entity-javascript-link.md', 'which is not a web, email or phone address', 'alert(1)'],
  ['newline-javascript-link.md', 'which is not a web, email or phone address', 'alert(1)'],
  ['data-url-link.md', 'which is not a web, email or phone address', 'PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg'],
  ['onerror-image.md', 'has a "onerror" attribute on <img>', 'onerror'],
  ['iframe.md', 'contains a <iframe> element', 'evil.example'],
  ['object-embed.md', 'contains a <object> element', 'evil.swf'],
  ['form.md', 'contains a <form> element', 'evil.example'],
  ['style-element.md', 'contains a <style> element', 'display: none'],
  ['style-attribute.md', 'has a "style" attribute on <p>', 'javascript:alert'],
  ['svg-script.md', 'contains a <svg> element', 'alert(1)'],
];

/** Every file under a folder (an empty list if the folder does not exist). */
function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('unsafe HTML in Markdown stops the build', () => {
  it('has at least eight attack shapes, including disguised javascript: links', () => {
    expect(ATTACKS.length).toBeGreaterThanOrEqual(8);
    expect(ATTACKS.filter(([file]) => file.includes('javascript')).length).toBeGreaterThanOrEqual(3);
  });

  it.concurrent.each(ATTACKS)('%s: names the file and the "body" field', async (file, problem, payload) => {
    const tree = makeContentTree({ [`news/${file}`]: join(BAD, file) });
    const result = buildSite(tree);
    expect(result.status).not.toBe(0);
    const line = result.output.split('\n').find((l) => l.includes('Content error in'));
    expect(line, result.output).toBeDefined();
    expect(line).toContain(`news/${file}: field "body" `);
    expect(line).toContain(problem);
    // Nothing is published: no page, no feed, and the attack is in no output file.
    const published = filesIn(result.outDir);
    expect(published.filter((f) => /\.(html|xml)$/.test(f))).toEqual([]);
    expect(published.filter((f) => readFileSync(f, 'utf8').includes(payload))).toEqual([]);
  });
});
