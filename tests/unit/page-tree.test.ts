import { describe, expect, it } from 'vitest';
import { buildPageTree } from '../../src/lib/page-tree';

describe('buildPageTree', () => {
  const pages = [
    { slug: 'our-values', title: 'Our values', parent: 'about', entry: 3 },
    { slug: 'about', title: 'About us', entry: 1 },
    { slug: 'contact', title: 'Contact', entry: 2 },
  ];
  it('puts a child page under its parent and gives it a breadcrumb trail', () => {
    const tree = buildPageTree(pages);
    expect(tree.get('our-values')?.path).toBe('/about/our-values/');
    expect(tree.get('our-values')?.trail).toEqual([
      { title: 'About us', path: '/about/' },
      { title: 'Our values', path: '/about/our-values/' },
    ]);
    expect(tree.get('contact')?.path).toBe('/contact/');
  });
  it('names the file and field when a parent does not exist', () => {
    expect(() => buildPageTree([{ slug: 'x', title: 'X', parent: 'nope', entry: 0 }])).toThrow(
      'Content error in content/pages/x.md: field "parent" names "nope", which is not a page',
    );
  });
  it('refuses a loop of parents', () => {
    expect(() =>
      buildPageTree([
        { slug: 'a', title: 'A', parent: 'b', entry: 0 },
        { slug: 'b', title: 'B', parent: 'a', entry: 0 },
      ]),
    ).toThrow(/makes a loop/);
  });
});
