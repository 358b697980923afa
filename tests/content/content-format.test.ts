/**
 * Every content file is in the exact form the CMS writes when an editor saves it, so a save in the
 * editor shows only the editor's own change in the pull request (a one-word edit is a one-line
 * diff). The form is Decap's own serialisers' output, run by tools/content-format.ts
 * (`npm run content:format` rewrites files into it; `--check` only reports).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ROOT } from '../support/build';

/** Each run bundles Decap's serialisers with esbuild first: seconds, not milliseconds. */
const RUN_TIMEOUT = 60_000;

/** Runs the formatter as a person would, from the repository root. */
function contentFormat(...args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, ['tools/content-format.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/**
 * A content folder of its own for one describe block, removed after it: the site settings (which
 * give the lists the CMS configuration is built with) and an empty folder for `collection`.
 */
function contentFolder(collection: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'content-format-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const content = join(dir, 'content');
  cpSync(join(ROOT, 'content/settings'), join(content, 'settings'), { recursive: true });
  mkdirSync(join(content, collection));
  return content;
}

describe('content files are in the form the CMS saves', () => {
  test('every file in content/', () => {
    const { status, output } = contentFormat('--check');
    // On failure the output names each file and the command that fixes it.
    expect(output).toBe('');
    expect(status).toBe(0);
  }, RUN_TIMEOUT);

  describe('npm run content:format on a new file', () => {
    const content = contentFolder('a-z');
    const topic = join(content, 'a-z', 'test-topic.md');
    writeFileSync(
      topic,
      [
        '---',
        'summary: A summary long enough that the CMS folds it onto a second line when it saves the file again.',
        'title: Test topic',
        'alsoKnownAs: [One, Two]',
        '---',
        'Call :helpline[samaritans]{show="phone"} or :helpline[nhs-111] today.',
        '',
        '- one',
        '- two',
        '',
        'Read more on [the NHS website][nhs].',
        '',
        '| Who | Where |',
        '| --- | --- |',
        '| **GP** | [NHS](https://www.nhs.uk/) |',
        '',
        '[nhs]: https://www.nhs.uk/mental-health/',
        '',
      ].join('\n'),
    );
    const expected = [
      '---',
      'title: Test topic',
      'summary: A summary long enough that the CMS folds it onto a second line when it',
      '  saves the file again.',
      'alsoKnownAs:',
      '  - One',
      '  - Two',
      '---',
      'Call :helpline[samaritans]{show="phone"} or :helpline[nhs-111] today.',
      '',
      '* one',
      '* two',
      '',
      // Decap writes every link inline and pads tables: form only, so the file is rewritten.
      'Read more on [the NHS website](https://www.nhs.uk/mental-health/).',
      '',
      '| Who    | Where                      |',
      '| ------ | -------------------------- |',
      '| **GP** | [NHS](https://www.nhs.uk/) |',
      '',
    ].join('\n');

    test('rewrites it as Decap would: fields in the CMS order, block lists, folded text, * bullets, directives as written, links inline, tables padded', () => {
      const first = contentFormat('--content', content, topic);
      expect(first.status).toBe(0);
      expect(first.output).toContain('Rewrote 1 file(s)');
      expect(readFileSync(topic, 'utf8')).toBe(expected);
    }, RUN_TIMEOUT);

    test('a second run changes nothing', () => {
      const second = contentFormat('--content', content, topic);
      expect(second.output).toContain('already in the form the CMS saves');
      expect(readFileSync(topic, 'utf8')).toBe(expected);
    }, RUN_TIMEOUT);
  });

  describe('a file whose form in the CMS would not say the same', () => {
    const content = contentFolder('pages');
    const page = join(content, 'pages', 'urgent-help.md');
    // Decap's editor deletes a helpline alone in bold when it writes the body back: this is how the
    // urgent-help page lost its Samaritans and Shout numbers to `npm run content:format` once.
    const text = [
      '---',
      'title: Get urgent help',
      'description: Who to contact.',
      '---',
      '- **Samaritans** are there to listen. Call free on **:helpline[samaritans]{show="phone"}**.',
      '',
    ].join('\n');
    writeFileSync(page, text);

    test('is left as it is, named with the words it would lose, and the run fails', () => {
      const run = contentFormat('--content', content, page);
      expect(run.status).toBe(1);
      expect(readFileSync(page, 'utf8')).toBe(text);
      expect(run.output).toMatch(
        /pages\/urgent-help\.md: left as it is, because the CMS's form of it would not say the same \(the text ".*Call free on :helpline\[samaritans\]\{show="phone"\}.*" would become ".*Call free on \.…"\)/,
      );
      expect(run.output).not.toContain('Rewrote');
    }, RUN_TIMEOUT);

    test('--check names it the same way', () => {
      const check = contentFormat('--check', '--content', content, page);
      expect(check.status).toBe(1);
      expect(check.output).toContain('left as it is');
      expect(check.output).not.toContain('run `npm run content:format` to fix it');
    }, RUN_TIMEOUT);
  });

  describe('a task list, whose boxes the editor drops', () => {
    const content = contentFolder('pages');
    const page = join(content, 'pages', 'what-to-bring.md');
    const text = ['---', 'title: What to bring', 'description: A list.', '---', '- [ ] a drink', '- [x] a friend', ''].join('\n');
    writeFileSync(page, text);

    test('is left as it is, and the run fails', () => {
      const run = contentFormat('--content', content, page);
      expect(run.status).toBe(1);
      expect(readFileSync(page, 'utf8')).toBe(text);
      expect(run.output).toContain('the text "[ ] a drink [x] a friend…" would become "a drink a friend…"');
    }, RUN_TIMEOUT);
  });
});
