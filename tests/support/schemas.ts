/**
 * The collections' declared schemas, built as the site builds them (lists from a settings file),
 * with a stand-in for Astro's image() so they run outside Astro.
 */
import { z } from 'astro/zod';
import { collectionSchemas } from '../../src/schemas/collections';
import type { CollectionSchema } from '../../src/schemas/fields';
import type { SiteLists } from '../../src/schemas/settings';

/** Lists used by tests that do not read a settings file. */
export const TEST_LISTS: SiteLists = {
  categories: ['News', 'Events', 'Stories'],
  towns: ['Millbrook', 'Online'],
  serviceTypes: ['Peer support group', 'Helpline'],
};

/** The frontmatter of a valid weekly group, for tests that change one field at a time. */
export const VALID_SERVICE = {
  title: 'Millbrook Peer Support Group',
  type: 'Peer support group',
  summary: 'A weekly group.',
  town: 'Millbrook',
  venue: 'Community Centre',
  format: 'In person',
  days: ['Tuesday'],
  startTime: '18:30',
  endTime: '20:00',
  frequency: 'Weekly',
  audience: 'Adults',
  cost: 'Free',
  howToJoin: 'Drop in',
} as const;

/** Every collection's declaration, by collection name. */
export function allSchemas(lists: SiteLists = TEST_LISTS): Record<string, CollectionSchema> {
  return collectionSchemas(lists);
}

/** The Zod schema of a collection, runnable in a unit test. */
export function zodFor(schema: CollectionSchema) {
  return schema.schema({ image: () => z.string() });
}
