import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { CONTENT_DIR, SETTINGS_FILE } from './config';
import { collectionLoader } from './content/loaders';
import { readSiteLists } from './content/site-lists';
import { COLLECTIONS } from './schemas/collections';

const lists = readSiteLists(CONTENT_DIR, SETTINGS_FILE);

type Declared = (typeof COLLECTIONS)[number];
/** Each collection's Astro config, keeping its own schema type so pages get typed data. */
type Collections = {
  [D in Declared as D['name']]: { loader: Loader; schema: ReturnType<D['schema']>['schema'] };
};

export const collections = Object.fromEntries(
  COLLECTIONS.map((declaration) => {
    const config: Parameters<typeof defineCollection>[0] = {
      loader: collectionLoader(declaration.name, CONTENT_DIR, lists),
      schema: declaration.schema(lists).schema,
    };
    return [declaration.name, defineCollection(config)];
  }),
) as unknown as Collections;
