/** A schedule rule for the schedule tests, so each test states only what it changes. */
import type { ScheduleRule } from '../../src/lib/schedule/rules';

/** A weekly Tuesday 18:30–20:00 group at "Hall", with the given changes. */
export function rule(changes: Partial<ScheduleRule> = {}): ScheduleRule {
  return {
    days: ['Tuesday'],
    frequency: 'Weekly',
    startTime: '18:30',
    endTime: '20:00',
    venue: 'Hall',
    address: '1 Test Street',
    cancelled: [],
    changes: [],
    ...changes,
  };
}
