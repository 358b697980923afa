/**
 * The "Helpline" button in the CMS's Markdown editor, as a Decap inline editor component
 * (decap-cms-widget-markdown 3.13.1, inside decap-cms 3.16.3). Read in that version's source:
 * - `MarkdownControl/plugins/shortcodes/insertShortcode.js`: for `type: 'inline'`, *Add component*
 *   awaits `onInsert({ selectedText })` and inserts its data (nothing when it returns null); the
 *   `fields` form is not shown for inline components.
 * - `MarkdownControl/components/InlineShortcode.js`: each directive in the rich-text body is drawn
 *   from `toPreview(data)` as React children (an HTML string shows as code), and a click awaits
 *   `onEdit({ data })` and stores what it returns.
 * - `serializers/remarkShortcodes.js`: `pattern` (anchored there) finds directives in the text
 *   from `trigger`, `fromInline(match)` reads them and `toInline(data)` writes them back.
 * - `serializers/remarkRehypeShortcodes.js`: the preview pane calls `toPreview(data, getAsset,
 *   fields)` and renders a string as HTML (DOMPurify keeps `tel:` and `sms:` links).
 * So the body shows a chip ("Samaritans – 116 123") and the preview pane the site's own markup
 * from src/lib/helpline-render.ts. The browser tests in tests/e2e/cms/helpline-editor.spec.ts
 * prove both surfaces, so a Decap upgrade that changes these calls fails there.
 */
import { HELPLINE_DIRECTIVE_PATTERN, helplineDirectiveData, type HelplineDirectiveData } from './helpline-directives';
import {
  DIRECTIVE_NAME,
  directiveFor,
  HELPLINE_SHOW_VALUES,
  helplineElement,
  showProblem,
  toHtml,
  type HelplineFields as Helpline,
  type HelplineShow,
} from '../../lib/helpline-render';

/** Decap's `h` (React.createElement), as far as the chip needs it. */
export type CreateElement = (type: string, props?: Record<string, unknown> | null, ...children: unknown[]) => unknown;

/**
 * Asks the editor which line to show (and how): resolves with the choice, or undefined when they
 * cancel. `current` is the directive being changed, if any.
 */
export type ChooseHelpline = (current?: HelplineDirectiveData) => Promise<HelplineDirectiveData | undefined>;

/** The part of Decap's editor component API this module uses. */
export interface EditorComponent {
  id: string;
  label: string;
  type: 'inline';
  trigger: string;
  pattern: RegExp;
  fromInline: (match: RegExpMatchArray) => HelplineDirectiveData;
  toInline: (data: Partial<HelplineDirectiveData>) => string;
  toBlock: (data: Partial<HelplineDirectiveData>) => string;
  toPreview: (data: Partial<HelplineDirectiveData>, getAsset?: unknown) => unknown;
  onInsert: () => Promise<HelplineDirectiveData | null>;
  onEdit: (options: { data: Partial<HelplineDirectiveData> }) => Promise<HelplineDirectiveData | undefined>;
}

/** A way of getting in touch, in words for the chip. */
function wayOf(line: Helpline, show: HelplineShow): string | undefined {
  if (show === 'phone') return line.phone;
  if (show === 'text')
    return (
      line.textNumber &&
      (line.textKeyword ? `text ${line.textKeyword} to ${line.textNumber}` : `text ${line.textNumber}`)
    );
  return line.email;
}

/**
 * The words on a directive's chip in the editor: the line's name and what readers will see, such
 * as "Samaritans – 116 123", or what is wrong and what to do.
 */
export function chipLabel(line: Helpline | undefined, data: Partial<HelplineDirectiveData>): string {
  if (!line) return `Unknown helpline "${data.id ?? ''}": click to choose one`;
  const problem = showProblem(line, data.show);
  if (problem) return `${line.name}: ${problem}. Click to change`;
  const ways = data.show
    ? [wayOf(line, data.show)]
    : HELPLINE_SHOW_VALUES.map((show) => wayOf(line, show)).filter(Boolean);
  return ways.length > 0 ? `${line.name} – ${ways.join(', ')}` : line.name;
}

/** Only the real `show` values. */
function showOf(value: unknown): HelplineShow | undefined {
  return HELPLINE_SHOW_VALUES.find((show) => show === value);
}

/**
 * The editor component for the registry lines `helplines` returns. `choose` asks the editor for a line (see
 * src/browser/cms/helpline-dialog.ts); `h` draws the chip (plain text without it).
 */
export function helplineEditorComponent(
  helplines: () => readonly Helpline[],
  choose: ChooseHelpline,
  h?: CreateElement,
): EditorComponent {
  const lineFor = (id: string | undefined) => helplines().find((line) => line.id === id);
  const write = (data: Partial<HelplineDirectiveData>) => directiveFor(data.id ?? '', showOf(data.show));
  return {
    id: DIRECTIVE_NAME,
    label: 'Helpline',
    type: 'inline',
    // Finds `:helpline\[` too, so a file Decap once escaped shows chips and is saved canonical.
    trigger: `:${DIRECTIVE_NAME}`,
    pattern: HELPLINE_DIRECTIVE_PATTERN,
    fromInline: helplineDirectiveData,
    toInline: write,
    toBlock: write,
    toPreview: (data, getAsset) => {
      const line = lineFor(data.id);
      // Only the preview pane passes getAsset (remarkRehypeShortcodes.js): it renders HTML.
      if (typeof getAsset === 'function') {
        const show = showOf(data.show);
        return line && !showProblem(line, show)
          ? toHtml(helplineElement(line, show))
          : `<mark>${toHtml({ type: 'text', value: `${write(data)}: ${chipLabel(line, data)}` })}</mark>`;
      }
      const label = chipLabel(line, data);
      return h ? h('span', { className: 'helpline-chip', title: `${write(data)}. Click to change it.` }, label) : label;
    },
    onInsert: async () => (await choose()) ?? null,
    onEdit: ({ data }) => choose({ id: data.id ?? '', show: showOf(data.show) }),
  };
}
