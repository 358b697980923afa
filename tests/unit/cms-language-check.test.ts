/**
 * The CMS preview's language check: the content gate's own findings, with the rules of
 * content-rules.yaml, as the lines an editor reads beside the text. (The real editor's journey is
 * tests/e2e/cms/language-check.spec.ts.)
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { languageLines, passedDateLines } from '../../src/browser/cms/previews';
import { loadContentRules } from '../../src/content/content-gate';
import { readHelplineRegistry } from '../../src/content/helplines';
import { checkHelplineProse } from '../../src/lib/helpline-prose';
import { checkProse } from '../../src/lib/prose-check';
import { ROOT } from '../support/build';

const rules = loadContentRules();
const linesFor = async (body: string, fields: { name: string; value: string }[] = []) =>
  languageLines(
    await checkProse(
      body,
      rules,
      fields.map((f) => ({ ...f, line: 1 })),
    ),
  );

describe('the language check in the CMS preview', () => {
  it('says what stops the build, and what is worth changing, each with the wording to use and why', async () => {
    const lines = await linesFor('He committed suicide. She suffers from anxiety.');
    expect(lines.stops).toEqual([
      '"committed suicide": write "took their own life" or "died by suicide" instead. "Commit" suggests a crime. Suicide stopped being a crime in England and Wales in 1961.',
    ]);
    expect(lines.worthChanging).toEqual([
      expect.stringMatching(/^"suffers from": consider "has", "lives with" or "experiences" instead\. /),
    ]);
  });

  it('names the field when the words are not in the text', async () => {
    const lines = await linesFor('Plain words.', [{ name: 'summary', value: 'After he committed suicide.' }]);
    expect(lines.stops).toEqual([expect.stringMatching(/^In the summary, "committed suicide": write /)]);
  });

  it('finds nothing in plain, safe words, and leaves a sentence its silencing comment allows', async () => {
    expect(await linesFor('Her brother died by suicide last year.')).toEqual({
      stops: [],
      worthChanging: [],
      helplines: false,
    });
    const quoted =
      '<!-- content-check: allow commit-suicide (quoting a 1990s headline) -->\nThe headline said he "committed suicide".';
    expect(await linesFor(quoted)).toEqual({ stops: [], worthChanging: [], helplines: false });
  });

  it('says when a silencing comment allows nothing', async () => {
    const lines = await linesFor(
      '<!-- content-check: allow commit-suicide (a quote) -->\nHer brother died by suicide.',
    );
    expect(lines.worthChanging).toEqual([
      expect.stringMatching(/^The text has a content-check comment allowing commit-suicide, but /),
    ]);
  });

  it("stops at a helpline's number typed by hand, as the build does, and says how to add the helpline", async () => {
    const registry = readHelplineRegistry(join(ROOT, 'content'));
    const body = 'Call Samaritans free on 116 123, or :helpline[shout]{show="text"}.';
    const lines = languageLines(await checkProse(body, rules), checkHelplineProse(body, registry, new Set()));
    expect(lines.stops).toEqual([
      '"116 123" (Samaritans) is typed by hand: write :helpline[samaritans]{show="phone"} instead, so it stays right when the number changes.',
    ]);
    expect(lines.helplines).toBe(true);
  });

  it("warns about a number that is neither a helpline nor the charity's own, as the build does", async () => {
    const registry = readHelplineRegistry(join(ROOT, 'content'));
    const body = 'Call our office on 01632 960123, or the other line on 0800 123 4567.';
    const lines = languageLines(
      await checkProse(body, rules),
      checkHelplineProse(body, registry, new Set(['01632960123'])),
    );
    expect(lines.stops).toEqual([]);
    expect(lines.worthChanging).toEqual([
      expect.stringMatching(/^"0800 123 4567" is not in the helpline registry or the charity's own numbers: /),
    ]);
  });

  it("names a published post's passed date that the text still offers, as of the editor's clock", () => {
    const post = { date: new Date('2026-11-10T10:00:00Z'), draft: false };
    const body = 'Come along.\n\n* **When:** Saturday 21 November 2026, 10am';
    expect(passedDateLines(body, post, new Date('2026-12-01T12:00:00Z'))).toEqual([
      '"Saturday 21 November 2026" has passed, but the text offers it as if it were still to come: say it has happened, or update the post.',
    ]);
    // Not yet passed, a draft, or a post dated ahead: nothing.
    expect(passedDateLines(body, post, new Date('2026-11-20T12:00:00Z'))).toEqual([]);
    expect(passedDateLines(body, { ...post, draft: true }, new Date('2026-12-01T12:00:00Z'))).toEqual([]);
    expect(
      passedDateLines(body, { date: new Date('2026-12-05T10:00:00Z'), draft: false }, new Date('2026-12-01T12:00:00Z')),
    ).toEqual([]);
    // Said to have happened: nothing.
    expect(passedDateLines(`${body} (this session has taken place)`, post, new Date('2026-12-01T12:00:00Z'))).toEqual(
      [],
    );
  });
});
