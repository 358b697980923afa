/**
 * Site settings, loaded once per build from the settings collection.
 */
import { getEntry } from 'astro:content';
import type { SiteLists } from '../schemas/settings';

async function readSettings() {
  const entry = await getEntry('settings', 'site');
  if (!entry) throw new Error('Content error: content/settings/site.yaml is missing');
  return entry.data;
}

/** Settings as used by pages and components. */
export type Settings = Awaited<ReturnType<typeof readSettings>>;

let buildSettings: Promise<Settings> | undefined;

/**
 * The validated settings of the site (content/settings/site.yaml). A production build reads them
 * once for every page: they cannot change during a build, and each page asks about six times, where
 * each of Astro's `getEntry` calls costs a dynamic import of its data store. Under `astro dev`
 * (`import.meta.env.DEV`) every call reads the store, so an edit in the editor shows at once.
 */
export function getSettings(): Promise<Settings> {
  if (import.meta.env.DEV) return readSettings();
  return (buildSettings ??= readSettings());
}

/** The lists other collections choose from (categories, towns, service types), for the CMS's dropdowns. */
export async function getSiteLists(): Promise<SiteLists> {
  const { categories, towns, serviceTypes } = await getSettings();
  return { categories, towns, serviceTypes };
}
