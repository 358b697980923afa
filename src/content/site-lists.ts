/**
 * Reads the lists that other collections choose from (news categories, towns, service types)
 * straight from the settings file, so the schemas can refuse values that are not on them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ContentError } from '../lib/content-error';
import type { SiteLists } from '../schemas/settings';

/** Loads the option lists from `<contentDir>/settings/site.yaml`. */
export function readSiteLists(contentDir: string, settingsFile: string): SiteLists {
  const file = join(contentDir, settingsFile);
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ContentError(file, undefined, `could not be read: ${(error as Error).message.split('\n')[0] ?? ''}`);
  }
  const record = (data ?? {}) as Record<string, unknown>;
  const list = (name: keyof SiteLists): string[] => {
    const value = record[name];
    if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string')) {
      throw new ContentError(file, name, 'must be a list with at least one item');
    }
    return value;
  };
  return { categories: list('categories'), towns: list('towns'), serviceTypes: list('serviceTypes') };
}
