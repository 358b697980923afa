/**
 * The content safety gate: every rule in content-rules.yaml finds its words (and only its words),
 * failures stop a collection with one line naming file, line and words, warnings are logged,
 * silencing comments work for one sentence only and are listed, line numbers count the
 * frontmatter, and an .mdx file in a CMS-edited folder stops the build.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkContentFile,
  gateCollection,
  loadContentRules,
  readContentFile,
  refuseMdx,
} from '../../src/content/content-gate';
import { parseContentRules } from '../../src/lib/content-rules-schema';
import { checkProse, describeFinding } from '../../src/lib/prose-check';
import { azSchema } from '../../src/schemas/a-z';
import { helplinesSchema } from '../../src/schemas/helplines';
import { removeTemporaryFolders, ROOT, temporaryFolder } from '../support/build';

const rules = loadContentRules();

/** The ids of the rules a text trips, failures and warnings alike. */
async function ruleIds(text: string): Promise<string[]> {
  const result = await checkProse(text, rules);
  return result.findings.map((finding) => finding.rule.id);
}

describe('content-rules.yaml', () => {
  it('has the Samaritans phrases as failures and the stigmatising words as warnings', () => {
    const ids = (level: string) => rules.filter((rule) => rule.level === level).map((rule) => rule.id);
    expect(ids('fail')).toEqual(
      expect.arrayContaining([
        'commit-suicide',
        'successful-suicide',
        'failed-attempt',
        'suicide-epidemic',
        'suicide-prone',
        'method-detail',
      ]),
    );
    expect(ids('warn')).toEqual(
      expect.arrayContaining([
        'suffers-from',
        'the-mentally-ill',
        'schizophrenic-noun',
        'crazy',
        'psycho',
        'mental-noun',
      ]),
    );
    for (const rule of rules) expect(rule.instead.length, rule.id).toBeGreaterThan(0);
  });

  // Every phrase of every rule, in a sentence of its own: each must be found by its own rule.
  const phrases = rules.flatMap((rule) => rule.phrases.map((phrase) => [rule.id, phrase] as const));
  it.each(phrases)('%s finds "%s"', async (id, phrase) => {
    const text = `Someone wrote ${phrase.replace(/\*/g, 'some')} here.`;
    expect(await ruleIds(text)).toContain(id);
  });

  it('refuses a malformed rules file with a line naming the problem', () => {
    expect(() => parseContentRules({ fail: [{ id: 'x', phrases: [], instead: ['y'], why: 'z' }] })).toThrow(
      'content-rules.yaml: fail.0.phrases needs at least one phrase',
    );
    const rule = { id: 'same', phrases: ['a'], instead: ['b'], why: 'c' };
    expect(() => parseContentRules({ fail: [rule], warn: [rule] })).toThrow('the id "same" is used by two rules');
    expect(() => parseContentRules({ fial: [] })).toThrow('content-rules.yaml');
  });
});

describe('what the rules leave alone', () => {
  it.each([
    'If you have taken an overdose, go to A&E straight away.',
    'Take two paracetamol tablets with water.',
    'Some people have a schizophrenic episode only once.',
    'Depressive episodes can come back.',
    'Good mental health matters. Your mental wellbeing is a mental health problem too.',
    'She was insanely busy? No: the word here is "insane", in quotes, as an example.',
    'Self-harm is not "attention seeking".',
    'Call :helpline[samaritans] any time.',
    'The commit to the repository was successful.',
  ])('%s', async (text) => {
    expect(await ruleIds(text)).toEqual([]);
  });

  it('still finds a guideline phrase inside quotes: quoting needs the visible comment', async () => {
    expect(await ruleIds('The paper said he "committed suicide".')).toEqual(['commit-suicide']);
  });

  it('finds a hyphenated phrase run together or with a space, as content-rules.yaml says', async () => {
    // Hyphens inside a word do not matter; a space makes two words, so the file lists both forms.
    for (const text of ['She is suicide-prone.', 'She is suicideprone.', 'She is suicide prone.']) {
      expect(await ruleIds(text), text).toEqual(['suicide-prone']);
    }
  });

  it('reads the hyphens a word processor puts in (U+2010, U+2011) as "-", in the body and in fields', async () => {
    for (const hyphen of ['\u2010', '\u2011']) {
      const body = `Line one.\n\nShe is suicide${hyphen}prone.\n`;
      const result = await checkProse(body, rules, [{ name: 'title', value: `Attention${hyphen}seeking?`, line: 2 }]);
      expect(result.findings.map(describeFinding)).toEqual([
        'field "title" uses "Attention-seeking"; consider "a sign that someone is struggling and needs support" instead',
        'line 3 uses "suicide-prone"; write "at risk of suicide" instead',
      ]);
    }
  });

  it('finds a phrase split by emphasis or a line break', async () => {
    expect(await ruleIds('He *committed\nsuicide* last year.')).toEqual(['commit-suicide']);
  });

  it('reports overlapping phrases of one rule once, with the longer words', async () => {
    const result = await checkProse('It was a successful suicide attempt.', rules);
    expect(result.findings.map((f) => f.text)).toEqual(['successful suicide attempt']);
  });
});

describe('messages and line numbers', () => {
  const file = [
    '---',
    'title: Our news',
    'summary: >-',
    '  A summary that is long',
    'lastReviewed: 2026-01-10',
    '---',
    '',
    '## A heading',
    '',
    'A first paragraph.',
    '',
    'He committed suicide in 1990.',
    '',
  ].join('\n');

  it('gives the real line of the file, counting the frontmatter', async () => {
    const result = await checkProse(readContentFile(file).body, rules);
    expect(result.findings.map(describeFinding)).toEqual([
      'line 12 uses "committed suicide"; write "took their own life" or "died by suicide" instead',
    ]);
  });

  it('checks text fields of the frontmatter, naming the field', async () => {
    const withTitle = file.replace('title: Our news', 'title: Why I am not crazy');
    const content = readContentFile(withTitle, azSchema);
    const check = await checkContentFile(content, rules);
    const titles = check.findings.filter((f) => f.field === 'title');
    expect(titles.map(describeFinding)).toEqual([
      'field "title" uses "crazy"; consider "unwell", "very distressed" or "hectic" instead',
    ]);
    expect(titles[0]?.line).toBe(2);
  });
});

describe('silencing one sentence', () => {
  const quote = (comment: string) =>
    ['The headline read:', '', comment, 'Local man committed suicide, it said.', ''].join('\n');

  it('allows the named rule in the next sentence, and keeps the reason for the build to list', async () => {
    const result = await checkProse(
      quote('<!-- content-check: allow commit-suicide (quoting a 1990s headline) -->'),
      rules,
    );
    expect(result.findings).toEqual([]);
    expect(result.silenced.map((s) => [s.rule.id, s.line, s.reason])).toEqual([
      ['commit-suicide', 4, 'quoting a 1990s headline'],
    ]);
  });

  it('covers one sentence only: the same words later still fail', async () => {
    const text = `${quote('<!-- content-check: allow commit-suicide (quoting a headline) -->')}\nHe committed suicide.\n`;
    const result = await checkProse(text, rules);
    expect(result.silenced).toHaveLength(1);
    expect(result.findings.map((f) => f.line)).toEqual([6]);
  });

  it('does not silence another rule', async () => {
    const result = await checkProse(quote('<!-- content-check: allow suicide-prone (a headline) -->'), rules);
    expect(result.findings.map((f) => f.rule.id)).toEqual(['commit-suicide']);
    expect(result.commentProblems.map((p) => p.level)).toEqual(['warn']);
  });

  it('fails a comment with no reason or an unknown rule, and warns about one far from a sentence', async () => {
    const noReason = await checkProse(quote('<!-- content-check: allow commit-suicide -->'), rules);
    expect(noReason.commentProblems[0]).toMatchObject({ level: 'fail', line: 3 });
    expect(noReason.commentProblems[0]?.problem).toContain('without a reason');
    const unknown = await checkProse(quote('<!-- content-check: allow comit-suicide (typo) -->'), rules);
    expect(unknown.commentProblems[0]?.problem).toContain('"comit-suicide", which is not a rule');
    const far = await checkProse('<!-- content-check: allow crazy (a quote) -->\n\n\n\nA crazy day.\n', rules);
    expect(far.findings.map((f) => f.rule.id)).toEqual(['crazy']);
    expect(far.commentProblems[0]).toMatchObject({ level: 'warn', line: 1 });
  });
});

describe('the gate in the loader', () => {
  afterAll(removeTemporaryFolders);

  function tree(files: Record<string, string>): string {
    const dir = temporaryFolder('gate');
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return dir;
  }
  const logger = () => {
    const lines: string[] = [];
    return { lines, info: (m: string) => lines.push(`info: ${m}`), warn: (m: string) => lines.push(`warn: ${m}`) };
  };
  const post = (body: string) => `---\ntitle: A post\nsummary: A summary.\n---\n${body}\n`;

  it('stops with one line naming the file, the line and the words', async () => {
    const dir = tree({ 'news/bad.md': post('Fine.\n\nShe committed suicide.') });
    await expect(
      gateCollection('news', [{ filePath: join(dir, 'news/bad.md') }], azSchema, logger(), dir, { expected: ['news'] }),
    ).rejects.toThrow(
      /^Content error in .*news\/bad\.md: line 7 uses "committed suicide"; write "took their own life" or "died by suicide" instead$/,
    );
  });

  it('logs warnings, the silenced list and one reading-grade summary line', async () => {
    const dir = tree({
      'news/ok.md': post(
        'We do not say crazy.\n\n<!-- content-check: allow suffers-from (her own words) -->\n"I suffer from nothing," she said.',
      ),
    });
    const log = logger();
    await gateCollection('news', [{ filePath: join(dir, 'news/ok.md') }], azSchema, log, dir, { expected: ['news'] });
    expect(log.lines.filter((l) => l.startsWith('warn: '))).toEqual([
      expect.stringMatching(/^warn: Content warning in .*news\/ok\.md: line 5 uses "crazy"; consider/),
    ]);
    expect(log.lines.filter((l) => l.startsWith('info: Reading grade: '))).toHaveLength(1);
    expect(log.lines.find((l) => l.startsWith('info: Silenced content rules (1):'))).toMatch(
      /news\/ok\.md line 8: suffers-from \("suffer from"\) — her own words/,
    );
  });

  it('keeps each verdict between builds, and checks a file again once it changes', async () => {
    const dir = tree({ 'news/ok.md': post('A crazy week.') });
    const entries = [{ filePath: join(dir, 'news/ok.md') }];
    const cache = new Map<string, string>();
    const run = async () => {
      const log = logger();
      await gateCollection('news', entries, azSchema, log, dir, { expected: ['news'], cache });
      return log.lines.filter((l) => l.startsWith('warn: '));
    };
    expect(await run()).toEqual([expect.stringContaining('uses "crazy"')]);
    // Stand in a different remembered verdict: an unchanged file is not checked again.
    const [key = '', value = ''] = [...cache.entries()][0] ?? [];
    cache.set(key, value.replace('uses \\"crazy\\"', 'uses \\"remembered\\"'));
    expect(await run()).toEqual([expect.stringContaining('uses "remembered"')]);
    writeFileSync(join(dir, 'news/ok.md'), post('A crazy, insane week.'));
    expect(await run()).toEqual([expect.stringContaining('uses "crazy"'), expect.stringContaining('uses "insane"')]);
  });

  it('checks the text fields of YAML data files too (helplines, settings): warns, and stops on a failure', async () => {
    const line = (purpose: string) =>
      `name: A line\npurpose: ${purpose}\naudience: Anyone\nnations: [England]\nurl: https://x.example/\nhours: Any time\n`;
    const dir = tree({
      'helplines/ok.yaml': line('Support for people who are crazy busy.'),
      'helplines/bad.yaml': line('For families after someone committed suicide.'),
    });
    const log = logger();
    await gateCollection('helplines', [{ filePath: join(dir, 'helplines/ok.yaml') }], helplinesSchema, log, dir, {
      expected: ['news'],
    });
    expect(log.lines).toEqual([
      expect.stringMatching(/^warn: Content warning in .*helplines\/ok\.yaml: field "purpose" uses "crazy"; consider/),
    ]);
    await expect(
      gateCollection('helplines', [{ filePath: join(dir, 'helplines/bad.yaml') }], helplinesSchema, logger(), dir, {
        expected: ['news'],
      }),
    ).rejects.toThrow(
      /^Content error in .*helplines\/bad\.yaml: field "purpose" uses "committed suicide"; write "took their own life" or "died by suicide" instead$/,
    );
  });

  it('stops at an .mdx file in a CMS-edited folder, naming it and the fix', () => {
    const dir = tree({ 'news/ok.md': post('Fine.'), 'news/runs-code.mdx': post('{process.env.SECRET}') });
    expect(() => refuseMdx(join(dir, 'news'))).toThrow(
      /^Content error in .*news\/runs-code\.mdx: \.mdx files can run code when the site is built, so this folder accepts only \.md; rename it to \.md/,
    );
    // A file kept out of the build with a leading underscore cannot run anything.
    const kept = tree({ 'news/_notes.mdx': 'x' });
    expect(() => refuseMdx(join(kept, 'news'))).not.toThrow();
  });
});

describe('docs/content-checks.md', () => {
  const docs = readFileSync(join(ROOT, 'docs/content-checks.md'), 'utf8');

  it('lists every rule of content-rules.yaml, at its level, and no other', () => {
    const tables = docs.split('## What gives a warning');
    const idsIn = (text: string) => [...text.matchAll(/^\| ([a-z][a-z0-9-]*) +\|/gm)].map((m) => m[1]);
    expect(idsIn(tables[0] ?? '')).toEqual(rules.filter((r) => r.level === 'fail').map((r) => r.id));
    expect(idsIn(tables[1] ?? '')).toEqual(rules.filter((r) => r.level === 'warn').map((r) => r.id));
  });

  it('shows silencing comments that work', async () => {
    const samples = [...docs.matchAll(/`(<!-- content-check:[^`]*-->)`/g)].map((m) => m[1] ?? '');
    expect(samples.length).toBeGreaterThan(0);
    for (const sample of samples) {
      const result = await checkProse(`${sample}\nHe committed suicide, crazy and psycho.\n`, rules);
      expect(result.commentProblems, sample).toEqual([]);
      expect(result.silenced.length, sample).toBeGreaterThan(0);
    }
  });
});
