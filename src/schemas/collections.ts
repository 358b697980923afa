/**
 * Every content collection, declared once: its folder, its fields and how the CMS lists it.
 * `src/content.config.ts` (the loaders), `src/cms/config.ts` (the editor) and the tests all loop
 * over this list, so adding a collection means adding one entry here.
 */
import { azSchema } from './a-z';
import { listDate, sortableFields, type CollectionSchema } from './fields';
import { newsSchema } from './news';
import { helplinesSchema } from './helplines';
import { pagesSchema } from './pages';
import { servicesSchema } from './services';
import { settingsSchema, type SiteLists } from './settings';
import { valuesSchema } from './values';

/** How a collection is stored under `content/<name>/`. */
export type CollectionKind =
  /** A folder of Markdown files, one entry per file; the file name is the web address. */
  | 'markdown'
  /** One YAML file of site-wide facts (`content/settings/site.yaml`). */
  | 'settings'
  /** A folder of YAML files, one entry per file; the file name is the id (`content/helplines/`). */
  | 'data';

/** What the editor shows for a collection, besides its fields. */
export interface CmsListing {
  label: string;
  labelSingular: string;
  description: string;
  /** Extra Decap collection settings (summary, sorting, filters, preview address). */
  extra: Record<string, unknown>;
}

/** One collection's declaration. */
export interface CollectionDeclaration<S extends CollectionSchema = CollectionSchema> {
  name: string;
  kind: CollectionKind;
  /** The fields, given the lists (categories, towns, service types) from the settings file. */
  schema: (lists: SiteLists) => S;
  cms: (lists: SiteLists) => CmsListing;
}

/** A view-filter pattern matching exactly this text. */
function exactly(text: string): string {
  return `^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
}

/** Declares one collection, keeping its schema's type for the loaders. */
function declare<const N extends string, S extends CollectionSchema>(
  declaration: CollectionDeclaration<S> & { name: N },
): CollectionDeclaration<S> & { name: N } {
  return declaration;
}

/** The collections, in the order editors see them in the CMS sidebar. */
export const COLLECTIONS = [
  declare({
    name: 'news',
    kind: 'markdown',
    schema: (lists) => newsSchema(lists),
    cms: (lists) => ({
      label: 'News',
      labelSingular: 'News post',
      description: 'News, events and stories. A post with a future date, or marked as a draft, is not published.',
      extra: {
        summary: `{{title}} (${listDate('date')})`,
        // Newest first: editors mostly work on recent posts.
        sortable_fields: sortableFields({ field: 'date', direction: 'desc' }, 'title', 'author', 'category'),
        view_filters: [
          { label: 'Drafts', field: 'draft', pattern: true },
          ...lists.categories.map((category) => ({ label: category, field: 'category', pattern: exactly(category) })),
        ],
        view_groups: [{ label: 'Year', field: 'date', pattern: '\\d{4}' }],
        preview_path: 'news/{{slug}}/',
        // Pictures live beside the posts, in content/news/images/, and are stored as images/…
        // (Decap drops the "./"): a path relative to the post, which Astro's image() resolves and
        // optimises at build. tests/e2e/cms/news.spec.ts uploads one and builds the site.
        media_folder: 'images',
        public_folder: './images',
      },
    }),
  }),
  declare({
    name: 'a-z',
    kind: 'markdown',
    schema: () => azSchema,
    cms: () => ({
      label: 'Mental health A–Z',
      labelSingular: 'A–Z topic',
      description: 'Plain-English explanations of mental health words. Check each topic by its review date.',
      extra: {
        // The review state on every row: when the facts were last checked, and by whom.
        summary: `{{title}} – reviewed ${listDate('lastReviewed')} by {{reviewedBy}}`,
        sortable_fields: sortableFields({ field: 'title', direction: 'asc' }, 'lastReviewed', 'nextReview'),
        view_filters: [
          { label: 'Shows the urgent help card', field: 'urgent', pattern: true },
          { label: "Shows 'Exit this page'", field: 'quickExit', pattern: true },
        ],
        view_groups: [{ label: 'Year last reviewed', field: 'lastReviewed', pattern: '\\d{4}' }],
        preview_path: 'a-z/{{slug}}/',
      },
    }),
  }),
  declare({
    name: 'services',
    kind: 'markdown',
    schema: (lists) => servicesSchema(lists),
    cms: (lists) => ({
      label: 'Services',
      labelSingular: 'Service',
      description: 'Groups and services people can use. Turn off "Running now" to hide one without deleting it.',
      extra: {
        summary: '{{title}} ({{town}})',
        sortable_fields: sortableFields({ field: 'title', direction: 'asc' }, 'town', 'type'),
        view_filters: [
          { label: 'Not running now', field: 'active', pattern: false },
          ...lists.towns.map((town) => ({ label: town, field: 'town', pattern: exactly(town) })),
        ],
        preview_path: 'services/{{slug}}/',
      },
    }),
  }),
  declare({
    name: 'values',
    kind: 'markdown',
    schema: () => valuesSchema,
    cms: () => ({
      label: 'Our values',
      labelSingular: 'Value',
      description: 'The charity’s values, shown in order on the values page.',
      extra: {
        summary: '{{order}}. {{title}}',
        sortable_fields: sortableFields({ field: 'order', direction: 'asc' }, 'title'),
        preview_path: 'about/our-values/',
      },
    }),
  }),
  declare({
    name: 'pages',
    kind: 'markdown',
    schema: () => pagesSchema,
    cms: () => ({
      label: 'Pages',
      labelSingular: 'Page',
      description: 'General pages such as About us and the privacy notice.',
      extra: {
        summary: '{{title}}',
        sortable_fields: sortableFields({ field: 'title', direction: 'asc' }),
        // A page with a parent lives under it (/about/our-values/). Decap trims the leading "/" an
        // empty parent leaves. Only one level: the preview of a grandchild page would miss the top one.
        preview_path: '{{fields.parent}}/{{slug}}/',
      },
    }),
  }),
  declare({
    name: 'helplines',
    kind: 'data',
    schema: () => helplinesSchema,
    cms: () => ({
      label: 'Helplines',
      labelSingular: 'Helpline',
      description:
        'Every helpline the site names, each fact written once. Pages show them with :helpline[id]; changing a number here changes it everywhere.',
      extra: {
        summary: '{{name}} ({{filename}})',
        sortable_fields: sortableFields({ field: 'name', direction: 'asc' }),
      },
    }),
  }),
  declare({
    name: 'settings',
    kind: 'settings',
    schema: () => settingsSchema,
    cms: () => ({
      label: 'Site settings',
      labelSingular: 'Charity details, contacts and lists',
      description: 'Facts about the charity used on every page: contact details, crisis lines, menus and lists.',
      extra: {},
    }),
  }),
] as const;

/** A collection's name. */
export type CollectionName = (typeof COLLECTIONS)[number]['name'];

/** Every collection's declared fields, by name, built with the given lists. */
export function collectionSchemas(lists: SiteLists): Record<CollectionName, CollectionSchema> {
  const schemas: Partial<Record<CollectionName, CollectionSchema>> = {};
  for (const declaration of COLLECTIONS) schemas[declaration.name] = declaration.schema(lists);
  return schemas as Record<CollectionName, CollectionSchema>;
}
