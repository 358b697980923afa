/**
 * The "Exit this page" switch and its address, as editors see them in the generated Decap CMS
 * configuration and as the build reads them: one declaration each (src/schemas/quick-exit.ts,
 * src/schemas/settings.ts), so the CMS and the schema cannot disagree. Also the small pure parts
 * of the button's script and of the service worker step.
 */
import { describe, expect, it } from 'vitest';
import { pressMessage } from '../../src/browser/exit-this-page';
import { buildCmsConfig } from '../../src/cms/config';
import { pageAssets } from '../../src/integrations/service-worker';
import type { CmsField } from '../../src/schemas/fields';
import { EXIT_PAGE_DEFAULT_URL } from '../../src/schemas/settings';
import { allSchemas, TEST_LISTS, zodFor } from '../support/schemas';

const config = buildCmsConfig({ lists: TEST_LISTS, env: {}, dev: false, siteUrl: 'https://www.example.org' });

/** The fields the CMS shows for a collection (a file collection's first file). */
function cmsFields(name: string): CmsField[] {
  const collection = config.collections.find((c) => c.name === name);
  if (!collection) throw new Error(`no collection ${name}`);
  const files = collection['files'] as { fields: CmsField[] }[] | undefined;
  return files ? (files[0]?.fields ?? []) : (collection['fields'] as CmsField[]);
}

describe("Show 'Exit this page' in the CMS", () => {
  for (const name of ['a-z', 'pages', 'news']) {
    it(`${name}: a yes/no switch, off unless turned on, with a hint`, () => {
      const field = cmsFields(name).find((f) => f.name === 'quickExit');
      expect(field).toMatchObject({
        label: "Show 'Exit this page'",
        widget: 'boolean',
        default: false,
        required: false,
      });
      expect(field?.hint).toMatch(/domestic abuse/);
    });

    it(`${name}: the build reads the switch as the CMS writes it`, () => {
      const schema = allSchemas()[name];
      if (!schema) throw new Error(`no schema ${name}`);
      const shape = (zodFor(schema) as unknown as { shape: Record<string, { parse: (v: unknown) => unknown }> }).shape;
      expect(shape['quickExit']?.parse(true)).toBe(true);
      expect(shape['quickExit']?.parse(undefined)).toBe(false);
      expect(() => shape['quickExit']?.parse('yes')).toThrow();
    });
  }

  it('services and values have no switch (the issue names topics, pages and news)', () => {
    expect(cmsFields('services').some((f) => f.name === 'quickExit')).toBe(false);
    expect(cmsFields('values').some((f) => f.name === 'quickExit')).toBe(false);
  });
});

describe("Where 'Exit this page' goes (settings)", () => {
  const field = cmsFields('settings').find((f) => f.name === 'exitPageUrl');
  const schema = allSchemas()['settings'];
  if (!schema) throw new Error('no settings schema');
  const shape = (
    zodFor(schema) as unknown as {
      shape: Record<string, { safeParse: (v: unknown) => { success: boolean; data?: unknown } }>;
    }
  ).shape;

  it('defaults to BBC Weather in the CMS and the build', () => {
    expect(field?.default).toBe(EXIT_PAGE_DEFAULT_URL);
    expect(shape['exitPageUrl']?.safeParse(undefined).data).toBe(EXIT_PAGE_DEFAULT_URL);
    expect(shape['exitPageUrl']?.safeParse('').data).toBe(EXIT_PAGE_DEFAULT_URL);
  });

  it('takes only a full https:// address, in the CMS and the build alike', () => {
    const cmsPattern = new RegExp(field?.pattern?.[0] ?? '^$');
    for (const [value, ok] of [
      ['https://www.bbc.co.uk/weather', true],
      ['https://www.google.co.uk/', true],
      ['http://www.bbc.co.uk/weather', false],
      ['/about/', false],
      ['www.bbc.co.uk', false],
      ['javascript:alert(1)', false],
    ] as const) {
      expect(cmsPattern.test(value), value).toBe(ok);
      expect(shape['exitPageUrl']?.safeParse(value).success, value).toBe(ok);
    }
  });
});

describe('the Shift count', () => {
  it("says GOV.UK's words", () => {
    expect(pressMessage(1)).toBe('Shift, press 2 more times to exit.');
    expect(pressMessage(2)).toBe('Shift, press 1 more time to exit.');
  });
});

describe('the files the urgent help page loads', () => {
  it('are its /_astro/ stylesheets and scripts, once each, and nothing from elsewhere', () => {
    const html = [
      '<link rel="stylesheet" href="/_astro/page.B1.css">',
      '<script type="module" src="/_astro/page.C2.js"></script>',
      '<script type="module" src="/_astro/page.C2.js"></script>',
      '<link rel="icon" href="/favicon.svg">',
      '<a href="/_astro/../admin/">x</a>',
      '<img src="https://cdn.example/x.png">',
    ].join('');
    expect(pageAssets(html)).toEqual(['_astro/page.B1.css', '_astro/page.C2.js']);
  });
});
