/**
 * Puts the cursor back in the text straight after a helpline chip the Helpline button has just
 * added, so the volunteer can keep typing.
 *
 * Why it is needed (decap-cms-widget-markdown 3.13.1): `MarkdownControl/plugins/shortcodes/
 * insertShortcode.js` awaits the component's `onInsert()`, then inserts the chip with
 * `Transforms.insertNodes(editor, node, { at })` and does nothing about focus. Our form is a modal
 * `<dialog>`, which hands focus back to what had it before (Decap's *Add Component* menu, gone by
 * then), so typing went nowhere. Decap gives a component no handle on its Slate editor, so this
 * works through the page, as a person's click would: it waits for the new chip to be drawn, focuses
 * the editor and puts the browser's caret at the start of the text after the chip. Slate's
 * `Editable` (slate-react 0.117) copies a caret the browser moves into its own selection on the
 * next `selectionchange` event, so the next key typed lands after the chip.
 */

/** Where Decap draws the words of a chip (helpline-editor.ts `toPreview`). */
const CHIP = '.helpline-chip';

/** How long to wait for Decap to draw the new chip before giving up (it takes one render). */
const WAIT_MS = 2000;

/** The chips in the editors now, to tell the new one from them later. */
export function chipsNow(): Set<Element> {
  return new Set(document.querySelectorAll(`[data-slate-editor="true"] ${CHIP}`));
}

/** Focuses the chip's editor with the caret at the start of the text after the chip. */
function placeCursorAfter(chip: Element): boolean {
  const inline = chip.closest('[data-slate-inline="true"]');
  const editor = chip.closest<HTMLElement>('[data-slate-editor="true"]');
  // Slate always draws a text leaf after an inline element (empty ones as a zero-width space).
  const text = inline?.nextElementSibling?.querySelector('[data-slate-string], [data-slate-zero-width]')?.firstChild;
  if (!editor || !text) return false;
  editor.focus({ preventScroll: true });
  const range = document.createRange();
  range.setStart(text, 0);
  range.collapse(true);
  const selection = document.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  return true;
}

/**
 * Once a chip that is not in `before` appears in an editor, puts the cursor straight after it.
 * Call it when the form closes with a line chosen; Decap inserts the chip just after.
 */
export function cursorAfterNewChip(before: Set<Element>): void {
  const findNew = () =>
    [...document.querySelectorAll(`[data-slate-editor="true"] ${CHIP}`)].find((c) => !before.has(c));
  const observer = new MutationObserver(() => {
    const chip = findNew();
    if (chip && placeCursorAfter(chip)) observer.disconnect();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), WAIT_MS);
}
