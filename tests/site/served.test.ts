/**
 * The built site served as Netlify would serve it (tests/harness/netlify-server.ts): old
 * addresses redirect, folders without a slash move to the slashed address, unknown paths get the
 * 404 page, and caching follows the file kind.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST } from '../support/built-pages';
import { startNetlifyServer, type RunningServer } from '../harness/netlify-server';

let site: RunningServer;
beforeAll(async () => {
  site = await startNetlifyServer(DIST, 'netlify.toml');
});
afterAll(async () => {
  await site.close();
});

const get = (path: string) => fetch(`${site.url}${path}`, { redirect: 'manual' });

describe('redirects from the old site', () => {
  it.each([
    ['/fullpost.php?id=189', '/news/walk-for-wellbeing-2019/'],
    ['/fullpost.php?id=201', '/news/quiz-night-raises-funds-2023/'],
    ['/fullpost.php?id=99999', '/news/'],
    ['/feed', '/rss.xml'],
    ['/about.php', '/about/'],
  ])('%s moves permanently to %s', async (from, to) => {
    const response = await get(from);
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(to);
  });

  it('a folder asked for without its slash moves to the slashed address', async () => {
    const response = await get('/about');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/about/');
  });

  it('an unknown address gets the 404 page with status 404', async () => {
    const response = await get('/no-such-page/');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('<h1');
  });
});

describe('caching', () => {
  it('HTML is revalidated on every visit', async () => {
    const response = await get('/');
    expect(response.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
  });

  it("Astro's hashed files are cached for a year", async () => {
    // Styles are inlined into pages, so check a script (there is always the search shortcut).
    const file = readdirSync(join(DIST, '_astro')).find((name) => name.endsWith('.js'));
    const response = await get(`/_astro/${file}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it("Pagefind's fixed-name entry file is revalidated, its hashed fragments are cached for a year", async () => {
    expect((await get('/pagefind/pagefind.js')).headers.get('cache-control')).toBe(
      'public, max-age=0, must-revalidate',
    );
    const fragment = readdirSync(join(DIST, 'pagefind/fragment'))[0];
    const response = await get(`/pagefind/fragment/${fragment}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});
