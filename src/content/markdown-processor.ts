/**
 * The site's Markdown processor, in a file of its own so that what reads the registry (the content
 * gate's process, the loader) does not load the renderer and its code highlighter.
 */
import { satteri } from '@astrojs/markdown-satteri';
import { helplineDirectives, type HelplineRegistry } from '../lib/helpline-directive';

/**
 * The site's Markdown processor (astro.config.ts's `markdown.processor`): Sätteri, Astro's
 * default, which parses and renders in Rust with smart quotes, with its directive feature on so
 * `:helpline[id]` is drawn from the registry (`helplineDirectives`).
 * @param registry Returns the registry when each file is rendered, so an edited number shows at once.
 */
export function siteMarkdownProcessor(registry: () => HelplineRegistry) {
  return satteri({ features: { directive: true }, mdastPlugins: [helplineDirectives({ registry })] });
}
