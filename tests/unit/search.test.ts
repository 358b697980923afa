import { describe, expect, it } from 'vitest';
import { searchTags } from '../../src/lib/search-index';
import {
  excerptParts,
  pagefindFilters,
  readSearchState,
  resultCountText,
  searchStateToQuery,
} from '../../src/lib/search-query';

describe('search data for a page', () => {
  it('gives every page a content type, even with nothing else', () => {
    expect(searchTags('Pages')).toEqual([{ kind: 'filter', key: 'type', value: 'Pages' }]);
  });

  it('stores a news post’s category, date (shown and sortable) and image', () => {
    const tags = searchTags(
      'News',
      { category: 'Events' },
      { date: new Date('2025-07-12T09:00:00Z'), image: '/_astro/x.jpg', imageAlt: 'A picnic' },
    );
    expect(tags).toEqual([
      { kind: 'filter', key: 'type', value: 'News' },
      { kind: 'filter', key: 'category', value: 'Events' },
      { kind: 'meta', key: 'date', value: '2025-07-12' },
      { kind: 'sort', key: 'date', value: '2025-07-12' },
      { kind: 'meta', key: 'image', value: '/_astro/x.jpg' },
      { kind: 'meta', key: 'image_alt', value: 'A picnic' },
    ]);
  });

  it('joins synonyms and everyday words into one keywords value, without repeats or blanks', () => {
    const tags = searchTags('A–Z', {}, {}, ['Manic depression', ' mood swings ', '', 'Manic depression']);
    expect(tags).toContainEqual({ kind: 'meta', key: 'keywords', value: 'Manic depression, mood swings' });
  });

  it('leaves out empty filters and refuses filter names Pagefind would misread', () => {
    expect(searchTags('Services', { town: undefined, day: [] })).toHaveLength(1);
    expect(() => searchTags('Pages', { 'bad:name': 'x' })).toThrow('Search filter name "bad:name" is not allowed');
    expect(() => searchTags('Pages', { type: 'News' })).toThrow('"type"');
  });
});

describe('search page state', () => {
  it('reads the query, known types and category from the address', () => {
    const state = readSearchState(new URLSearchParams('q=low+mood&type=News&type=Nonsense&category=Events'));
    expect(state).toEqual({ q: 'low mood', types: ['News'], category: 'Events' });
  });

  it('writes a short address back, leaving out empty parts', () => {
    expect(searchStateToQuery({ q: 'low mood', types: [], category: '' })).toBe('?q=low+mood');
    expect(searchStateToQuery({ q: '', types: [], category: '' })).toBe('');
    expect(searchStateToQuery({ q: 'a', types: ['News', 'A–Z'], category: 'Events' })).toBe(
      '?q=a&type=News&type=A%E2%80%93Z&category=Events',
    );
  });

  it('turns ticked types and a category into Pagefind filters', () => {
    expect(pagefindFilters({ q: 'x', types: [], category: '' })).toEqual({});
    expect(pagefindFilters({ q: 'x', types: ['News', 'Pages'], category: 'Events' })).toEqual({
      type: { any: ['News', 'Pages'] },
      category: { any: ['Events'] },
    });
  });

  it('says how many results there are', () => {
    expect(resultCountText(0, 'xyz')).toBe('No results for “xyz”.');
    expect(resultCountText(1, 'low')).toBe('1 result for “low”.');
    expect(resultCountText(12, 'low')).toBe('12 results for “low”.');
  });
});

describe('result excerpts', () => {
  it('splits out the words Pagefind marked', () => {
    expect(excerptParts('Feeling <mark>low</mark> in winter')).toEqual([
      { text: 'Feeling ', mark: false },
      { text: 'low', mark: true },
      { text: ' in winter', mark: false },
    ]);
  });

  it('keeps anything else that looks like markup as plain text', () => {
    expect(excerptParts('<img src=x onerror=alert(1)> &lt;b&gt; &amp; <mark>x</mark>')).toEqual([
      { text: '<img src=x onerror=alert(1)> <b> & ', mark: false },
      { text: 'x', mark: true },
    ]);
  });
});
