import { describe, expect, it } from 'vitest';
import { sortValues } from '../../src/lib/values';

const value = (id: string, order: number) => ({ id, data: { title: id, order } });
const fileOf = (v: { id: string }) => `/site/content/values/${v.id}.md`;

describe('sortValues', () => {
  it('puts values in their order, whatever order the files come in', () => {
    const sorted = sortValues([value('hope', 4), value('community', 1), value('respect', 2)], fileOf);
    expect(sorted.map((v) => v.id)).toEqual(['community', 'respect', 'hope']);
  });
  it('refuses two values with the same order, naming the file, the field and the clash', () => {
    expect(() => sortValues([value('respect', 2), value('community', 1), value('hope', 2)], fileOf)).toThrow(
      'Content error in /site/content/values/respect.md: field "order" is 2, the same as /site/content/values/hope.md (each value needs its own number)',
    );
  });
});
