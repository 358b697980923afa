/**
 * Site settings, loaded once per build from the settings collection.
 */
import { getEntry } from 'astro:content';
import type { SiteLists } from '../schemas/settings';

/** The validated settings of the site (content/settings/site.yaml). */
export async function getSettings() {
  const entry = await getEntry('settings', 'site');
  if (!entry) throw new Error('Content error: content/settings/site.yaml is missing');
  return entry.data;
}

/** Settings as used by pages and components. */
export type Settings = Awaited<ReturnType<typeof getSettings>>;

/** The lists other collections choose from (categories, towns, service types), for the CMS's dropdowns. */
export async function getSiteLists(): Promise<SiteLists> {
  const { categories, towns, serviceTypes } = await getSettings();
  return { categories, towns, serviceTypes };
}
