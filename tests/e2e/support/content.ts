/**
 * Reads the content the site was built from (front matter only), so specs can say what a person
 * should see without hard-coding names, times or towns.
 */
import { join } from 'node:path';
import { slugify } from '../../../src/lib/format';
import { markdownEntries } from '../../support/files';

const DIR = process.env['CONTENT_DIR'] ?? 'content';

/** Front matter of every Markdown file in a collection folder, with the file's slug. */
function frontMatter<T>(folder: string): (T & { slug: string })[] {
  return markdownEntries(join(DIR, folder)).map(({ slug, data }) => ({ ...(data as T), slug }));
}

/** A service as written in content/services/. */
export interface ServiceFile {
  slug: string;
  title: string;
  town: string;
  format: string;
  days: string[];
  frequency: string;
  address?: string;
  contactPhone?: string;
  contactEmail?: string;
  active?: boolean;
}

/** Every service file; `active` defaults to true as in the schema. */
export function serviceFiles(): ServiceFile[] {
  return frontMatter<ServiceFile>('services').map((s) => ({ ...s, active: s.active ?? true }));
}

/** A value as written in content/values/. */
export interface ValueFile {
  slug: string;
  title: string;
  summary: string;
  order: number;
}

/** Every value file. */
export function valueFiles(): ValueFile[] {
  return frontMatter<ValueFile>('values');
}

/** The URL slug of a town, format or day label ("Ashford Green" → "ashford-green"), as the site makes it. */
export const slug = slugify;
