/**
 * /admin/preview.css: the site's own stylesheet (src/styles/global.css, imports resolved) plus the
 * preview rules, for the CMS preview pane. Built as a file, so the pane and the site share styles.
 */
import type { APIRoute } from 'astro';
import css from '../../browser/cms/preview.css?inline';

export const GET: APIRoute = () => new Response(css, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
