/**
 * The offline page and the service worker, as built: the page stands alone (no file to fetch,
 * every link a phone or text link or the saved urgent help page), lists the crisis lines from the
 * settings and the helpline registry, and the worker saves it with the urgent help page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageAssets } from '../../src/integrations/service-worker';
import { DIST } from '../support/built-pages';
import { registryHelpline, siteSettings } from '../e2e/support/site';

const offline = readFileSync(join(DIST, 'offline/index.html'), 'utf8');
const worker = readFileSync(join(DIST, 'sw.js'), 'utf8');
const digits = (number: string) => number.replace(/\D/g, '');

describe('the offline page', () => {
  it('loads nothing: no script, stylesheet, image, font or frame', () => {
    expect(offline).not.toMatch(
      /<script\b[^>]*\bsrc=|<link\b[^>]*rel="(stylesheet|preload|icon)"|<img\b|<iframe\b|@import|url\(/,
    );
  });

  it('links only to phone and text numbers, email, and the saved urgent help page', () => {
    const links = [...offline.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)].map((m) => m[1] ?? '');
    expect(links.length).toBeGreaterThan(5);
    expect(links.filter((href) => !/^(tel:|sms:|mailto:|\/urgent-help\/$)/.test(href))).toEqual([]);
  });

  it('says the connection is down and the numbers still work', () => {
    expect(offline).toContain('internet connection is down');
    expect(offline).toContain('These numbers still work');
  });

  it('lists the settings’ crisis lines with tap-to-call and tap-to-text links', () => {
    const settings = siteSettings();
    for (const id of [settings.localCrisisLine, ...settings.crisisLines]) {
      const line = registryHelpline(id);
      expect(offline, id).toContain(line.name);
      if (line.phone) expect(offline, id).toContain(`href="tel:${digits(line.phone)}"`);
      if (line.textNumber) expect(offline, id).toContain(`href="sms:${digits(line.textNumber)}`);
      if (line.note) expect(offline, id).toContain(line.note);
    }
    expect(offline).toContain('href="tel:999"');
    expect(offline).toMatch(/option 2/);
  });

  it('is kept out of search engines and the sitemap', () => {
    expect(offline).toContain('<meta name="robots" content="noindex">');
    expect(readFileSync(join(DIST, 'sitemap-0.xml'), 'utf8')).not.toContain('/offline/');
  });
});

describe('the service worker', () => {
  it('saves the urgent help page, the files it loads, and the offline page', () => {
    const urgent = readFileSync(join(DIST, 'urgent-help/index.html'), 'utf8');
    for (const file of ['urgent-help/index.html', 'offline/index.html', ...pageAssets(urgent)]) {
      expect(worker, file).toContain(`"${file}"`);
    }
  });

  it('is one file, with the Workbox runtime inside it', () => {
    expect(worker).not.toMatch(/importScripts\(/);
  });
});
