/**
 * /admin/config.yml: the Decap CMS configuration, generated at build time from src/schemas (see
 * src/cms/config.ts). JSON is valid YAML, so the object is written as JSON.
 */
import type { APIRoute } from 'astro';
import { buildCmsConfig } from '../../cms/config';
import { CONTENT_DIR, SETTINGS_FILE, SITE_URL } from '../../config';
import { readSiteLists } from '../../content/site-lists';

export const GET: APIRoute = () => {
  const config = buildCmsConfig({
    lists: readSiteLists(CONTENT_DIR, SETTINGS_FILE),
    env: process.env,
    dev: import.meta.env.DEV,
    siteUrl: SITE_URL,
  });
  return new Response(JSON.stringify(config, null, 2), {
    headers: { 'Content-Type': 'text/yaml; charset=utf-8' },
  });
};
