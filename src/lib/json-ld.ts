/**
 * Structured data (JSON-LD) helpers.
 */

/**
 * Serialises structured data for a `<script type="application/ld+json">` element. `<` is escaped
 * so text from content (a summary containing "</script>") can never end the element early.
 */
export function toJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
