/**
 * A bad schedule is refused with one line naming the file and the field: the service schema runs
 * the schedule checks, so these go through the schema as the build does.
 */
import { describe, expect, it } from 'vitest';
import { ContentError, describeIssue, type IssueLike } from '../../src/lib/content-error';
import { servicesSchema } from '../../src/schemas/services';
import { TEST_LISTS, VALID_SERVICE, zodFor } from '../support/schemas';

describe('a bad schedule is refused with one line naming the file and the field', () => {
  const zod = zodFor(servicesSchema(TEST_LISTS));
  const valid = VALID_SERVICE;

  /** The line the build prints for this frontmatter, or undefined if it is valid. */
  function errorLine(changes: Record<string, unknown>): string | undefined {
    const result = zod.safeParse({ ...valid, ...changes });
    if (result.success) return undefined;
    const { field, problem } = describeIssue(result.error.issues[0] as IssueLike);
    return new ContentError('content/services/group.md', field, problem).message;
  }

  it('accepts a valid schedule with a cancellation and a change', () => {
    expect(
      errorLine({
        cancelled: [{ date: '2026-12-22', reason: 'Christmas' }],
        changes: [{ date: '2026-12-15', startTime: '18:00' }],
      }),
    ).toBeUndefined();
  });

  it.each([
    [{ endTime: '18:00' }, 'field "endTime" must be after the start time'],
    [{ frequency: 'Fortnightly' }, 'field "firstDate" is required for a fortnightly group'],
    [{ frequency: 'Monthly' }, 'field "weekOfMonth" is required for a monthly group'],
    [{ firstDate: '2026-12-23' }, 'field "firstDate" is 2026-12-23, a Wednesday, but the group meets on Tuesday'],
    [{ firstDate: '2026-12-01', lastDate: '2026-11-24' }, 'field "lastDate" is 2026-11-24, before the first session'],
    [
      { cancelled: [{ date: '2026-12-22' }, { date: '2026-12-23', reason: 'Oops' }] },
      'field "cancelled.1.date" is 2026-12-23, which is not a session date (the group meets every tuesday',
    ],
    [
      { frequency: 'Monthly', weekOfMonth: 'Second', cancelled: [{ date: '2026-12-15' }] },
      'field "cancelled.0.date" is 2026-12-15, which is not a session date',
    ],
    [
      { changes: [{ date: '2026-12-15', startTime: '20:30' }] },
      'field "changes.0.endTime" must be after the start time (20:30) on 2026-12-15',
    ],
    [{ cancelled: [{ reason: 'No date' }] }, 'field "cancelled.0.date" is required'],
    [{ weekOfMonth: 'Fifth', frequency: 'Monthly' }, 'field "weekOfMonth" "Fifth" is not one of'],
  ])('%j', (changes, expected) => {
    expect(errorLine(changes)).toContain(`Content error in content/services/group.md: ${expected}`);
  });
});
