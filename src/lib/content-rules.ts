/**
 * The language rules of content-rules.yaml, as the content gate and the editor's preview use them.
 * The rules are data so that the people who review our wording can read and change them without
 * reading code. Their shape is checked where the file is read (src/lib/content-rules-schema.ts), so
 * this module has no schema library in it: the editor's script imports it, and Zod made that script
 * 252 KB instead of 173 KB (57 KB compressed instead of 80 KB; docs/performance.md, twenty-second
 * round).
 */

/** What a rule does when its words are found. */
export type RuleLevel = 'fail' | 'warn';

/** One rule from content-rules.yaml, with its level. */
export interface ContentRule {
  /** Short name, used in the silencing comment `<!-- content-check: allow <id> (reason) -->`. */
  id: string;
  /** The words to find, as nlcst-search phrases (whole words, `*` for any one word). */
  phrases: string[];
  /** Skip a match when the next word is one of these ("a schizophrenic episode"). */
  notBefore: string[];
  /** The wording to suggest, best first. */
  instead: string[];
  /** One line saying why, for reviewers and editors. */
  why: string;
  level: RuleLevel;
}

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

/** The suggestion as editors read it: `"a" or "b"`. */
export function suggestion(rule: ContentRule): string {
  const quoted = rule.instead.map((text) => `"${text}"`);
  if (quoted.length === 1) return quoted[0] ?? '';
  return `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1) ?? ''}`;
}
