/** A schedule in words: days in week order, joined as in a sentence, and each kind of rule. */
import { describe, expect, it } from 'vitest';
import { daysInWords, listInWords, ruleInWords } from '../../src/lib/schedule/wording';

describe('a schedule in words', () => {
  it('joins words as in a sentence', () => {
    expect(listInWords([])).toBe('');
    expect(listInWords(['Monday'])).toBe('Monday');
    expect(listInWords(['Monday', 'Thursday'])).toBe('Monday and Thursday');
    expect(listInWords(['Monday', 'Wednesday', 'Friday'])).toBe('Monday, Wednesday and Friday');
  });

  it('lists days in week order, Monday first, whatever order the file gives them', () => {
    expect(daysInWords(['Thursday', 'Monday'])).toBe('Monday and Thursday');
  });

  it('says each kind of rule', () => {
    expect(ruleInWords({ days: ['Thursday', 'Monday'], frequency: 'Weekly' })).toBe('Every Monday and Thursday');
    expect(ruleInWords({ days: ['Friday'], frequency: 'Fortnightly' })).toBe('Every other Friday');
    expect(ruleInWords({ days: ['Friday'], frequency: 'Monthly', weekOfMonth: 'Last' })).toBe(
      'On the last Friday of each month',
    );
    expect(ruleInWords({ days: ['Tuesday'], frequency: 'Monthly' })).toBe('Once a month, on a Tuesday');
  });
});
