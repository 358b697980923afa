/**
 * /admin/content-checks.json: what the CMS preview needs to check the text being typed as the build
 * does (src/browser/cms/previews.ts): the language rules of content-rules.yaml, and the charity's
 * own phone numbers (digits only: the settings' phone and each service's contact phone), which
 * prose may give by hand without the helpline check's warning. Built with the site, so the editor
 * warns about exactly what the build would. The rules file is read as the content gate reads it
 * (`loadContentRules` in src/content/content-gate.ts, which has already stopped the build if it is
 * malformed), without bundling the gate into the pages; the numbers are `getOwnDials` of
 * src/data/helplines.ts.
 */
import type { APIRoute } from 'astro';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { getOwnDials } from '../../data/helplines';
import { parseContentRules, type ContentChecks } from '../../lib/content-rules';

export const GET: APIRoute = async () => {
  const checks: ContentChecks = {
    rules: parseContentRules(parse(readFileSync(resolve('content-rules.yaml'), 'utf8'))),
    ownDials: await getOwnDials(),
  };
  return new Response(JSON.stringify(checks), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
