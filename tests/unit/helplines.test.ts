/**
 * The helpline registry: numbers read and checked as the build reads them, the one renderer
 * behind PhoneLink, the cards and the `:helpline[id]` directive, and the prose check that refuses
 * registry numbers typed by hand.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHelplineRegistry, checkProseFile } from '../../src/content/helplines';
import { siteMarkdownProcessor } from '../../src/content/markdown-processor';
import { directiveFor } from '../../src/lib/helpline-directive';
import { checkHelplineProse, type HelplineRegistry } from '../../src/lib/helpline-prose';
import { helplineElement, phoneLink, toHtml } from '../../src/lib/helpline-render';
import { parseUkNumber } from '../../src/lib/phone-numbers';
import { helplinesSchema, NUMBER_RULES, SHORT_CODES, type Helpline } from '../../src/schemas/helplines';
import { buildCmsConfig } from '../../src/cms/config';
import { canonicalHelplineText, remarkHelplineDirectives } from '../../src/browser/cms/helpline-directives';
import type { CmsField, CollectionSchema } from '../../src/schemas/fields';
import { ROOT } from '../support/build';
import { allSchemas, TEST_LISTS, zodFor } from '../support/schemas';

const CONTENT = join(ROOT, 'content');
const registry = readHelplineRegistry(CONTENT);

function line(id: string): Helpline {
  const found = registry.get(id);
  if (!found) throw new Error(`No helpline ${id} in content/helplines/`);
  return found;
}

describe('phone numbers', () => {
  it.each([
    ['0800 068 4141', '0800 068 4141', '08000684141'],
    ['08000684141', '0800 068 4141', '08000684141'],
    ['+44 800 068 4141', '0800 068 4141', '08000684141'],
    ['0800-58-58-58', '0800 58 58 58', '0800585858'],
    ['0800 1111', '0800 1111', '08001111'],
    ['116123', '116 123', '116123'],
    ['999', '999', '999'],
    ['85258', '85258', '85258'],
    ['01632 960999', '01632 960999', '01632960999'],
  ])('reads %s as %s (dialled %s)', (input, display, dial) => {
    expect(parseUkNumber(input, NUMBER_RULES)).toEqual({ ok: true, number: { display, dial } });
  });

  it.each(['0800 123', '12345', '116 124', '01234', 'call us'])('refuses %s with a fix', (input) => {
    const result = parseUkNumber(input, NUMBER_RULES);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problem).toMatch(/check the digits|digits and spaces/);
  });

  it('refuses a bad registry number naming the field, and stores good ones in display form', () => {
    const schema = zodFor(helplinesSchema);
    const base = {
      name: 'X',
      purpose: 'Y',
      audience: 'Anyone',
      nations: ['England'],
      url: 'https://x.example/',
      hours: 'Z',
    };
    const bad = schema.safeParse({ ...base, phone: '0800 123' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['phone']);
    const good = schema.safeParse({ ...base, phone: '08000684141' });
    expect(good.data).toMatchObject({ phone: '0800 068 4141', open24Hours: false, freeToCall: false });
  });

  it('refuses "free to call" on a line with no phone or text number, naming the field and the fix', () => {
    const schema = zodFor(helplinesSchema);
    const base = {
      name: 'X',
      purpose: 'Y',
      audience: 'Anyone',
      nations: ['England'],
      url: 'https://x.example/',
      hours: 'Z',
    };
    const bad = schema.safeParse({ ...base, freeToCall: true });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['freeToCall']);
    expect(bad.error?.issues[0]?.message).toMatch(/no phone or text number.*turn it off, or add the number/);
    expect(schema.safeParse({ ...base, freeToCall: true, textNumber: '85258' }).success).toBe(true);
    expect(schema.safeParse({ ...base, freeToCall: false }).success).toBe(true);
  });
});

describe('the registry', () => {
  it('has a valid file for every id the team agreed on', () => {
    const files = readdirSync(join(CONTENT, 'helplines')).map((name) => name.replace(/\.yaml$/, ''));
    for (const id of [
      'emergency',
      'nhs-111',
      'samaritans',
      'shout',
      'calm',
      'papyrus',
      'beat',
      'cruse',
      'rethink',
      'mind-infoline',
      'childline',
      'domestic-abuse',
      'rape-crisis',
      'gambling',
      'sobs',
      'youngminds',
      'the-mix',
      'local-crisis-line',
      'support-line',
      'mind-support-line',
      'mens-advice-line',
      'galop',
      'combat-stress',
    ]) {
      expect(files, id).toContain(id);
      expect(registry.has(id), `${id} is valid`).toBe(true);
    }
  });

  it('gives NHS 111 its option 2 note, naming England', () => {
    expect(line('nhs-111').note).toMatch(/option 2.*England/);
  });
});

describe('rendering', () => {
  it('makes the same tap-to-call link as PhoneLink always has', () => {
    expect(toHtml(phoneLink('116 123', 'Call 116 123', { class: 'action call' }))).toBe(
      '<a class="action call" href="tel:116123">Call\u00a0116\u00a0123</a>',
    );
  });

  it('shows one way of getting in touch, with hours when the line is not open all day', () => {
    expect(toHtml(helplineElement(line('samaritans'), 'phone'))).toBe(
      '<span class="helpline" data-helpline="samaritans"><a href="tel:116123">116\u00a0123</a></span>',
    );
    expect(toHtml(helplineElement(line('calm'), 'phone'))).toBe(
      '<span class="helpline" data-helpline="calm"><a href="tel:0800585858">0800\u00a058\u00a058\u00a058</a><span class="helpline-hours"> (5pm to midnight, every day)</span></span>',
    );
    expect(toHtml(helplineElement(line('shout'), 'text'))).toContain(
      '<a href="sms:85258?body=SHOUT">text SHOUT to 85258</a>',
    );
    expect(toHtml(helplineElement(line('nhs-111'), 'phone'))).toContain(
      '<a href="tel:111">111</a>, choose option 2 for mental health (in England and Wales)',
    );
  });

  it('shows every way, joined as a sentence, when no way is chosen', () => {
    const html = toHtml(helplineElement(line('papyrus')));
    expect(html).toContain('<strong>Papyrus HOPELINE247</strong>: call <a href="tel:08000684141">');
    expect(html).toContain(', <a href="sms:88247">text 88247</a> or email <a href="mailto:pat@papyrus-uk.org">');
    expect(html).not.toContain('helpline-hours');
  });

  it('links "see their website" to the website when the hours are not known', () => {
    expect(toHtml(helplineElement(line('beat'), 'phone'))).toContain(
      '(see <a href="https://www.beateatingdisorders.org.uk/">their website</a> for opening times)',
    );
  });

  it('escapes text and attributes', () => {
    expect(
      toHtml({
        type: 'element',
        tagName: 'a',
        properties: { href: '/?a="b"&c' },
        children: [{ type: 'text', value: '<x> & y' }],
      }),
    ).toBe('<a href="/?a=&quot;b&quot;&amp;c">&lt;x&gt; &amp; y</a>');
  });
});

/** Markdown → HTML through the site's Markdown processor, as the build renders it (astro.config.ts). */
async function markdownToHtml(markdown: string, from: HelplineRegistry = registry): Promise<string> {
  const processor = await siteMarkdownProcessor(() => from).createRenderer({ syntaxHighlight: false });
  return (await processor.render(markdown)).code.trimEnd();
}

describe('the :helpline directive', () => {
  it('renders in prose as the registry markup', async () => {
    const html = await markdownToHtml(`Call Samaritans free on ${directiveFor('samaritans', 'phone')}, any time.`);
    expect(html).toBe(
      `<p>Call Samaritans free on ${toHtml(helplineElement(line('samaritans'), 'phone'))}, any time.</p>`,
    );
  });

  it('draws a line again when the registry changes, as after an edit under npm start', async () => {
    const written = `Call ${directiveFor('samaritans', 'phone')} or ${directiveFor('samaritans', 'phone')}.`;
    const before = await markdownToHtml(written);
    const edited = new Map(registry).set('samaritans', { ...line('samaritans'), phone: '0808 157 0000' });
    const after = await markdownToHtml(written, edited);
    expect(before).toContain(toHtml(helplineElement(line('samaritans'), 'phone')));
    expect(after).toBe(
      `<p>Call ${Array(2)
        .fill(toHtml(helplineElement(edited.get('samaritans')!, 'phone')))
        .join(' or ')}.</p>`,
    );
    expect(after).not.toBe(before);
  });

  it('leaves other colon words as they were written', async () => {
    expect(await markdownToHtml('Note:this stays, and so does :smile: and 10:30am.')).toBe(
      '<p>Note:this stays, and so does :smile: and 10:30am.</p>',
    );
  });

  it('leaves a line or block of two or three colons as it was written', async () => {
    expect(await markdownToHtml('::note[Keep this]{x="y"}')).toBe('<p>::note[Keep this]{x="y"}</p>');
    expect(await markdownToHtml(':::aside\nA thought.\n:::')).toBe('<p>:::aside\nA thought.\n:::</p>');
  });

  it('stops on an unknown id', async () => {
    await expect(markdownToHtml(':helpline[samaritanz]')).rejects.toThrow(
      /unknown helpline "samaritanz" in ":helpline\[samaritanz\]"/,
    );
  });
});

describe('the prose check', () => {
  const own = new Set(['01632960123']);
  const errorsIn = (markdown: string) => checkHelplineProse(markdown, registry, own).errors;

  it.each([
    '116 123',
    '116123',
    '116-123',
    '116\u00a0123',
    '0800 068 4141',
    '08000684141',
    '0800-068-4141',
    '0800 0684 141',
    '0800.068.4141',
    '+44 800 068 4141',
    '+44 (0)800 068 4141',
    '0800 58 58 58',
    '0800 585858',
    '999',
    '111',
    '85258',
  ])('refuses %s typed by hand, naming the line and the directive to use', (number) => {
    const errors = errorsIn(`Intro.\n\nIf you need to, call ${number} at any time.`);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.line).toBe(3);
    expect(errors[0]?.message).toMatch(/is typed by hand: write :helpline\[[a-z0-9-]+\]\{show="(phone|text)"\}/);
  });

  it('names the directive for the number found', () => {
    expect(errorsIn('Text 85258.')[0]?.message).toContain(
      ':helpline[shout]{show="text"} or :helpline[youngminds]{show="text"}',
    );
    expect(errorsIn('Call 0800 068 4141.')[0]?.message).toContain(':helpline[papyrus]{show="phone"}');
  });

  it('does not mistake other numbers for registry ones', () => {
    for (const prose of [
      'Call Childline on :helpline[childline]{show="phone"} or NHS :helpline[nhs-111]{show="phone"}.',
      'We raised £1,999 in 1999 and 2111.',
      'Visit 111.nhs.uk for help.',
      'Open 10:30 to 11:15.',
      'Room 1116 1234.',
      '`116 123` in code is left alone.',
    ]) {
      expect(errorsIn(prose), prose).toEqual([]);
    }
  });

  it('refuses unknown ids and impossible ways of contact, with the line', () => {
    expect(errorsIn('One.\n\n:helpline[nope]')[0]).toMatchObject({ line: 3 });
    expect(errorsIn('One.\n\n:helpline[nope]')[0]?.message).toMatch(/unknown helpline "nope"/);
    expect(errorsIn(':helpline[shout]{show="phone"}')[0]?.message).toMatch(/has no phone/);
    expect(errorsIn(':helpline[samaritans]{show="fax"}')[0]?.message).toMatch(/not one of: phone, text, email/);
  });

  it.each([
    ['Call free on **:helpline[samaritans]{show="phone"}**.', 'bold', '**'],
    ['Call free on __:helpline[samaritans]__.', 'bold', '__'],
    ['Text *:helpline[shout]{show="text"}*.', 'italics', '*'],
    ['Text _:helpline[shout]{show="text"}_.', 'italics', '_'],
    ['Call ***:helpline[samaritans]***.', 'bold italics', '***'],
  ])('refuses a helpline alone in bold or italics, which the editor deletes on save: %s', (prose, style, marks) => {
    const errors = errorsIn(`Intro.\n\n${prose}`);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.line).toBe(3);
    expect(errors[0]?.message).toMatch(/^":helpline\[(samaritans|shout)\]/);
    expect(errors[0]?.message).toContain(`is in ${style} on its own (${marks}…${marks}), and the editor deletes it`);
    expect(errors[0]?.message).toContain(`Take away the ${marks} around it`);
  });

  it('keeps a helpline in bold or italics with words, which the editor writes back', () => {
    expect(errorsIn('**Call Samaritans on :helpline[samaritans]{show="phone"}** at any time.')).toEqual([]);
    expect(errorsIn('*Text :helpline[shout]{show="text"}* now.')).toEqual([]);
  });

  it('refuses a helpline inside a link, as a link inside a link does not work', () => {
    const errors = errorsIn('[Call :helpline[samaritans]{show="phone"}](/contact/)');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.line).toBe(1);
    expect(errors[0]?.message).toMatch(
      /^":helpline\[samaritans\]\{show="phone"\}" is inside a link .*Take the helpline out/,
    );
  });

  it('warns about a helpline with no space before it, which Decap writes when a space alone is made bold', () => {
    const { errors, warnings } = checkHelplineProse('Call free on:helpline[samaritans]{show="phone"}.', registry, own);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      {
        line: 1,
        message:
          '"on:helpline[samaritans]{show="phone"}" has no space before the helpline, so the words run together: put a space before it',
      },
    ]);
    expect(checkHelplineProse('Call (:helpline[samaritans]) or\n:helpline[shout].', registry, own).warnings).toEqual(
      [],
    );
  });

  it('warns about a phone number in no registry, but not about the charity’s own', () => {
    const { warnings } = checkHelplineProse('Call us on 01632 960123 or them on 020 7946 0000.', registry, own);
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('"020 7946 0000" is not in the helpline registry'),
    ]);
  });

  it('reports the file and its real line, after the frontmatter', () => {
    const file = join(ROOT, 'tests/fixtures/helplines/hand-typed/news/hand-typed-number.md');
    expect(() =>
      checkProseFile({
        contentDir: CONTENT,
        settingsFile: 'settings/site.yaml',
        file,
        body: 'If you need to talk, call Samaritans free on 116 123.\n',
      }),
    ).toThrow(
      /^Content error in tests\/fixtures\/helplines\/hand-typed\/news\/hand-typed-number\.md: line \d+ "116 123"/,
    );
  });

  it('refuses a number typed by hand in an A–Z topic too, now every topic uses the directive', () => {
    expect(() =>
      checkProseFile({
        contentDir: CONTENT,
        settingsFile: 'settings/site.yaml',
        file: join(ROOT, 'content/a-z/self-harm.md'),
        body: 'In an emergency, call 999.\n',
      }),
    ).toThrow(/^Content error in content\/a-z\/self-harm\.md: line \d+ "999"/);
  });
});

describe('the registry in the CMS', () => {
  const cms = buildCmsConfig({ lists: TEST_LISTS, env: {}, dev: false, siteUrl: 'https://www.example.org' });
  const registry: Record<string, unknown> = cms.collections.find((c) => c.name === 'helplines') ?? {};
  const registryFields = (registry['fields'] ?? []) as CmsField[];

  it('is a folder of YAML files, one per line, named from the line’s name', () => {
    expect(registry).toMatchObject({ folder: 'content/helplines', extension: 'yaml', format: 'yaml', create: true });
    expect(registryFields.map((f) => f.name)).toEqual(helplinesSchema.fields.map((f) => f.name));
  });

  /** Every relation to the registry, wherever it is declared (settings, A–Z further help). */
  function relations(fields: CmsField[], path = ''): { path: string; field: CmsField }[] {
    return fields.flatMap((field) => [
      ...(field.widget === 'relation' && field.collection === 'helplines' ? [{ path: path + field.name, field }] : []),
      ...relations(field.fields ?? [], `${path}${field.name}.`),
    ]);
  }
  const all = cms.collections.flatMap((c) => {
    const files = c['files'] as { fields: CmsField[] }[] | undefined;
    return relations(files ? (files[0]?.fields ?? []) : ((c['fields'] ?? []) as CmsField[]), `${c.name}.`);
  });

  it('is chosen from a list in the settings and in A–Z further help', () => {
    expect(all.map((r) => r.path)).toEqual(
      expect.arrayContaining(['settings.localCrisisLine', 'settings.crisisLines', 'a-z.furtherHelp.helpline']),
    );
  });

  it.each(all.map((r) => [r.path, r.field] as const))('%s stores the file name and shows a real field', (_, field) => {
    expect(field.value_field).toBe('{{slug}}');
    for (const shown of [...(field.display_fields ?? []), ...(field.search_fields ?? [])]) {
      expect(registryFields.map((f) => f.name)).toContain(shown);
    }
  });

  it('A–Z further help is either a registry line or a web page, never both', () => {
    const schema = zodFor(allSchemas(TEST_LISTS)['a-z'] as CollectionSchema);
    const shape = (
      schema as unknown as {
        shape: Record<
          string,
          {
            safeParse: (v: unknown) => {
              success: boolean;
              error?: { issues: { path: PropertyKey[]; message: string }[] };
            };
          }
        >;
      }
    ).shape;
    const furtherHelp = shape['furtherHelp'];
    expect(furtherHelp?.safeParse([{ helpline: 'samaritans' }]).success).toBe(true);
    expect(furtherHelp?.safeParse([{ label: 'NHS', url: 'https://www.nhs.uk/' }]).success).toBe(true);
    const both = furtherHelp?.safeParse([{ helpline: 'samaritans', label: 'Samaritans' }]);
    expect(both?.error?.issues[0]).toMatchObject({ path: [0, 'label'] });
    expect(both?.error?.issues[0]?.message).toMatch(/left out/);
    const neither = furtherHelp?.safeParse([{ url: 'https://www.nhs.uk/' }]);
    expect(neither?.error?.issues[0]).toMatchObject({ path: [0, 'label'] });
  });
});

// The Helpline button itself is tested in the real editor: tests/e2e/cms/helpline-editor.spec.ts.
describe('helpline directives as the CMS writes them', () => {
  it('takes out the backslash Decap put before the bracket, and writes each directive one way', () => {
    expect(canonicalHelplineText('Call :helpline\\[samaritans]{show="phone"} now.')).toBe(
      'Call :helpline[samaritans]{show="phone"} now.',
    );
    expect(canonicalHelplineText(":helpline[ shout ]{show='text'} or :helpline[nhs-111]{ show=phone }")).toBe(
      ':helpline[shout]{show="text"} or :helpline[nhs-111]{show="phone"}',
    );
    // Mistakes keep their words (without the backslash), for the build to name them.
    expect(canonicalHelplineText(':helpline\\[] and :helpline\\[samaritans]{show="fax"}')).toBe(
      ':helpline[] and :helpline[samaritans]{show="fax"}',
    );
    expect(canonicalHelplineText('a \\:helpline\\[x] written as text stays')).toBe(
      'a \\:helpline\\[x] written as text stays',
    );
  });

  it('leaves every directive in content/ as it is', () => {
    for (const file of readdirSync(join(ROOT, 'content'), { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.md')) continue;
      const text = readFileSync(join(ROOT, 'content', file), 'utf8');
      expect(canonicalHelplineText(text), file).toBe(text);
    }
  });

  it('joins text split around a directive, in a paragraph only', () => {
    const tree = {
      type: 'root',
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', value: 'Call :helpline' },
            { type: 'text', value: '\\[samaritans]' },
            { type: 'text', value: '{show="phone"}.' },
          ],
        },
        { type: 'html', value: '<p>one</p>' },
        { type: 'html', value: '<p>two</p>' },
      ],
    };
    remarkHelplineDirectives()(tree);
    expect(tree.children).toEqual([
      { type: 'paragraph', children: [{ type: 'text', value: 'Call :helpline[samaritans]{show="phone"}.' }] },
      { type: 'html', value: '<p>one</p>' },
      { type: 'html', value: '<p>two</p>' },
    ]);
  });
});

describe('docs/helplines.md', () => {
  const docs = readFileSync(join(ROOT, 'docs/helplines.md'), 'utf8');
  const samples = [...docs.matchAll(/`([^`]*:helpline\[[^`]*)`/g)].map((m) => m[1] ?? '');
  const own = new Set<string>();

  it('every directive it shows renders, except the mistakes it warns about, which are refused', () => {
    const mistakes = new Map([
      [':helpline[samaritanz]', /unknown helpline/],
      [':helpline[]', /names no helpline/],
      [':helpline\\[samaritans]', /has a backslash before "\["/],
      ['**:helpline[samaritans]{show="phone"}**', /is in bold on its own/],
      ['[Call :helpline[samaritans]](/contact/)', /is inside a link/],
    ]);
    expect(samples.length).toBeGreaterThan(4);
    for (const sample of samples.filter((s) => !s.startsWith('write ') && !mistakes.has(s))) {
      expect(checkHelplineProse(sample, registry, own).errors, sample).toEqual([]);
    }
    for (const [mistake, message] of mistakes) {
      expect(checkHelplineProse(mistake, registry, own).errors[0]?.message, mistake).toMatch(message);
    }
  });

  it('every hand-typed number it lists is refused, with the fix it quotes', () => {
    const refused = ['116 123', '116123', '0800-068-4141', '+44 800 068 4141'];
    for (const number of refused) expect(docs).toContain(`\`${number}\``);
    for (const number of refused) expect(checkHelplineProse(`Call ${number}.`, registry, own).errors).toHaveLength(1);
    const quoted = samples.find((s) => s.startsWith('write '));
    expect(checkHelplineProse('Call 116 123.', registry, own).errors[0]?.message).toContain(quoted);
  });

  it('names the short-code list where it really is', () => {
    expect(docs).toContain('`SHORT_CODES`');
    expect(Object.keys(SHORT_CODES)).toEqual(expect.arrayContaining(['999', '111', '116123', '85258']));
  });
});
