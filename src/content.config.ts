import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { CONTENT_DIR, SETTINGS_FILE } from './config';
import { azCollectionCheck } from './content/a-z-content-check';
import { checkedGlob, type CheckedGlobOptions } from './content/checked-glob';
import { readSiteLists } from './content/site-lists';
import { COLLECTIONS } from './schemas/collections';

const lists = readSiteLists(CONTENT_DIR, SETTINGS_FILE);

/** Collection-wide checks, run once every file of the collection is loaded. */
const CHECK_ALL: Partial<Record<(typeof COLLECTIONS)[number]['name'], CheckedGlobOptions['checkAll']>> = {
  'a-z': azCollectionCheck(CONTENT_DIR),
};

type Declared = (typeof COLLECTIONS)[number];
/** Each collection's Astro config, keeping its own schema type so pages get typed data. */
type Collections = {
  [D in Declared as D['name']]: { loader: Loader; schema: ReturnType<D['schema']>['schema'] };
};

export const collections = Object.fromEntries(
  COLLECTIONS.map((declaration) => {
    const schema = declaration.schema(lists);
    const checkAll = CHECK_ALL[declaration.name];
    const loader = checkedGlob({
      contentDir: CONTENT_DIR,
      folder: declaration.name,
      schema,
      ...(declaration.kind === 'settings' ? { pattern: '[^_]*.yaml' } : {}),
      ...(checkAll ? { checkAll } : {}),
    });
    return [declaration.name, defineCollection({ loader, schema: schema.schema })];
  }),
) as Collections;
