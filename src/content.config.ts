import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { loadContentLayer } from './content/native-load';

// A production build loads the loaders with Node's own loader (src/content/native-load.ts says
// why); `astro dev` through Vite, which reloads them when they change.
const { CONTENT_DIR, SETTINGS_FILE, COLLECTIONS, collectionLoader, readSiteLists } = import.meta.env.PROD
  ? loadContentLayer()
  : await import('./content/content-layer');

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
