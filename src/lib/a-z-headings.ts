/**
 * Headings that fit the kind of A–Z topic. A condition (depression, psychosis) uses the usual
 * headings, starting with "What is it?" and "Signs". A guide (advocacy, the Mental Health Act,
 * money, benefits) is about a right, a service or a law, so "Signs" or "Symptoms" reads oddly
 * there: a guide uses its own headings, and the build refuses the condition-only ones.
 */
import { ContentError } from './content-error';

/** The kinds of A–Z topic (the `kind` field). */
export type AzTopicKind = 'condition' | 'guide';

/** Second-level headings that only make sense on a condition topic. */
export const CONDITION_ONLY_HEADINGS: readonly string[] = ['Signs', 'Symptoms', 'Signs and symptoms'];

/** One `## Heading` of a Markdown body, with its line number in the body. */
export interface BodyHeading {
  text: string;
  line: number;
}

/** The `## ` headings of a Markdown body, outside fenced code. */
export function secondLevelHeadings(body: string): BodyHeading[] {
  const headings: BodyHeading[] = [];
  let fenced = false;
  body.split('\n').forEach((raw, i) => {
    if (/^\s*(```|~~~)/.test(raw)) fenced = !fenced;
    const text = fenced ? undefined : /^##\s+(.+?)\s*#*\s*$/.exec(raw)?.[1];
    if (text) headings.push({ text, line: i + 1 });
  });
  return headings;
}

/**
 * Throws a one-line ContentError when a guide uses a heading meant for conditions.
 * @param file The topic's file, for the message.
 * @param kind The topic's `kind` field.
 * @param body The Markdown body (without frontmatter).
 * @param bodyStartLine The file line the body starts on, so the message names the real line.
 */
export function checkTopicHeadings(file: string, kind: string | undefined, body: string, bodyStartLine = 1): void {
  if (kind !== 'guide') return;
  const wrong = secondLevelHeadings(body).find((h) =>
    CONDITION_ONLY_HEADINGS.some((name) => name.toLowerCase() === h.text.toLowerCase()),
  );
  if (wrong) {
    throw new ContentError(
      file,
      'kind',
      `is "guide", but line ${String(wrong.line + bodyStartLine - 1)} has the heading "${wrong.text}", which is for conditions: use a heading that fits the guide (like "Your rights" or "How to get it"), or set kind to condition`,
    );
  }
}
