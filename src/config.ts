/**
 * Build-time constants that are not content. Facts an editor may change live in
 * content/settings/site.yaml instead.
 */
import { resolve } from 'node:path';

/** Folder holding the Markdown collections; tests and benchmarks point it elsewhere. */
export const CONTENT_DIR = resolve(process.env['CONTENT_DIR'] ?? 'content');

/** Public address of the site, used for canonical URLs, feeds and the sitemap. */
export const SITE_URL = (process.env['SITE_URL'] ?? 'https://www.millbrook-mh.example').replace(/\/$/, '');

/** Number of news posts on each page of a news list. */
export const NEWS_PAGE_SIZE = 10;

/** Path of the settings file inside the content folder. */
export const SETTINGS_FILE = 'settings/site.yaml';
