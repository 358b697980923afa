/**
 * The redirect list becomes Netlify's _redirects file: old addresses with ?id= become query
 * conditions, and a broken list stops the build with one line naming the entry.
 */
import { describe, expect, it } from 'vitest';
import { parseRedirectList, toRedirectLine, toRedirectsFile } from '../../src/lib/netlify-redirects';

describe('toRedirectLine', () => {
  it('turns a query string into a Netlify query condition', () => {
    expect(toRedirectLine({ from: '/fullpost.php?id=189', to: '/news/walk/' })).toBe(
      '/fullpost.php id=189 /news/walk/ 301',
    );
  });
  it('keeps a plain path and a chosen status', () => {
    expect(toRedirectLine({ from: '/feed', to: '/rss.xml', status: 302 })).toBe('/feed /rss.xml 302');
  });
});

describe('parseRedirectList', () => {
  it('accepts the list and writes one line per entry, in order', () => {
    const rules = parseRedirectList({
      redirects: [
        { from: '/a.php?id=1', to: '/a/' },
        { from: '/a.php', to: '/' },
      ],
    });
    expect(
      toRedirectsFile(rules)
        .split('\n')
        .filter((l) => l.startsWith('/')),
    ).toEqual(['/a.php id=1 /a/ 301', '/a.php / 301']);
  });
  it.each([
    [{ redirects: [{ from: 'feed', to: '/rss.xml' }] }, 'entry 1 field "from"'],
    [{ redirects: [{ from: '/feed', to: 'https://evil.example/' }] }, 'entry 1 field "to"'],
    [
      {
        redirects: [
          { from: '/a', to: '/b/' },
          { from: '/a', to: '/c/' },
        ],
      },
      'entry 2 repeats "/a"',
    ],
    [{ redirects: [{ from: '/a', to: '/b/', status: 200 }] }, 'field "status"'],
    [{}, 'expected a "redirects" list'],
  ])('rejects %j', (data, message) => {
    expect(() => parseRedirectList(data)).toThrow(message);
  });
});
