/**
 * /admin/content-checks.json: what the CMS preview needs to check the text being typed as the build
 * does (src/browser/cms/previews.ts): the language rules of content-rules.yaml, and the charity's
 * own phone numbers (digits only: the settings' phone and each service's contact phone), which
 * prose may give by hand without the helpline check's warning (src/data/content-checks.ts).
 */
import type { APIRoute } from 'astro';
import { getContentChecks } from '../../data/content-checks';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(getContentChecks()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
