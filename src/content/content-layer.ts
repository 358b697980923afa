/**
 * What `src/content.config.ts` needs to declare the collections: the content folder, the site's
 * lists, each collection's schema and its loader. One module, so a production build can load all
 * of it with Node's own loader (`loadContentLayer` in native-load.ts).
 */
export { CONTENT_DIR, SETTINGS_FILE } from '../config';
export { collectionLoader } from './loaders';
export { readSiteLists } from './site-lists';
export { COLLECTIONS } from '../schemas/collections';
