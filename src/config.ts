/**
 * Build-time constants that are not content. Facts an editor may change live in
 * content/settings/site.yaml instead.
 */
import { resolve } from 'node:path';

/** Folder holding the Markdown collections; tests and benchmarks point it elsewhere. */
export const CONTENT_DIR = resolve(process.env['CONTENT_DIR'] ?? 'content');

/**
 * Astro's cache folder (its `cacheDir`: the content store and the pages kept for the next build), in
 * node_modules, which Netlify keeps between deploys; tests and benchmarks point it elsewhere.
 */
export const ASTRO_CACHE_DIR = process.env['ASTRO_CACHE_DIR'] ?? './node_modules/.astro';

/** Public address of the site, used for canonical URLs, feeds and the sitemap. */
export const SITE_URL = (process.env['SITE_URL'] ?? 'https://www.millbrook-mh.example').replace(/\/$/, '');

/** Number of news posts on each page of a news list. */
export const NEWS_PAGE_SIZE = 10;

/** Path of the settings file inside the content folder. */
export const SETTINGS_FILE = 'settings/site.yaml';

/**
 * The moment this build treats as "now" for dated listings (a service's next sessions, What's on).
 * One value for the whole build, so every page agrees. Set BUILD_DATE (e.g. `2026-12-14` or
 * `2026-12-14T09:00:00Z`) to build the site as of another day, as the calendar tests do.
 */
export const BUILD_NOW: Date = (() => {
  const value = process.env['BUILD_DATE'];
  if (!value) return new Date();
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`BUILD_DATE "${value}" is not a date (use the form 2026-12-14)`);
  return date;
})();

/**
 * Netlify Forms name of the "Was this page useful?" form on every A–Z topic. Netlify lists the
 * answers under this name (docs/feedback.md); renaming it starts a new, empty list.
 */
export const A_Z_FEEDBACK_FORM = 'topic-feedback';

/**
 * Name of the hidden spam-trap field on every Netlify form (its `netlify-honeypot` attribute):
 * people never see it, bots fill it in, and Netlify drops what they send.
 */
export const HONEYPOT_FIELD = 'bot-field';

/** Where the A–Z feedback form lands once sent (src/pages/a-z/thank-you.astro). */
export const A_Z_FEEDBACK_THANKS = '/a-z/thank-you/';

/**
 * Slug of the page (content/pages/) that says how the charity writes and checks its health
 * information. Every A–Z topic links to it beside the review dates.
 */
export const HOW_WE_WRITE_PAGE = 'how-we-write-our-health-information';
