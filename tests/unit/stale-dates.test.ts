/**
 * The warning for a published news post that names a date which has passed as if it were still to
 * come. Every day here is given explicitly: nothing reads the clock.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { staleDateWarningsOf, warnStaleDates } from '../../src/content/news-dates';
import { findStaleDates, RECENT_DAYS } from '../../src/lib/stale-dates';
import { addDays } from '../../src/lib/schedule/dates';
import { makeContentTree, removeTemporaryFolders, temporaryFolder } from '../support/build';
import { loadCollection, testWatcher } from '../support/loader';

const TODAY = '2026-12-01';

describe('findStaleDates', () => {
  it('finds a "When:" line whose day has passed, and leaves one still to come', () => {
    const body = [
      '## Sleeping better',
      '',
      '- **When:** Saturday 21 November 2026, 10:30am',
      '- **When:** Thursday 3 December 2026, 2pm',
    ].join('\n');
    expect(findStaleDates(body, { published: '2026-11-10', today: TODAY })).toEqual([
      { line: 3, text: 'Saturday 21 November 2026', day: '2026-11-21' },
    ]);
  });

  it('reads a month without a year as the next one after the post, and its end as the deadline', () => {
    const body = 'Sam will call you before the end of August.';
    // Posted in August 2025: "the end of August" is 31 August 2025, passed, and the post was
    // updated afterwards, so it reads as current.
    expect(findStaleDates(body, { published: '2025-08-12', updated: '2026-11-28', today: TODAY })).toEqual([
      { line: 1, text: 'end of August', day: '2025-08-31' },
    ]);
    // The same sentence on the day it was posted is fine.
    expect(findStaleDates(body, { published: '2025-08-12', today: '2025-08-20' })).toEqual([]);
  });

  it('leaves lines that say the date has passed, and lines that do not promise anything', () => {
    const body = [
      '- **When:** Saturday 21 November 2026 (this session has taken place)',
      '**Update, 28 November 2026:** the group is still paused.',
      'On 2 November 2026 we raised £300.',
    ].join('\n');
    expect(findStaleDates(body, { published: '2026-11-01', today: TODAY })).toEqual([]);
  });

  it('reads an old post as the archive it is, unless it was updated after the date passed', () => {
    const body = 'Join us on Friday 27 September 2024 for coffee.';
    // 27 September 2024 is more than RECENT_DAYS before TODAY.
    expect(addDays(TODAY, -RECENT_DAYS) > '2024-09-27').toBe(true);
    expect(findStaleDates(body, { published: '2024-09-03', today: TODAY })).toEqual([]);
    expect(findStaleDates(body, { published: '2024-09-03', updated: '2026-11-01', today: TODAY })).toHaveLength(1);
    expect(findStaleDates(body, { published: '2024-09-03', today: '2024-10-10' })).toHaveLength(1);
  });
});

describe('warnStaleDates', () => {
  afterAll(removeTemporaryFolders);

  const post = (frontmatter: string, body: string) => {
    const file = join(temporaryFolder('stale'), 'post.md');
    writeFileSync(file, `---\n${frontmatter}\n---\n${body}\n`);
    return file;
  };
  const NOW = new Date('2026-12-01T09:00:00Z');

  it('warns with one line naming the file, the line, the words and the fix', () => {
    const file = post('title: A\ndraft: false', 'Hello.\n\nWe will meet on 21 November 2026.');
    const lines: string[] = [];
    warnStaleDates({ file, data: { date: new Date('2026-11-10T10:00:00Z'), draft: false } }, NOW, (l) => lines.push(l));
    expect(lines).toEqual([
      expect.stringMatching(
        /^Content warning in .*post\.md: line 7 names "21 November 2026" as if it were still to come, but that date has passed; say it has happened, or update the post$/,
      ),
    ]);
  });

  it('keeps the warnings for the content report, until the post is put right', () => {
    const file = post('title: A', 'We will meet on 21 November 2026.');
    const entry = { file, data: { date: new Date('2026-11-10T10:00:00Z'), draft: false } };
    warnStaleDates(entry, NOW, () => undefined);
    expect(staleDateWarningsOf(file)).toEqual([
      'line 4 names "21 November 2026" as if it were still to come, but that date has passed; say it has happened, or update the post',
    ]);
    writeFileSync(file, '---\ntitle: A\n---\nWe met on 21 November 2026, and it has taken place.\n');
    warnStaleDates(entry, NOW, () => undefined);
    expect(staleDateWarningsOf(file)).toEqual([]);
  });

  it('says nothing about drafts and posts not yet published', () => {
    const file = post('title: A', 'We will meet on 21 November 2026.');
    const lines: string[] = [];
    const warn = (l: string) => lines.push(l);
    warnStaleDates({ file, data: { date: new Date('2026-11-10T10:00:00Z'), draft: true } }, NOW, warn);
    warnStaleDates({ file, data: { date: new Date('2026-12-05T10:00:00Z'), draft: false } }, NOW, warn);
    expect(lines).toEqual([]);
  });
});

describe('a post the dev server reloads after an edit', () => {
  afterAll(removeTemporaryFolders);

  it('is checked again, so the log and the content report follow the edit', async () => {
    const tree = makeContentTree();
    const file = join(tree, 'news/meeting.md');
    const post = (when: string) =>
      [
        '---',
        'title: A meeting',
        'date: 2026-11-10T10:00:00+00:00',
        'author: Test Author',
        'category: News',
        'summary: A meeting in November.',
        '---',
        `* **When:** ${when}`,
        '',
      ].join('\n');
    writeFileSync(file, post('Saturday 21 November 2026 (this meeting has taken place)'));
    const watcher = testWatcher();
    // The suite's clock (tests/support/clock.ts): 1 December 2026, after the meeting.
    await loadCollection('news', tree, { watcher });
    expect(staleDateWarningsOf(file)).toEqual([]);

    writeFileSync(file, post('Saturday 21 November 2026'));
    watcher.emit('change', file);
    await vi.waitFor(() =>
      expect(staleDateWarningsOf(file)).toEqual([
        'line 8 names "Saturday 21 November 2026" as if it were still to come, but that date has passed; say it has happened, or update the post',
      ]),
    );
  });
});
