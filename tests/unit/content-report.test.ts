/**
 * The content report editors read (`npm run content:report` and /admin/report/): every page with
 * its reading grade, words, review date, helplines and warnings, and the build's summary line.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildContentReport } from '../../src/content/content-report';
import {
  formatReportTable,
  gradeSummary,
  median,
  readingWarning,
  reviewText,
  sortRows,
  type ReportRow,
} from '../../src/lib/content-report';
import { formatUkDate } from '../../src/lib/format';
import { ROOT, makeContentTree, removeTemporaryFolders } from '../support/build';

afterAll(removeTemporaryFolders);

const row = (over: Partial<ReportRow>): ReportRow => ({
  collection: 'a-z',
  file: 'content/a-z/x.md',
  title: 'X',
  grade: 5,
  words: 100,
  sentences: 10,
  helplines: [],
  errors: [],
  warnings: [],
  ...over,
});

describe('reading-grade summary', () => {
  it('takes the median of odd and even counts', () => {
    expect(median([7, 1, 5])).toBe(5);
    expect(median([4, 5, 6, 9])).toBe(5.5);
    expect(median([])).toBeUndefined();
  });

  it('is one line: median, worst page and how many are above the aim, for the A–Z and news', () => {
    const pages = [
      { collection: 'a-z', file: 'content/a-z/a.md', grade: 4.2 },
      { collection: 'a-z', file: 'content/a-z/b.md', grade: 6.8 },
      { collection: 'a-z', file: 'content/a-z/c.md', grade: 5.1 },
      { collection: 'news', file: 'content/news/n.md', grade: 7.4 },
      { collection: 'pages', file: 'content/pages/p.md', grade: 12 },
    ];
    expect(gradeSummary(pages)).toBe(
      'Reading grade: A–Z median 5.1, worst 6.8 (b.md), 1 of 3 above 6.5; news median 7.4, worst 7.4 (n.md), 1 of 1 above 7.0',
    );
    expect(gradeSummary([])).toBe('Reading grade: A–Z: no pages; news: no pages');
  });

  it('warns above 6.5 for A–Z topics and above 7 for news, and not for other pages', () => {
    expect(readingWarning('a-z', 6.5)).toBeUndefined();
    expect(readingWarning('a-z', 6.6)).toBe(
      'reads at grade 6.6, above the A–Z aim of 6.5; use shorter sentences and everyday words',
    );
    expect(readingWarning('news', 7)).toBeUndefined();
    expect(readingWarning('news', 7.1)).toContain('above the news aim of 7.0');
    expect(readingWarning('pages', 12)).toBeUndefined();
  });
});

describe('report rows', () => {
  it('orders by collection, then hardest to read first', () => {
    const rows = sortRows(
      [
        row({ collection: 'news', file: 'n.md', grade: 3 }),
        row({ file: 'easy.md', grade: 3 }),
        row({ file: 'hard.md', grade: 6 }),
      ],
      ['a-z', 'news'],
    );
    expect(rows.map((r) => r.file)).toEqual(['hard.md', 'easy.md', 'n.md']);
  });

  it('shows overdue reviews loudly, and prints each warning under its page', () => {
    const due = new Date(Date.UTC(2023, 0, 10));
    expect(reviewText({ state: 'overdue', due }, formatUkDate)).toBe('OVERDUE (was due 10 January 2023)');
    expect(reviewText({ state: 'due-soon', due }, formatUkDate)).toBe('due soon (10 January 2023)');
    const table = formatReportTable(
      [row({ grade: 6.9, helplines: ['samaritans', 'shout'], warnings: ['reads at grade 6.9'] })],
      formatUkDate,
    );
    expect(table.split('\n')).toEqual([
      expect.stringMatching(/^Page\s+Grade\s+Words\s+Review\s+Helplines\s+Warnings$/),
      expect.stringMatching(/^-+ +-+/),
      expect.stringMatching(/^content\/a-z\/x\.md\s+6\.9\s+100\s+2: samaritans, shout\s+1$/),
      '    warning: reads at grade 6.9',
    ]);
  });
});

describe('the report over a content tree', () => {
  const tree = makeContentTree();
  writeFileSync(
    join(tree, 'news/helplines-and-words.md'),
    [
      '---',
      'title: A post naming helplines',
      'date: 2024-03-05T10:00:00+00:00',
      'author: Test Author',
      'category: News',
      'summary: Two helplines and a stigmatising word.',
      '---',
      'Call :helpline[samaritans] or text :helpline[shout]{show="text"}. Call :helpline[samaritans] again.',
      '',
      'He suffers from anxiety.',
      '',
    ].join('\n'),
  );

  it('lists every page with its grade, words, helplines, warnings and (for the A–Z) review date', async () => {
    const rows = await buildContentReport(tree, new Date(Date.UTC(2030, 0, 1)));
    const files = rows.map((r) => r.file.replace(/^.*?\/(?=(a-z|news|pages|services|values)\/)/, ''));
    expect(files).toEqual(expect.arrayContaining(['a-z/anxiety.md', 'news/fixture-post.md', 'pages/about.md']));
    for (const r of rows) expect(r.grade, r.file).toEqual(expect.any(Number));
    const post = rows.find((r) => r.file.endsWith('helplines-and-words.md'));
    expect(post?.helplines).toEqual(['samaritans', 'shout']);
    expect(post?.warnings).toContain(
      'line 10 uses "suffers from"; consider "has", "lives with" or "experiences" instead',
    );
    // Reviewed 10 January 2026; three years on, the review falls due on 10 January 2029.
    expect(rows.find((r) => r.file.endsWith('a-z/anxiety.md'))?.review).toEqual({
      state: 'overdue',
      due: new Date(Date.UTC(2029, 0, 10)),
    });
  });

  it('prints the table and the summary, and exits 1 when a file would stop the build', () => {
    const report = (dir: string) =>
      spawnSync(process.execPath, [join(ROOT, 'tools/content-report.ts'), '--today=2026-11-23'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, CONTENT_DIR: dir, NODE_NO_WARNINGS: '1' },
      });
    const ok = report(tree);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^Content report: \d+ pages, checked on 23 November 2026\./);
    expect(ok.stdout).toMatch(/helplines-and-words\.md\s+-?\d+\.\d\s+\d+\s+2: samaritans, shout\s+\d+\n/);
    expect(ok.stdout).toContain('    warning: line 10 uses "suffers from"');
    expect(ok.stdout).toMatch(/\nReading grade: A–Z median /);
    writeFileSync(join(tree, 'news/bad.md'), '---\ntitle: Bad\n---\nHe committed suicide.\n');
    const bad = report(tree);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('ERROR: line 4 uses "committed suicide"');
    // Two runs of the script, each starting Node and Vite's module runner.
  }, 60_000);

  it('lists a news post that still offers a date that has passed, as the build warns about it', async () => {
    writeFileSync(
      join(tree, 'news/winter-meeting.md'),
      [
        '---',
        'title: A winter meeting',
        'date: 2026-11-10T10:00:00+00:00',
        'author: Test Author',
        'category: Events',
        'summary: A meeting in December.',
        '---',
        'Come along to our winter meeting.',
        '',
        '* **When:** Thursday 3 December 2026, 2pm to 4pm',
        '',
      ].join('\n'),
    );
    const warningsOn = async (day: Date) =>
      (await buildContentReport(tree, day)).find((r) => r.file.endsWith('news/winter-meeting.md'))?.warnings;
    expect(await warningsOn(new Date(Date.UTC(2026, 11, 5)))).toEqual([
      'line 10 names "Thursday 3 December 2026" as if it were still to come, but that date has passed; say it has happened, or update the post',
    ]);
    expect(await warningsOn(new Date(Date.UTC(2026, 11, 2)))).toEqual([]);
  });

  it('lists a helpline file whose text trips a rule, as the build warns about it', async () => {
    mkdirSync(join(tree, 'helplines'), { recursive: true });
    writeFileSync(
      join(tree, 'helplines/busy-line.yaml'),
      'name: Busy line\npurpose: For people having a crazy week.\naudience: Anyone\nnations: [England]\nurl: https://x.example/\nhours: Any time\n',
    );
    const rows = await buildContentReport(tree, new Date(Date.UTC(2030, 0, 1)));
    const row = rows.find((r) => r.file.endsWith('helplines/busy-line.yaml'));
    expect(row).toMatchObject({ collection: 'helplines', title: 'Busy line', grade: undefined, errors: [] });
    expect(row?.warnings).toEqual([expect.stringMatching(/^field "purpose" uses "crazy"; consider/)]);
  });
});
