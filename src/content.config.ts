import { defineCollection } from 'astro:content';
import { CONTENT_DIR, SETTINGS_FILE } from './config';
import { azCollectionCheck } from './content/a-z-content-check';
import { checkedGlob, type CheckedGlobOptions } from './content/checked-glob';
import { readSiteLists } from './content/site-lists';
import { azSchema } from './schemas/a-z';
import type { CollectionSchema, Field } from './schemas/fields';
import { newsSchema } from './schemas/news';
import { pagesSchema } from './schemas/pages';
import { servicesSchema } from './schemas/services';
import { settingsSchema } from './schemas/settings';
import { valuesSchema } from './schemas/values';

const lists = readSiteLists(CONTENT_DIR, SETTINGS_FILE);

/** A collection of Markdown files in one folder of the content directory. */
function markdownCollection<F extends readonly Field[]>(
  folder: string,
  schema: CollectionSchema<F>,
  checkAll?: CheckedGlobOptions['checkAll'],
) {
  return defineCollection({
    loader: checkedGlob({ contentDir: CONTENT_DIR, folder, schema, ...(checkAll ? { checkAll } : {}) }),
    schema: schema.schema,
  });
}

export const collections = {
  news: markdownCollection('news', newsSchema(lists)),
  'a-z': markdownCollection('a-z', azSchema, azCollectionCheck(CONTENT_DIR)),
  values: markdownCollection('values', valuesSchema),
  pages: markdownCollection('pages', pagesSchema),
  services: markdownCollection('services', servicesSchema(lists)),
  settings: defineCollection({
    loader: checkedGlob({ contentDir: CONTENT_DIR, folder: 'settings', schema: settingsSchema, pattern: '[^_]*.yaml' }),
    schema: settingsSchema.schema,
  }),
};
