/**
 * The shape of content-rules.yaml, checked with Zod, so that a typo in that file stops the build
 * with a clear line instead of checking nothing. Apart from src/lib/content-rules.ts (the rules as
 * the checks use them), so the editor's script, which imports that module, does not bundle Zod.
 */
import { z } from 'astro/zod';
import type { ContentRule } from './content-rules';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const ruleSchema = z
  .object({
    id: z.string().regex(ID, { error: 'must be lower-case words joined by hyphens, like commit-suicide' }),
    phrases: z.array(z.string().trim().min(1)).min(1, { error: 'needs at least one phrase' }),
    notBefore: z.array(z.string().trim().min(1)).default([]),
    instead: z.array(z.string().trim().min(1)).min(1, { error: 'needs at least one suggestion' }),
    why: z.string().trim().min(1),
  })
  .strict();

const rulesSchema = z
  .object({
    fail: z.array(ruleSchema).default([]),
    warn: z.array(ruleSchema).default([]),
  })
  .strict();

/**
 * Checks the parsed content-rules.yaml and returns its rules, failures first.
 * @throws Error naming the rule and the problem, when the file is malformed or an id repeats.
 */
export function parseContentRules(data: unknown): ContentRule[] {
  const result = rulesSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.map(String).join('.') || '(top level)';
    throw new Error(`content-rules.yaml: ${where} ${issue?.message ?? 'is not valid'}`);
  }
  // Typed as ContentRule, so the schema's output must give every field the checks read.
  const rules: ContentRule[] = [
    ...result.data.fail.map((rule) => ({ ...rule, level: 'fail' as const })),
    ...result.data.warn.map((rule) => ({ ...rule, level: 'warn' as const })),
  ];
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.id)) throw new Error(`content-rules.yaml: the id "${rule.id}" is used by two rules`);
    seen.add(rule.id);
  }
  return rules;
}
