/**
 * The language rules of content-rules.yaml, checked for shape. The rules are data so that the
 * people who review our wording can read and change them without reading code; this module only
 * makes sure a typo in that file stops the build with a clear line instead of checking nothing.
 */
import { z } from 'astro/zod';

/** What a rule does when its words are found. */
export type RuleLevel = 'fail' | 'warn';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const ruleSchema = z
  .object({
    /** Short name, used in the silencing comment `<!-- content-check: allow <id> (reason) -->`. */
    id: z.string().regex(ID, { error: 'must be lower-case words joined by hyphens, like commit-suicide' }),
    /** The words to find, as nlcst-search phrases (whole words, `*` for any one word). */
    phrases: z.array(z.string().trim().min(1)).min(1, { error: 'needs at least one phrase' }),
    /** Skip a match when the next word is one of these ("a schizophrenic episode"). */
    notBefore: z.array(z.string().trim().min(1)).default([]),
    /** The wording to suggest, best first. */
    instead: z.array(z.string().trim().min(1)).min(1, { error: 'needs at least one suggestion' }),
    /** One line saying why, for reviewers and editors. */
    why: z.string().trim().min(1),
  })
  .strict();

const rulesSchema = z
  .object({
    fail: z.array(ruleSchema).default([]),
    warn: z.array(ruleSchema).default([]),
  })
  .strict();

/** One rule from content-rules.yaml, with its level. */
export type ContentRule = z.infer<typeof ruleSchema> & { level: RuleLevel };

/** Every rule, failures first. */
export type ContentRules = readonly ContentRule[];

/**
 * What the CMS preview checks the text with, as /admin/content-checks.json gives it
 * (src/pages/admin/content-checks.json.ts): the rules, and the charity's own numbers (digits only),
 * which the helpline check lets prose give by hand.
 */
export interface ContentChecks {
  rules: ContentRules;
  ownDials: string[];
}

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

/** The suggestion as editors read it: `"a" or "b"`. */
export function suggestion(rule: ContentRule): string {
  const quoted = rule.instead.map((text) => `"${text}"`);
  if (quoted.length === 1) return quoted[0] ?? '';
  return `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1) ?? ''}`;
}
