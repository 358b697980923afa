/**
 * Parts of the site that other branches add (news, the A–Z, services, contact, search, the
 * feed). Until they are merged, links and redirects that lead into them are reported as pending
 * instead of broken. Once a part is built, it must be removed from this list: the checks fail if
 * a listed part exists, so the list cannot quietly outlive its reason.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './built-pages';

/** URL prefixes of parts of the site still to be merged. */
export const PENDING_SECTIONS: string[] = [];

/** The pending section a path falls in, if any. */
export function pendingSectionOf(path: string): string | undefined {
  return PENDING_SECTIONS.find((prefix) => path === prefix || (prefix.endsWith('/') && path.startsWith(prefix)));
}

/** Pending sections that are in fact built (so should be taken off the list). */
export function builtPendingSections(): string[] {
  return PENDING_SECTIONS.filter((prefix) =>
    prefix.endsWith('/') ? existsSync(join(DIST, prefix, 'index.html')) : existsSync(join(DIST, prefix)),
  );
}
