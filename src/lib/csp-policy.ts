/**
 * The Content Security Policies, declared once. Public pages get a strict policy in a per-page
 * `<meta>` tag (Astro adds hashes for the scripts and styles it emits); the CMS page at /admin/
 * loosens its own `<meta>` policy by calling `loosenForAdmin(Astro.csp)` in its frontmatter, so
 * no other page can receive the additions. The HTTP header in
 * netlify.toml carries only what a `<meta>` policy cannot (frame-ancestors) plus directives both
 * policies share, so whichever page a header lands on, it can only tighten, never loosen.
 */

/** Directives for every public page, besides script-src and style-src (which Astro writes). */
export const PUBLIC_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  // The only worker is the service worker at /sw.js that keeps urgent help offline
  // (src/browser/register-offline.ts). Search runs Pagefind on the page itself (noWorker in
  // search-page.ts), so no blob: worker is needed.
  "worker-src 'self'",
  "manifest-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/**
 * Sources for script-src on public pages. 'wasm-unsafe-eval' lets Pagefind compile its
 * WebAssembly search engine; it does not allow eval() of JavaScript.
 */
export const PUBLIC_SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;

/**
 * What the content editor adds to the public policy. Decap CMS compiles code at run time
 * ('unsafe-eval'), writes inline styles ('unsafe-inline', which makes Astro drop style hashes on
 * that page), previews uploads from blob: URLs, and talks to its backend: the local
 * decap-server while editing, or GitHub in production.
 */
export const ADMIN_ADDITIONS = {
  scriptSources: ["'unsafe-eval'"],
  styleSources: ["'self'", "'unsafe-inline'"],
  directives: [
    "img-src 'self' data: blob: https://avatars.githubusercontent.com https://raw.githubusercontent.com",
    "media-src 'self' blob:",
    "connect-src 'self' blob: http://localhost:8081 http://127.0.0.1:8081 https://api.github.com https://raw.githubusercontent.com",
  ],
} as const;

/** The part of Astro's CSP runtime API this module uses (`Astro.csp`). */
interface CspApi {
  insertScriptResource(resource: string): void;
  insertStyleResource(resource: string): void;
  insertDirective(directive: string): void;
}

/**
 * Adds the content editor's needs to the current page's policy. Call it from the frontmatter of
 * src/pages/admin/index.astro only: `loosenForAdmin(Astro.csp)`.
 */
export function loosenForAdmin(csp: CspApi | undefined): void {
  if (!csp) throw new Error('Content Security Policy is not configured in astro.config.ts (security.csp)');
  for (const source of ADMIN_ADDITIONS.scriptSources) csp.insertScriptResource(source);
  for (const source of ADMIN_ADDITIONS.styleSources) csp.insertStyleResource(source);
  for (const directive of ADMIN_ADDITIONS.directives) csp.insertDirective(directive);
}
