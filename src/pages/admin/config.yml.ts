/**
 * /admin/config.yml: the Decap CMS configuration, generated at build time from src/schemas (see
 * src/cms/config.ts), with the lists from src/data/settings.ts. JSON is valid YAML, so the object is written as JSON.
 */
import type { APIRoute } from 'astro';
import { buildCmsConfig } from '../../cms/config';
import { SITE_URL } from '../../config';
import { getSiteLists } from '../../data/settings';

export const GET: APIRoute = async () => {
  const config = buildCmsConfig({
    lists: await getSiteLists(),
    env: process.env,
    dev: import.meta.env.DEV,
    siteUrl: SITE_URL,
  });
  return new Response(JSON.stringify(config, null, 2), {
    headers: { 'Content-Type': 'text/yaml; charset=utf-8' },
  });
};
