/**
 * Makes every link and image address in a fragment of HTML absolute. Feed readers show a post's
 * HTML away from our site, where "/news/" or "./images/x.jpg" would point nowhere.
 */
import { parseFragment, serialize } from 'parse5';

interface Node {
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node;
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'poster', 'cite']);

/** Resolves one address against `base`; mailto:, tel: and absolute addresses stay as they are. */
function resolve(value: string, base: string): string {
  try {
    return new URL(value.trim(), base).href;
  } catch {
    return value;
  }
}

/** Resolves each address of a `srcset` ("a.avif 400w, b.avif 800w") against `base`. */
function resolveSrcset(value: string, base: string): string {
  return value
    .split(',')
    .map((candidate) => {
      const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
      return [resolve(url, base), ...descriptor].join(' ');
    })
    .join(', ');
}

/** The same HTML with every href, src and srcset resolved against `base` (the page's own URL). */
export function absoluteUrls(html: string, base: string): string {
  const parsed = parseFragment(html);
  const fragment = parsed as unknown as Node;
  const visit = (node: Node): void => {
    for (const attr of node.attrs ?? []) {
      if (URL_ATTRIBUTES.has(attr.name)) attr.value = resolve(attr.value, base);
      else if (attr.name === 'srcset') attr.value = resolveSrcset(attr.value, base);
    }
    for (const child of node.childNodes ?? []) visit(child);
    if (node.content) visit(node.content);
  };
  visit(fragment);
  return serialize(parsed);
}
