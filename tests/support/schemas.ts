/**
 * The collections' declared schemas, built as the site builds them (lists from a settings file),
 * with a stand-in for Astro's image() so they run outside Astro.
 */
import { z } from 'astro/zod';
import { azSchema } from '../../src/schemas/a-z';
import type { CollectionSchema } from '../../src/schemas/fields';
import { newsSchema } from '../../src/schemas/news';
import { pagesSchema } from '../../src/schemas/pages';
import { servicesSchema } from '../../src/schemas/services';
import { settingsSchema, type SiteLists } from '../../src/schemas/settings';
import { valuesSchema } from '../../src/schemas/values';

/** Lists used by tests that do not read a settings file. */
export const TEST_LISTS: SiteLists = {
  categories: ['News', 'Events', 'Stories'],
  towns: ['Millbrook', 'Online'],
  serviceTypes: ['Peer support group', 'Helpline'],
};

/** Every collection's declaration, by collection name. */
export function allSchemas(lists: SiteLists = TEST_LISTS): Record<string, CollectionSchema> {
  return {
    news: newsSchema(lists),
    'a-z': azSchema,
    values: valuesSchema,
    pages: pagesSchema,
    services: servicesSchema(lists),
    settings: settingsSchema,
  };
}

/** The Zod schema of a collection, runnable in a unit test. */
export function zodFor(schema: CollectionSchema) {
  return schema.schema({ image: () => z.string() });
}
