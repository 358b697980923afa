/**
 * Turns the list of old addresses in src/data/redirects.json into Netlify's `_redirects` file.
 * Editors of the list write old addresses as they appeared (`/fullpost.php?id=189`); Netlify wants
 * query parameters as separate `name=value` fields, so they are converted here.
 */

/** One entry of the redirect list. */
export interface RedirectRule {
  /** Old address, root-relative, optionally with a query string (`/fullpost.php?id=189`). */
  from: string;
  /** New address on this site, root-relative. */
  to: string;
  /** HTTP status; 301 (moved permanently) unless given. */
  status?: 301 | 302 | 308;
}

/** A problem with the redirect list, naming the entry. */
export class RedirectListError extends Error {
  constructor(index: number, problem: string) {
    super(`Redirect list error in src/data/redirects.json: entry ${index + 1} ${problem}`);
    this.name = 'RedirectListError';
    this.stack = this.message;
  }
}

/** Checks the shape of the list and returns its rules; throws one clear line on the first problem. */
export function parseRedirectList(data: unknown): RedirectRule[] {
  const list = (data as { redirects?: unknown } | null)?.redirects;
  if (!Array.isArray(list)) throw new RedirectListError(-1, 'is missing: expected a "redirects" list');
  const seen = new Set<string>();
  return list.map((entry: unknown, index) => {
    const { from, to, status = 301 } = (entry ?? {}) as Partial<RedirectRule>;
    if (typeof from !== 'string' || !from.startsWith('/')) {
      throw new RedirectListError(index, 'field "from" must be an address starting with /');
    }
    if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//')) {
      throw new RedirectListError(index, 'field "to" must be an address on this site starting with /');
    }
    if (/\s/.test(from) || /\s/.test(to)) throw new RedirectListError(index, 'contains a space');
    if (![301, 302, 308].includes(status)) throw new RedirectListError(index, 'field "status" must be 301, 302 or 308');
    if (seen.has(from)) throw new RedirectListError(index, `repeats "${from}", which is already listed`);
    seen.add(from);
    return { from, to, status };
  });
}

/** Writes one `_redirects` line: path, query conditions, target, status. */
export function toRedirectLine(rule: RedirectRule): string {
  const url = new URL(rule.from, 'https://example.invalid');
  const conditions = [...url.searchParams].map(([name, value]) => `${name}=${value}`);
  return [url.pathname, ...conditions, rule.to, String(rule.status ?? 301)].join(' ');
}

/** The whole `_redirects` file for a list of rules. */
export function toRedirectsFile(rules: readonly RedirectRule[]): string {
  const header = '# Generated at build from src/data/redirects.json: edit that file, not this one.\n';
  return header + rules.map(toRedirectLine).join('\n') + '\n';
}
