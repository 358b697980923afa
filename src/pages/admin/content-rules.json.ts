/**
 * /admin/content-rules.json: the language rules of content-rules.yaml, for the CMS preview, which
 * checks the text being typed with the build's own check (src/browser/cms/previews.ts). Built with
 * the site, so the editor warns about exactly what the build would refuse. The file is read as the
 * content gate reads it (`loadContentRules` in src/content/content-gate.ts, which has already
 * stopped the build if it is malformed), without bundling the gate into the pages.
 */
import type { APIRoute } from 'astro';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { parseContentRules } from '../../lib/content-rules';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(parseContentRules(parse(readFileSync(resolve('content-rules.yaml'), 'utf8')))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
