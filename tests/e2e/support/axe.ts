/**
 * Axe, as every spec runs it: the WCAG 2.2 A and AA rules, violations only, one line per violation
 * naming the rule and the elements.
 *
 * Axe runs in "legacy mode" (@axe-core/playwright's `setLegacyMode`): it runs inside the page, instead
 * of gathering each frame's results in a blank page it opens for the purpose. That takes about a third
 * of the time (0.24 s a page here, against 0.65 s), and it loses nothing on this site: public pages
 * have no frames (the CSP says `frame-src 'none'`).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** One line per violation: the rule, the colour scheme if given, and the elements. */
export function violationLines(results: Pick<AxeResults, 'violations'>, colorScheme = ''): string[] {
  const scheme = colorScheme ? ` (${colorScheme})` : '';
  return results.violations.map((v) => `${v.id}${scheme}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Runs axe over the page as it is now and returns its violations as lines (empty when clean). */
export async function axeViolations(page: Page, colorScheme = ''): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(WCAG_TAGS)
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] })
    .analyze();
  return violationLines(results, colorScheme);
}
