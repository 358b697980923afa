/**
 * The language rules of content-rules.yaml, read from disk: by the content gate, and for the CMS
 * preview's /admin/content-checks.json (src/data/content-checks.ts), which reads the same rules the
 * same way without bundling the gate into the pages.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { displayPath } from '../lib/content-error';
import type { ContentRules } from '../lib/content-rules';
import { parseContentRules } from '../lib/content-rules-schema';

/** The rules file, at the root of the project so reviewers find it. */
export const RULES_FILE = resolve('content-rules.yaml');

let cachedRules: { file: string; rules: ContentRules } | undefined;

/** The rules of content-rules.yaml, read once per build. */
export function loadContentRules(file: string = RULES_FILE): ContentRules {
  if (cachedRules?.file === file) return cachedRules.rules;
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${displayPath(file)} could not be read: ${(error as Error).message.split('\n')[0] ?? ''}`, {
      cause: error,
    });
  }
  const rules = parseContentRules(data);
  cachedRules = { file, rules };
  return rules;
}
