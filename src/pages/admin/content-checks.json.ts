/**
 * /admin/content-checks.json: what the CMS preview needs to check the text being typed as the build
 * does (src/browser/cms/previews.ts): the language rules of content-rules.yaml, and the charity's
 * own phone numbers (digits only: the settings' phone and each service's contact phone), which
 * prose may give by hand without the helpline check's warning. Built with the site, so the editor
 * warns about exactly what the build would. The rules file is read as the content gate reads it
 * (`loadContentRules` in src/content/content-gate.ts, which has already stopped the build if it is
 * malformed), without bundling the gate into the pages; the numbers are those `ownNumbers` of
 * src/content/helplines.ts reads for the build, taken from the collections.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { getSettings } from '../../data/settings';
import { parseContentRules, type ContentChecks } from '../../lib/content-rules';
import { dialDigits } from '../../lib/phone-numbers';

export const GET: APIRoute = async () => {
  const phones = [(await getSettings()).phone, ...(await getCollection('services')).map((s) => s.data.contactPhone)];
  const checks: ContentChecks = {
    rules: parseContentRules(parse(readFileSync(resolve('content-rules.yaml'), 'utf8'))),
    ownDials: [...new Set(phones.filter((p): p is string => typeof p === 'string' && p.trim() !== '').map(dialDigits))],
  };
  return new Response(JSON.stringify(checks), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
