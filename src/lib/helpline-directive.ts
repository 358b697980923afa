/**
 * `:helpline[id]` in Markdown: a Markdown plugin that turns the directive into the registry's
 * tap-to-call/tap-to-text markup. The checker that finds what is wrong with a Markdown body's
 * helplines is src/lib/helpline-prose.ts, which has none of Sätteri's native code, so the CMS
 * preview runs it in the browser.
 *
 * Pure: the registry is passed in (src/content/helplines.ts reads it from disk).
 */
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { defineMdastPlugin, type MdastPluginEntry, type MdastVisitorContext } from 'satteri';
import {
  DIRECTIVE_NAME,
  helplineElement,
  showProblem,
  toHtml,
  type HelplineFields as Helpline,
  type HelplineShow,
} from './helpline-render';
import { unknownDirectiveProblem, writtenAt, type HelplineRegistry } from './helpline-prose';

export { DIRECTIVE_NAME, directiveFor } from './helpline-render';
export type { HelplineRegistry } from './helpline-prose';

type AnyDirective = TextDirective | LeafDirective | ContainerDirective;

/** Options for {@link helplineDirectives}. */
export interface HelplineDirectiveOptions {
  /** Returns the registry (read when each file is rendered, so an edited number shows at once). */
  registry: () => HelplineRegistry;
}

/**
 * Each helpline's markup by registry, then by id and `show`: a line is drawn the same way on every
 * page, and a build draws the same few lines on hundreds of pages. A changed registry is a new map
 * (src/content/helplines.ts re-reads it when a file changes), so its lines are drawn afresh.
 */
const markupByRegistry = new WeakMap<HelplineRegistry, Map<string, string>>();

/** A helpline's markup, drawn once per registry, id and `show`. */
function helplineMarkup(registry: HelplineRegistry, line: Helpline, show: HelplineShow | undefined): string {
  let markup = markupByRegistry.get(registry);
  if (!markup) markupByRegistry.set(registry, (markup = new Map<string, string>()));
  const key = `${line.id}\u0000${show ?? ''}`;
  let html = markup.get(key);
  if (html === undefined) markup.set(key, (html = toHtml(helplineElement(line, show))));
  return html;
}

/**
 * The Markdown plugin, for Sätteri (Astro's default Markdown processor, `satteri` 0.10): every
 * `:helpline[id]` becomes the registry's markup; any other directive is put back as the text it
 * was written as, since "word:thing" in ordinary prose is not meant as one. An unknown id stops
 * the render (the content gate reports it first, with its line).
 *
 * It relies on Sätteri's plugin API (`node_modules/satteri/dist/plugin.d.ts` and
 * `mdast/mdast-visitor.d.ts`): an entry may be a factory, called once per document with its
 * source and file, that returns `null` to leave the plugin out (a text with no colon has no
 * directive); visitors are named after the mdast node type; `options.position` gives nodes their
 * offsets in the source; `ctx.replaceNode` swaps a node for new ones. The helpline becomes an
 * `html` node, which Sätteri writes out as it is (its `rawHtml` feature is off).
 */
export function helplineDirectives(options: HelplineDirectiveOptions): MdastPluginEntry {
  return (document) => {
    if (!document.source.includes(':')) return null;
    // Read only for a page that draws a helpline: the registry's freshness check costs a folder
    // listing, and most pages have a ":" in a time or a link but no helpline.
    let registryRead: HelplineRegistry | undefined;
    const registryNow = () => (registryRead ??= options.registry());
    const source = document.source;
    const file = document.fileURL ? decodeURIComponent(document.fileURL.pathname) : 'Markdown';
    const writtenText = (node: AnyDirective) => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      return start !== undefined && end !== undefined ? source.slice(start, end) : `:${node.name}`;
    };
    /** A `::` or `:::` directive, put back as the paragraph it was written as. */
    const asWrittenBlock = (node: LeafDirective | ContainerDirective, ctx: MdastVisitorContext) => {
      ctx.replaceNode(node, { type: 'paragraph', children: [{ type: 'text', value: writtenText(node) }] });
    };
    return defineMdastPlugin({
      name: 'helpline-directives',
      options: { position: true },
      textDirective(node, ctx) {
        if (node.name !== DIRECTIVE_NAME) {
          ctx.replaceNode(node, { type: 'text', value: writtenText(node) });
          return;
        }
        const id = ctx.textContent(node).trim();
        const registry = registryNow();
        const line = registry.get(id);
        const show = node.attributes?.['show'] ?? undefined;
        const problem = line ? showProblem(line, show) : unknownDirectiveProblem(id, writtenAt(source, node), registry);
        if (!line || problem) {
          throw new Error(`${file} line ${String(node.position?.start.line ?? '?')}: ${problem ?? ''}`);
        }
        ctx.replaceNode(node, {
          type: 'html',
          value: helplineMarkup(registry, line, show as HelplineShow | undefined),
        });
      },
      leafDirective: asWrittenBlock,
      containerDirective: asWrittenBlock,
    });
  };
}
