/**
 * Helplines in the CMS's text editor, as a volunteer meets them: adding Samaritans with the
 * Helpline button, typing a directive in Markdown mode and in the rich-text editor, and editing an
 * A–Z topic full of directives. Each saves the text exactly as written (`:helpline[id]{…}`, never
 * `:helpline\[id]`), shows each directive as a readable chip in the editor and as the site's
 * tap-to-call link in the preview pane. The rebuilt pages are checked in
 * tests/e2e/cms/site/helpline-editor-published.spec.ts.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { telHref } from '../../../src/lib/contact-links';
import { A_TO_Z_WORD, HELPLINE_SENTENCES } from './edits';
import {
  bodyOf,
  clickAtEnd,
  CONTENT,
  publishNow,
  readData,
  schemaProblem,
  signIn,
  test,
  openFromList,
} from './support';

/** Samaritans' number in the content copy (another journey may change it later). */
const samaritansPhone = () => String(readData(join(CONTENT, 'helplines/samaritans.yaml'))['phone']);
/** The words on a Samaritans phone chip in the editor. */
const samaritansChip = () => `Samaritans – ${samaritansPhone()}`;

/** The directives in a Markdown text, as written, in order. */
function directivesIn(text: string): string[] {
  return [...text.matchAll(/:helpline\\?\[[^\]\n]*\](?:\{[^}\n]*\})?/g)].map((match) => match[0]);
}

/** Opens an entry from its collection's list by the title its summary starts with. */
async function openEntry(page: Page, collection: string, file: string): Promise<void> {
  const title = RegExp.escape(String(readData(join(CONTENT, file))['title']));
  await signIn(page);
  await page.getByRole('link', { name: collection, exact: true }).click();
  await openFromList(page, page.getByRole('link', { name: new RegExp(`^${title}`) }));
  await expect(page.locator('[data-slate-editor="true"]')).toBeVisible();
}

/**
 * Clicks at the very end of the text and starts a new paragraph. One click, then Enter: Decap
 * handles Enter from Slate's record of the cursor, which follows a single click at once but lags
 * behind a second move (Slate throttles selection changes), so End or Control+End first is not
 * reliable.
 */
async function newParagraphAtEnd(page: Page): Promise<void> {
  await clickAtEnd(page.locator('[data-slate-editor="true"]'));
  // A letter typed and taken out first: Slate acts on Enter from its own record of the cursor,
  // which a click updates late, and typing brings that record up to date.
  await page.keyboard.type('x');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
}

/** Publishes, then reads the saved file once decap-server has written it. */
async function publishAndRead(page: Page, file: string, before: string): Promise<string> {
  await publishNow(page);
  await expect(page.getByText('Entry saved')).toBeVisible();
  await expect.poll(() => readFileSync(join(CONTENT, file), 'utf8')).not.toBe(before);
  return readFileSync(join(CONTENT, file), 'utf8');
}

/** The editor's paragraph that starts with `before` reads `expected` (chips as their words). */
async function expectEditorText(page: Page, before: string, expected: string): Promise<void> {
  const paragraph = page
    .locator('[data-slate-editor="true"]')
    .getByRole('paragraph')
    .filter({ hasText: before.trim() });
  // Slate puts zero-width characters and line breaks around an inline chip.
  const words = async () => (await paragraph.innerText()).replace(/[\s\uFEFF]+/g, ' ').trim();
  await expect.poll(words).toBe(expected.trim());
}

/**
 * Clicks just before the last character of a one-line text, as a person places the cursor. (Slate
 * moves its cursor for arrow keys from its own record of the selection, which lags behind a
 * native End key, so End then Left is not reliable.)
 */
async function clickBeforeLastCharacter(page: Page, text: Locator): Promise<void> {
  const point = await text.evaluate((element) => {
    const node = document.createTreeWalker(element, NodeFilter.SHOW_TEXT).lastChild();
    if (!node?.textContent) throw new Error('No text to click in');
    node.parentElement?.scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.setStart(node, node.textContent.length - 1);
    range.setEnd(node, node.textContent.length);
    const box = range.getBoundingClientRect();
    return { x: box.left + 1, y: box.top + box.height / 2 };
  });
  await page.mouse.click(point.x, point.y);
}

/** The preview pane shows the new sentence with Samaritans' number as a tap-to-call link. */
async function expectPreviewLink(page: Page, before: string): Promise<void> {
  const paragraph = page.frameLocator('iframe').first().getByRole('paragraph').filter({ hasText: before.trim() });
  await expect(paragraph.getByRole('link', { name: samaritansPhone(), exact: true })).toHaveAttribute(
    'href',
    telHref(samaritansPhone()),
  );
  await expect(paragraph).not.toContainText(':helpline');
}

/** The body saved: the old body and the new paragraph, and the frontmatter's data unchanged. */
function expectSaved(file: string, oldText: string, oldData: Record<string, unknown>, sentence: string): void {
  const path = join(CONTENT, file);
  expect(bodyOf(readFileSync(path, 'utf8'))).toBe(`${bodyOf(oldText).trimEnd()}\n\n${sentence}\n`);
  expect(readData(path)).toEqual(oldData);
  expect(schemaProblem(file.split('/')[0] ?? '', readData(path))).toBeUndefined();
}

test('the Helpline button adds Samaritans by name, shown as a chip and saved as the directive', async ({ page }) => {
  const { file, before, directive, after } = HELPLINE_SENTENCES.button;
  const oldText = readFileSync(join(CONTENT, file), 'utf8');
  const oldData = readData(join(CONTENT, file));

  await openEntry(page, 'News', file);
  await newParagraphAtEnd(page);
  await page.keyboard.type(before);
  await page.getByRole('button', { name: 'Add Component' }).click();
  await page.getByRole('menuitem', { name: 'Helpline' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a helpline' });
  await dialog.getByLabel('Helpline', { exact: true }).selectOption({ label: 'Samaritans' });
  await dialog.getByLabel('Show', { exact: true }).selectOption('phone');
  // The form shows what readers will see, drawn by the site's renderer.
  await expect(dialog.getByRole('link', { name: samaritansPhone(), exact: true })).toHaveAttribute(
    'href',
    telHref(samaritansPhone()),
  );
  await dialog.getByRole('button', { name: 'Add helpline' }).click();
  await expect(dialog).toBeHidden();
  // The cursor is back in the text, straight after the new chip: the sentence carries on there.
  await expect(page.locator('[data-slate-editor="true"]')).toBeFocused();
  await page.keyboard.type(after);

  await expectEditorText(page, before, `${before}${samaritansChip()}${after}`);
  await expectPreviewLink(page, before);

  const saved = await publishAndRead(page, file, oldText);
  expect(directivesIn(saved)).toEqual([...directivesIn(oldText), directive]);
  expectSaved(file, oldText, oldData, `${before}${directive}${after}`);
});

test('clicking a helpline chip opens the form with its line, and a change shows on the chip', async ({ page }) => {
  const { file } = HELPLINE_SENTENCES.button;
  const samaritans = readData(join(CONTENT, 'helplines/samaritans.yaml'));
  await openEntry(page, 'News', file);
  const body = page.locator('[data-slate-editor="true"]');
  await body.getByText(samaritansChip(), { exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Change this helpline' });
  await expect(dialog.getByLabel('Helpline', { exact: true })).toHaveValue('samaritans');
  await expect(dialog.getByLabel('Show', { exact: true })).toHaveValue('phone');
  await dialog.getByLabel('Show', { exact: true }).selectOption('');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  // Every way to get in touch now: the phone number and the email address.
  await expect(
    body.getByText(`Samaritans – ${String(samaritans['phone'])}, ${String(samaritans['email'])}`, { exact: true }),
  ).toBeVisible();
});

/** The Markdown editor's lines as it draws them (an empty line holds a zero-width space). */
function markdownLines(editor: Locator): Promise<string[]> {
  return editor.evaluate((root) =>
    [...root.children].map((line) => (line as HTMLElement).innerText.replace(/[\n\uFEFF]/g, '')),
  );
}

test('a directive typed in Markdown mode is saved as typed, and shown as a chip back in rich text', async ({
  page,
}) => {
  const { file, before, directive, after } = HELPLINE_SENTENCES.markdown;
  const oldText = readFileSync(join(CONTENT, file), 'utf8');
  const oldData = readData(join(CONTENT, file));

  await openEntry(page, 'Services', file);
  // Decap's mode switch has no name of its own: it sits between "Rich Text" and "Markdown".
  const modeSwitch = page.getByText('Markdown', { exact: true }).locator('xpath=preceding-sibling::*[@role="switch"]');
  await modeSwitch.click();
  await expect(modeSwitch).toHaveAttribute('aria-checked', 'true');
  // Decap swaps in the Markdown editor and focuses it: wait for both, as a person waits for the
  // cursor, or the keys below reach the editor before it is ready.
  const editor = page.locator('[data-slate-editor="true"]');
  await expect(editor).toContainText(':helpline[');
  await expect(editor).toBeFocused();
  const lines = await markdownLines(editor);
  // The sentence goes in as a new first paragraph, where Decap puts the cursor on switching modes.
  // Slate (slate-react 0.117 `Editable`) acts on a key from its own record of the cursor, and
  // copies the browser's cursor into that record only once it has drawn the last change: after
  // Control+End, a key could still act at the start while the browser showed the cursor at the
  // end (seen in CI, where the words typed after an Enter at the end went to the start). At the
  // start the two always agree, so each key lands where the editor shows it.
  await page.keyboard.press('Control+Home');
  await page.keyboard.type(`${before}${directive}${after}`);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect.poll(() => markdownLines(editor)).toEqual([`${before}${directive}${after}`, '', ...lines]);
  await expectPreviewLink(page, before);

  // Back in the rich-text editor the directive is a chip with the line's name and number.
  await modeSwitch.click();
  await expect(editor).not.toContainText(':helpline[');
  await expectEditorText(page, before, `${before}${samaritansChip()}${after}`);

  const saved = await publishAndRead(page, file, oldText);
  expect(directivesIn(saved)).toEqual([directive, ...directivesIn(oldText)]);
  // Saved as typed, as the body's first paragraph, and nothing else changed.
  const oldBody = bodyOf(oldText);
  const start = /^\n*/.exec(oldBody)?.[0] ?? '';
  expect(bodyOf(saved)).toBe(`${start}${before}${directive}${after}\n\n${oldBody.slice(start.length)}`);
  expect(readData(join(CONTENT, file))).toEqual(oldData);
});

test('a directive typed as text in the rich-text editor is saved without a backslash', async ({ page }) => {
  const { file, before, directive, after } = HELPLINE_SENTENCES.richText;
  const oldText = readFileSync(join(CONTENT, file), 'utf8');
  const oldData = readData(join(CONTENT, file));

  await openEntry(page, 'Pages', file);
  await newParagraphAtEnd(page);
  await page.keyboard.type(`${before}${directive}${after}`);
  await expectPreviewLink(page, before);

  const saved = await publishAndRead(page, file, oldText);
  expect(saved).not.toContain(':helpline\\[');
  expect(directivesIn(saved)).toEqual([...directivesIn(oldText), directive]);
  expectSaved(file, oldText, oldData, `${before}${directive}${after}`);
});

test('adding a word to an A–Z topic saves every helpline in it as it was', async ({ page }) => {
  const { file, after: sentence, word } = A_TO_Z_WORD;
  const oldText = readFileSync(join(CONTENT, file), 'utf8');
  expect(directivesIn(oldText).length).toBeGreaterThan(2);

  await openEntry(page, 'Mental health A–Z', file);
  const body = page.locator('[data-slate-editor="true"]');
  // Every directive is a readable chip, never the site's HTML.
  await expect(body.getByText(samaritansChip(), { exact: true })).toBeVisible();
  await expect(body).not.toContainText('<span');
  await expect(body).not.toContainText(':helpline');
  await clickBeforeLastCharacter(page, body.getByText(`${sentence}.`, { exact: true }));
  await page.keyboard.type(word);

  const saved = await publishAndRead(page, file, oldText);
  expect(directivesIn(saved)).toEqual(directivesIn(oldText));
  // Each line with a directive is saved as it was (list markers are Decap's own business).
  const withDirective = (text: string) =>
    text
      .split('\n')
      .filter((line) => line.includes(':helpline'))
      .map((line) => line.replace(/^[-*] /, ''));
  expect(withDirective(saved)).toEqual(withDirective(oldText));
  expect(saved).toContain(`${sentence}${word}.`);
  expect(schemaProblem('a-z', readData(join(CONTENT, file)))).toBeUndefined();
});
