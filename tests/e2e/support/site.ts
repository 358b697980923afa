/**
 * Facts about the built site that specs share: the pages listed in the sitemap, and the settings
 * the pages should show.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { EXIT_PAGE_DEFAULT_URL } from '../../../src/schemas/settings';

const DIST = process.env['OUT_DIR'] ?? 'dist';

/** Paths of every page in the built sitemap (read from disk, so tests can be made per page). */
export function sitemapPaths(): string[] {
  const xml = readFileSync(join(DIST, 'sitemap-0.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '/').pathname);
}

/** The site settings as the build saw them. */
export function siteSettings(): {
  charityName: string;
  phone: string;
  email: string;
  charityNumber: string;
  navigation: { label: string; url: string }[];
  /** The id of the local crisis line in the helpline registry. */
  localCrisisLine: string;
  /** Ids of the national crisis lines in the helpline registry, in order. */
  crisisLines: string[];
  /** Where "Exit this page" goes (the schema's default when the file leaves it out). */
  exitPageUrl: string;
} {
  const dir = process.env['CONTENT_DIR'] ?? 'content';
  const settings = parse(readFileSync(join(dir, 'settings/site.yaml'), 'utf8')) as ReturnType<typeof siteSettings>;
  return { ...settings, exitPageUrl: settings.exitPageUrl ?? EXIT_PAGE_DEFAULT_URL };
}

/** A helpline from the registry (content/helplines/<id>.yaml) as the build saw it. */
export function registryHelpline(id: string): {
  name: string;
  phone?: string;
  textNumber?: string;
  textKeyword?: string;
  note?: string;
} {
  const dir = process.env['CONTENT_DIR'] ?? 'content';
  return parse(readFileSync(join(dir, `helplines/${id}.yaml`), 'utf8')) as ReturnType<typeof registryHelpline>;
}
