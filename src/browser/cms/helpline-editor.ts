/**
 * The "Helpline" button in the CMS's Markdown editor: a dropdown of registry lines (and which way
 * of getting in touch to show) that writes `:helpline[id]` into the text, and a preview drawn by
 * the same renderer as the site (src/lib/helpline-render.ts), so editors see what readers will.
 * Decap's inline editor components also find directives already in the text and preview them.
 */
import {
  DIRECTIVE_NAME,
  directiveFor,
  HELPLINE_SHOW_VALUES,
  helplineElement,
  toHtml,
  type HelplineFields as Helpline,
  type HelplineShow,
} from '../../lib/helpline-render';

/** What the editor stores for one directive while it is being edited. */
interface HelplineData {
  id?: string;
  show?: string;
}

/** The part of Decap's editor component API this module uses. */
export interface EditorComponent {
  id: string;
  label: string;
  type: 'inline';
  trigger: string;
  pattern: RegExp;
  fields: Record<string, unknown>[];
  fromInline: (match: RegExpMatchArray) => HelplineData;
  toInline: (data: HelplineData) => string;
  toBlock: (data: HelplineData) => string;
  toPreview: (data: HelplineData) => string;
}

/** Words for each way of getting in touch, as the editor's dropdown shows them. */
const SHOW_LABELS: Record<HelplineShow, string> = {
  phone: 'Only the phone number (for a sentence like "call Samaritans free on …")',
  text: 'Only the text number (for a sentence like "or …")',
  email: 'Only the email address',
};

/** Matches a directive at the cursor: `:helpline[id]` or `:helpline[id]{show="phone"}`. */
export const DIRECTIVE_PATTERN = new RegExp(
  `^:${DIRECTIVE_NAME}\\[([a-z0-9-]+)\\](?:\\{show="(${HELPLINE_SHOW_VALUES.join('|')})"\\})?`,
);

/** The editor component for these registry lines (sorted by name in the dropdown). */
export function helplineEditorComponent(helplines: readonly Helpline[]): EditorComponent {
  const byId = new Map(helplines.map((line) => [line.id, line]));
  const write = (data: HelplineData) =>
    directiveFor(
      data.id ?? '',
      HELPLINE_SHOW_VALUES.find((value) => value === data.show),
    );
  return {
    id: DIRECTIVE_NAME,
    label: 'Helpline',
    type: 'inline',
    trigger: `:${DIRECTIVE_NAME}[`,
    pattern: DIRECTIVE_PATTERN,
    fields: [
      {
        name: 'id',
        label: 'Helpline',
        widget: 'select',
        options: [...helplines]
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((line) => ({ label: line.name, value: line.id })),
      },
      {
        name: 'show',
        label: 'Show',
        widget: 'select',
        required: false,
        default: '',
        options: [
          { label: 'Every way to get in touch, with the name', value: '' },
          ...HELPLINE_SHOW_VALUES.map((value) => ({ label: SHOW_LABELS[value], value })),
        ],
      },
    ],
    fromInline: (match) => ({ id: match[1] ?? '', show: match[2] ?? '' }),
    toInline: write,
    toBlock: write,
    toPreview: (data) => {
      const line = byId.get(data.id ?? '');
      if (!line) return `<mark>Choose a helpline (${directiveFor(data.id ?? '')} is not in the helplines list)</mark>`;
      const show = HELPLINE_SHOW_VALUES.find((value) => value === data.show);
      return toHtml(helplineElement(line, show && line[show === 'text' ? 'textNumber' : show] ? show : undefined));
    },
  };
}
