/**
 * /admin/helplines.json: the helpline registry, for the CMS's Helpline button and preview (see
 * src/browser/cms/helpline-editor.ts). Built with the site, so the editor offers the lines that exist.
 */
import type { APIRoute } from 'astro';
import { getHelplines } from '../../data/helplines';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify([...(await getHelplines()).values()]), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
