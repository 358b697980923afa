/**
 * The small form the Helpline button opens in the CMS: pick a line by name and how readers may
 * get in touch with it, see what readers will see, then add it (or save a change to one already in
 * the text). A native `<dialog>` opened with `showModal()`, so focus stays inside it, Escape
 * cancels and focus goes back to the text afterwards.
 */
import {
  HELPLINE_SHOW_VALUES,
  helplineElement,
  showProblem,
  toHtml,
  type HelplineFields as Helpline,
  type HelplineShow,
} from '../../lib/helpline-render';
import type { HelplineDirectiveData } from './helpline-directives';
import dialogCss from './helpline-dialog.css?inline';

// The form's and the chips' styles, added to the editor's page when this module loads. Imported as
// text (Vite's `?inline`), not as a stylesheet: Astro gave a stylesheet imported here to every page
// whose scripts share a chunk with the editor's, so 1.1 KB of editor styles reached most public pages.
// /admin/ allows inline styles (Decap styles itself with them), so this needs no change to its CSP.
document.head.append(Object.assign(document.createElement('style'), { textContent: dialogCss }));

/** The choices for "Show", in the editor's words. */
const SHOW_CHOICES: { value: HelplineShow | ''; label: string }[] = [
  { value: '', label: 'Its name and every way to get in touch' },
  { value: 'phone', label: 'Only the phone number (for "call Samaritans on …")' },
  { value: 'text', label: 'Only the text number' },
  { value: 'email', label: 'Only the email address' },
];

/** An element with its attributes and children. */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/**
 * Opens the form for these lines (sorted by name). Resolves with the line and way chosen, or
 * undefined when the editor cancels.
 */
export function chooseHelpline(
  helplines: readonly Helpline[],
  current?: HelplineDirectiveData,
): Promise<HelplineDirectiveData | undefined> {
  const byId = new Map(helplines.map((line) => [line.id, line]));
  const editing = current !== undefined;
  const title = editing ? 'Change this helpline' : 'Add a helpline';

  const line = el(
    'select',
    { id: 'helpline-dialog-line', required: '' },
    el('option', { value: '' }, 'Choose a helpline'),
    ...[...helplines]
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
      .map((item) => el('option', { value: item.id }, item.name)),
  );
  const show = el(
    'select',
    { id: 'helpline-dialog-show' },
    ...SHOW_CHOICES.map((choice) => el('option', { value: choice.value }, choice.label)),
  );
  const sample = el('p', { class: 'helpline-dialog-sample', 'aria-live': 'polite' });
  const form = el(
    'form',
    { method: 'dialog' },
    el('h2', { id: 'helpline-dialog-title' }, title),
    el('p', {}, 'The site fills in the number and opening hours, and keeps them up to date.'),
    el('label', { for: 'helpline-dialog-line' }, 'Helpline'),
    line,
    el('label', { for: 'helpline-dialog-show' }, 'Show'),
    show,
    el('h3', {}, 'Readers will see'),
    sample,
    el(
      'p',
      { class: 'helpline-dialog-buttons' },
      el('button', { type: 'submit', value: 'cancel', formnovalidate: '' }, 'Cancel'),
      el('button', { type: 'submit', value: 'ok' }, editing ? 'Save' : 'Add helpline'),
    ),
  );
  const dialog = el('dialog', { class: 'helpline-dialog', 'aria-labelledby': 'helpline-dialog-title' }, form);

  /** Offers only the ways the chosen line has, and shows the result as the site renders it. */
  const update = () => {
    const chosen = byId.get(line.value);
    for (const option of show.options) {
      option.disabled = Boolean(chosen && option.value && showProblem(chosen, option.value));
    }
    if (show.selectedOptions[0]?.disabled) show.value = '';
    const way = HELPLINE_SHOW_VALUES.find((value) => value === show.value);
    // Registry text, escaped by toHtml: the same markup the page will have.
    sample.innerHTML = chosen ? toHtml(helplineElement(chosen, way)) : 'Choose a helpline first.';
  };
  line.value = current && byId.has(current.id) ? current.id : '';
  show.value = current?.show ?? '';
  line.addEventListener('change', update);
  show.addEventListener('change', update);
  update();

  document.body.append(dialog);
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      dialog.remove();
      const way = HELPLINE_SHOW_VALUES.find((value) => value === show.value);
      resolve(dialog.returnValue === 'ok' && byId.has(line.value) ? { id: line.value, show: way } : undefined);
    });
  });
}
