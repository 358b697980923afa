/**
 * Web addresses and breadcrumbs for pages with an optional parent: a page's path is its parent's
 * path plus its own slug, so "our-values" under "about" lives at /about/our-values/.
 */

/** What the tree needs to know about a page. */
export interface PageInput<T> {
  slug: string;
  title: string;
  parent?: string | undefined;
  entry: T;
}

/** A page with its computed path and breadcrumb trail (ancestors first, itself last). */
export interface PageNode<T> extends PageInput<T> {
  path: string;
  trail: { title: string; path: string }[];
}

/**
 * Builds paths and breadcrumbs for every page. Throws a one-line error for a parent that does not
 * exist or a loop of parents.
 */
export function buildPageTree<T>(pages: PageInput<T>[]): Map<string, PageNode<T>> {
  const bySlug = new Map(pages.map((p) => [p.slug, p]));
  const done = new Map<string, PageNode<T>>();
  const resolve = (page: PageInput<T>, seen: string[]): PageNode<T> => {
    const existing = done.get(page.slug);
    if (existing) return existing;
    if (seen.includes(page.slug)) {
      throw new Error(
        `Content error in content/pages/${page.slug}.md: field "parent" makes a loop (${[...seen, page.slug].join(' → ')})`,
      );
    }
    let trail: PageNode<T>['trail'] = [];
    let path = `/${page.slug}/`;
    if (page.parent) {
      const parent = bySlug.get(page.parent);
      if (!parent) {
        throw new Error(
          `Content error in content/pages/${page.slug}.md: field "parent" names "${page.parent}", which is not a page`,
        );
      }
      const parentNode = resolve(parent, [...seen, page.slug]);
      trail = parentNode.trail;
      path = `${parentNode.path}${page.slug}/`;
    }
    const node: PageNode<T> = { ...page, path, trail: [...trail, { title: page.title, path }] };
    done.set(page.slug, node);
    return node;
  };
  for (const page of pages) resolve(page, []);
  return done;
}
