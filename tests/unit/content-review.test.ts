/**
 * `npm run content:review` (the content report's --review filter) lists overdue topics and those due soon, straight from the files, so
 * editors know what to check next.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTemporaryFolders, ROOT, temporaryFolder } from '../support/build';

const FIXTURES = join(ROOT, 'tests/fixtures/review');

function review(contentDir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'tools/content-report.ts'), '--review', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: contentDir, NODE_NO_WARNINGS: '1' },
  });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

/** The lines under a heading of the report, up to the next blank line. */
function section(out: string, heading: RegExp): string[] {
  const lines = out.split('\n');
  const start = lines.findIndex((l) => heading.test(l));
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => l.trim() === '');
  return (end === -1 ? rest : rest.slice(0, end)).map((l) => l.trim());
}

// Each run starts Node and Vite's module runner (about a second, more on a busy machine).
describe('content:review', { timeout: 60_000 }, () => {
  afterAll(removeTemporaryFolders);

  it('lists the overdue topic and the one due within 90 days, but not current or left-out ones', () => {
    const { status, out, err } = review(FIXTURES, '--today=2026-11-23');
    expect(status, err).toBe(0);
    expect(out).toContain('3 topics, checked on 23 November 2026');
    // Three years after 10 January 2020: the default when "nextReview" is left empty.
    expect(section(out, /^Overdue \(1\):/)).toEqual([
      'Overdue topic — was due 10 January 2023 (tests/fixtures/review/a-z/overdue-topic.md)',
    ]);
    expect(section(out, /^Due in the next 90 days \(1\):/)).toEqual([
      'Due soon topic — due 20 January 2027 (tests/fixtures/review/a-z/due-soon-topic.md)',
    ]);
    expect(out).not.toContain('Current topic');
    expect(out).not.toContain('Left out');
  });

  it('says "None." when nothing is due, and looks as far ahead as asked', () => {
    const { out } = review(FIXTURES, '--today=2026-11-23', '--days=30');
    expect(section(out, /^Due in the next 30 days \(0\):/)).toEqual(['None.']);
    const later = review(FIXTURES, '--today=2029-03-01');
    expect(section(later.out, /^Overdue \(2\):/)).toHaveLength(2);
    expect(section(later.out, /^Due in the next 90 days \(1\):/)[0]).toContain('Current topic — due 12 March 2029');
  });

  it('fails, naming the file and field, when a review date is not a date', () => {
    const dir = temporaryFolder('review');
    cpSync(FIXTURES, dir, { recursive: true });
    writeFileSync(join(dir, 'a-z/broken.md'), '---\ntitle: Broken\nlastReviewed: someday\n---\nText.\n');
    const { status, err } = review(dir);
    expect(status).toBe(1);
    expect(err).toContain('broken.md: field "lastReviewed" is not a valid date');
  });
});
