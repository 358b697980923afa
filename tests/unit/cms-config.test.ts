/**
 * The generated Decap CMS configuration: every collection, every declared field and nothing else,
 * labels and hints on every field, list settings that name real fields, date formats the schema
 * reads back exactly, and the backend chosen from the environment.
 */
import { describe, expect, it } from 'vitest';
import {
  buildCmsConfig,
  cmsConnectSources,
  cmsSetupProblem,
  DECAPBRIDGE_AUTH_URL,
  DECAPBRIDGE_GATEWAY_URL,
  type CmsCollection,
  type CmsEnv,
} from '../../src/cms/config';
import { buildPageTree } from '../../src/lib/page-tree';
import { DATE_FORMAT, DATETIME_FORMAT, type CmsField, type SortableField } from '../../src/schemas/fields';
import { allSchemas, TEST_LISTS, zodFor } from '../support/schemas';

const SITE = 'https://www.example.org';
const config = (env: CmsEnv = {}, dev = false) => buildCmsConfig({ lists: TEST_LISTS, env, dev, siteUrl: SITE });
const schemas = allSchemas(TEST_LISTS);
const FOLDERS = ['news', 'a-z', 'services', 'values', 'pages'];

/** Every field with its dotted path, nested fields of groups and lists of groups included. */
function allFields(fields: CmsField[], prefix = ''): { path: string; field: CmsField }[] {
  return fields.flatMap((field) => [
    { path: prefix + field.name, field },
    ...allFields(field.fields ?? [], `${prefix}${field.name}.`),
  ]);
}

function collection(name: string): CmsCollection {
  const found = config().collections.find((c) => c.name === name);
  if (!found) throw new Error(`no collection ${name}`);
  return found;
}

function fieldsOf(c: CmsCollection): CmsField[] {
  const files = c['files'] as { fields: CmsField[] }[] | undefined;
  return files ? (files[0]?.fields ?? []) : (c['fields'] as CmsField[]);
}

describe('collections', () => {
  it('has every content collection plus the helpline registry and the settings file, and nothing else', () => {
    expect(config().collections.map((c) => c.name)).toEqual([...FOLDERS, 'helplines', 'settings']);
  });

  for (const name of FOLDERS) {
    describe(name, () => {
      const c = collection(name);
      const fields = c['fields'] as CmsField[];

      it('is a folder of Markdown files under content/ that editors can add to', () => {
        expect(c).toMatchObject({ folder: `content/${name}`, extension: 'md', format: 'frontmatter', create: true });
        expect(c['slug']).toBe('{{slug}}');
      });

      it('has exactly the declared fields, as declared, then the Markdown body', () => {
        const declared = schemas[name]?.fields.map((f) => f.cms) ?? [];
        expect(fields.slice(0, -1)).toEqual(declared);
        expect(fields.at(-1)).toMatchObject({ name: 'body', widget: 'markdown', required: true });
      });

      it('lists, sorts, filters and groups entries only by fields it has', () => {
        const names = new Set(fields.map((f) => f.name));
        const summaryFields = [...String(c['summary']).matchAll(/\{\{(\w+)/g)].map((m) => m[1]);
        expect(summaryFields.length).toBeGreaterThan(0);
        const filters = [
          ...((c['view_filters'] as { field: string }[]) ?? []),
          ...((c['view_groups'] as { field: string }[]) ?? []),
        ];
        const sortable = (c['sortable_fields'] as SortableField[]).map((f) => (typeof f === 'string' ? f : f.field));
        for (const field of [...summaryFields, ...sortable, ...filters.map((f) => f.field)]) {
          expect(names, `${name} refers to "${String(field)}"`).toContain(field);
        }
      });

      it('links each entry to its live page', () => {
        expect(String(c['preview_path'])).toMatch(/\/$/);
      });
    });
  }

  it('shows dates in the lists as UK dates, with the filter form Decap applies (single quotes)', () => {
    expect(collection('news')['summary']).toBe("{{title}} ({{date | date('D MMM YYYY')}})");
    expect(collection('a-z')['summary']).toBe(
      "{{title}} – reviewed {{lastReviewed | date('D MMM YYYY')}} by {{reviewedBy}}",
    );
    // decap-cms-lib-widgets stringTemplate.ts only knows date('…'): a double-quoted format shows the raw value.
    for (const name of ['news', 'a-z']) expect(String(collection(name)['summary'])).not.toContain('date("');
  });

  it('opens the news newest first and the A–Z in title order', () => {
    expect((collection('news')['sortable_fields'] as SortableField[])[0]).toEqual({
      field: 'date',
      default_sort: 'desc',
    });
    expect((collection('a-z')['sortable_fields'] as SortableField[])[0]).toEqual({
      field: 'title',
      default_sort: 'asc',
    });
  });

  it('gives each list at most one default order', () => {
    for (const c of config().collections.filter((c) => Array.isArray(c['sortable_fields']))) {
      const defaults = (c['sortable_fields'] as SortableField[]).filter((f) => typeof f !== 'string' && f.default_sort);
      expect(defaults.length, c.name).toBeLessThanOrEqual(1);
    }
  });

  it('keeps news pictures beside the posts, in content/news/images/', () => {
    expect(collection('news')).toMatchObject({ media_folder: 'images', public_folder: './images' });
  });

  it('offers a drafts view of the news', () => {
    expect(collection('news')['view_filters']).toContainEqual({ label: 'Drafts', field: 'draft', pattern: true });
  });

  it('edits the settings file with exactly the settings fields', () => {
    const settings = collection('settings');
    expect(settings['files']).toEqual([
      expect.objectContaining({
        file: 'content/settings/site.yaml',
        fields: schemas['settings']?.fields.map((f) => f.cms),
      }),
    ]);
  });

  it('gives every field, nested ones included, a label and a hint in plain words', () => {
    for (const c of config().collections) {
      for (const { path, field } of allFields(fieldsOf(c))) {
        expect(field.label.length, `${c.name}.${path} label`).toBeGreaterThan(1);
        expect(field.hint.length, `${c.name}.${path} hint`).toBeGreaterThan(10);
      }
    }
  });

  it('offers the categories, towns and service types from the settings', () => {
    const news = fieldsOf(collection('news'));
    const services = fieldsOf(collection('services'));
    expect(news.find((f) => f.name === 'category')?.options).toEqual(TEST_LISTS.categories);
    expect(services.find((f) => f.name === 'town')?.options).toEqual(TEST_LISTS.towns);
    expect(services.find((f) => f.name === 'type')?.options).toEqual(TEST_LISTS.serviceTypes);
  });
});

describe('dates round-trip', () => {
  it('stores date-times with their offset, and the schema reads back the same instant', () => {
    const date = fieldsOf(collection('news')).find((f) => f.name === 'date');
    expect(date).toMatchObject({ widget: 'datetime', format: DATETIME_FORMAT });
    expect(DATETIME_FORMAT).toBe('YYYY-MM-DDTHH:mm:ssZ');
    const news = zodFor(schemas['news']!);
    // What the widget writes for 10:30 on a summer morning in the UK (British Summer Time).
    const written = '2026-07-01T10:30:00+01:00';
    const parsed = news.parse({ title: 'T', date: written, author: 'A', category: 'News', summary: 'S' }) as {
      date: Date;
    };
    expect(parsed.date.toISOString()).toBe('2026-07-01T09:30:00.000Z');
  });

  it('stores calendar dates as YYYY-MM-DD, read back as that day', () => {
    const reviewed = fieldsOf(collection('a-z')).find((f) => f.name === 'lastReviewed');
    expect(reviewed).toMatchObject({ widget: 'datetime', format: DATE_FORMAT, time_format: false, picker_utc: true });
    const az = zodFor(schemas['a-z']!);
    const parsed = az.parse({
      title: 'T',
      summary: 'S',
      sources: [{ title: 'NHS', url: 'https://www.nhs.uk/mental-health/conditions/' }],
      reviewedBy: 'Clinical adviser',
      lastReviewed: '2026-03-29',
    }) as { lastReviewed: Date };
    expect(parsed.lastReviewed.toISOString()).toBe('2026-03-29T00:00:00.000Z');
  });
});

describe('backend', () => {
  it('uses GitHub through Netlify’s OAuth provider by default, with the repo and branch from the environment', () => {
    const c = config({ CMS_REPO: 'millbrook/website' });
    expect(c['backend']).toEqual({
      name: 'github',
      repo: 'millbrook/website',
      branch: 'main',
      base_url: 'https://api.netlify.com',
      auth_endpoint: 'auth',
    });
    expect(config({ CMS_REPO: 'a/b', CMS_BRANCH: 'content' })['backend']).toMatchObject({ branch: 'content' });
  });

  it('finds the repo from Netlify’s REPOSITORY_URL when CMS_REPO is not set', () => {
    for (const url of ['https://github.com/millbrook/website', 'git@github.com:millbrook/website.git']) {
      expect(config({ REPOSITORY_URL: url })['backend']).toMatchObject({ repo: 'millbrook/website' });
    }
    expect(config({ CMS_REPO: 'a/b', REPOSITORY_URL: 'https://github.com/c/d' })['backend']).toMatchObject({
      repo: 'a/b',
    });
  });

  it('uses a git-gateway host when asked, with its identity and gateway addresses', () => {
    const c = config({
      CMS_BACKEND: 'git-gateway',
      CMS_REPO: 'millbrook/website',
      CMS_IDENTITY_URL: 'https://auth.example.org/sites/abc',
      CMS_GATEWAY_URL: 'https://gateway.example.org',
    });
    expect(c['backend']).toEqual({
      name: 'git-gateway',
      repo: 'millbrook/website',
      branch: 'main',
      identity_url: 'https://auth.example.org/sites/abc',
      gateway_url: 'https://gateway.example.org',
    });
  });

  it('refuses an unknown backend, naming the setting', () => {
    expect(() => config({ CMS_BACKEND: 'gitlab' })).toThrow(/CMS_BACKEND/);
  });

  it('uses the editorial workflow (draft, in review, ready) on the live site', () => {
    const c = config({ CMS_REPO: 'a/b' });
    expect(c['publish_mode']).toBe('editorial_workflow');
    expect(c['local_backend']).toBeUndefined();
  });

  it('saves through the local decap-server under astro dev or when CMS_LOCAL is set', () => {
    expect(config({}, true)['local_backend']).toEqual({ url: 'http://127.0.0.1:8081/api/v1' });
    const local = config({ CMS_LOCAL: '1', CMS_LOCAL_PORT: '8085' });
    expect(local['local_backend']).toEqual({ url: 'http://127.0.0.1:8085/api/v1' });
    expect(local['publish_mode']).toBeUndefined();
  });

  it('names the addresses the editor page must be allowed to connect to', () => {
    expect(cmsConnectSources({ CMS_LOCAL: '1', CMS_LOCAL_PORT: '8085' }, false)).toEqual([
      'http://127.0.0.1:8085',
      'https://api.github.com',
    ]);
    expect(cmsConnectSources({}, false)).toEqual(['https://api.github.com']);
    expect(
      cmsConnectSources(
        {
          CMS_BACKEND: 'git-gateway',
          CMS_IDENTITY_URL: 'https://auth.example.org/sites/abc',
          CMS_GATEWAY_URL: 'https://gateway.example.org/',
        },
        false,
      ),
    ).toEqual(['https://auth.example.org', 'https://gateway.example.org']);
  });

  it('holds no secrets: only public addresses and names', () => {
    expect(JSON.stringify(config({ CMS_REPO: 'a/b' }))).not.toMatch(/secret|token|password|client_id/i);
  });
});

/**
 * The address Decap opens for "View preview"/"View live", worked out as Decap 3 does it
 * (decap-cms-core/src/lib/formatters.ts, previewUrlFormatter): `{{slug}}` is the entry's slug,
 * `{{fields.x}}` its field x (empty when unset), then leading spaces and slashes are trimmed.
 */
function decapPreviewUrl(c: CmsCollection, slug: string, data: Record<string, string | undefined>): string {
  const path = String(c['preview_path']).replace(/\{\{([\w.]+)\}\}/g, (_all, key: string) =>
    key === 'slug' ? slug : key.startsWith('fields.') ? (data[key.slice('fields.'.length)] ?? '') : `{{${key}}}`,
  );
  return `${SITE}/${path.replace(/^[ /]+/, '')}`;
}

describe('preview links', () => {
  it('link a child page under its parent, and a top-level page at the top, as the site builds them', () => {
    const pages = [
      { slug: 'about', title: 'About us' },
      { slug: 'our-values', title: 'Our values', parent: 'about' },
      { slug: 'privacy', title: 'Privacy' },
    ];
    const tree = buildPageTree(pages.map((page) => ({ ...page, entry: page })));
    for (const page of pages) {
      expect(decapPreviewUrl(collection('pages'), page.slug, { parent: page.parent })).toBe(
        `${SITE}${tree.get(page.slug)?.path}`,
      );
    }
    expect(decapPreviewUrl(collection('pages'), 'our-values', { parent: 'about' })).toBe(`${SITE}/about/our-values/`);
  });

  it('link news, A–Z topics and services to their own section', () => {
    expect(decapPreviewUrl(collection('news'), 'open-day', {})).toBe(`${SITE}/news/open-day/`);
    expect(decapPreviewUrl(collection('a-z'), 'anxiety', {})).toBe(`${SITE}/a-z/anxiety/`);
    expect(decapPreviewUrl(collection('services'), 'walk-and-talk', {})).toBe(`${SITE}/services/walk-and-talk/`);
  });
});

describe('DecapBridge (git-gateway with PKCE sign-in)', () => {
  const env: CmsEnv = { CMS_BACKEND: 'decapbridge', CMS_REPO: 'millbrook/website', CMS_DECAPBRIDGE_SITE: 'a1b2c3' };

  it('writes the backend DecapBridge documents for a PKCE site', () => {
    expect(config(env)['backend']).toEqual({
      name: 'git-gateway',
      repo: 'millbrook/website',
      branch: 'main',
      auth_type: 'pkce',
      base_url: 'https://auth.decapbridge.com',
      auth_endpoint: '/sites/a1b2c3/pkce',
      auth_token_endpoint: '/sites/a1b2c3/token',
      gateway_url: 'https://gateway.decapbridge.com',
    });
  });

  it('maps the sign-in claims to the editor’s name, email and picture', () => {
    expect(config(env)['auth']).toEqual({
      email_claim: 'email',
      first_name_claim: 'first_name',
      last_name_claim: 'last_name',
      avatar_url_claim: 'avatar_url',
    });
    expect(config({ CMS_REPO: 'a/b' })['auth']).toBeUndefined();
  });

  it('lets the editor page reach DecapBridge’s sign-in and gateway, and nothing else', () => {
    expect(cmsConnectSources(env, false)).toEqual([DECAPBRIDGE_GATEWAY_URL, DECAPBRIDGE_AUTH_URL]);
  });
});

describe('a build without the editor’s settings', () => {
  it('says to set CMS_REPO when neither CMS_REPO nor REPOSITORY_URL is set', () => {
    expect(cmsSetupProblem({}, false)).toMatch(/^Set CMS_REPO to the GitHub repository, as owner\/name/);
    expect(cmsSetupProblem({}, false)).toContain('REPOSITORY_URL');
  });

  it('finds nothing missing once the repository is known, or when editing locally', () => {
    expect(cmsSetupProblem({ CMS_REPO: 'a/b' }, false)).toBeUndefined();
    expect(cmsSetupProblem({ REPOSITORY_URL: 'https://github.com/a/b' }, false)).toBeUndefined();
    expect(cmsSetupProblem({}, true)).toBeUndefined();
    expect(cmsSetupProblem({ CMS_LOCAL: '1' }, false)).toBeUndefined();
    // Netlify Identity's git-gateway finds the repository itself.
    expect(cmsSetupProblem({ CMS_BACKEND: 'git-gateway' }, false)).toBeUndefined();
  });

  it('says to set the DecapBridge site id when it is missing', () => {
    expect(cmsSetupProblem({ CMS_BACKEND: 'decapbridge', CMS_REPO: 'a/b' }, false)).toMatch(/CMS_DECAPBRIDGE_SITE/);
  });
});
