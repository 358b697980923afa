/**
 * The gate's shortcut: a text goes through the word search only when `mayUseRules` says a rule's
 * phrase could be in it. Skipping a text must never lose a finding, so these tests compare the
 * gate's result with and without the shortcut (`everyWord`) on the real content, on every phrase of
 * content-rules.yaml written in every way Markdown allows, and on seeded random mixes of the
 * characters that join, split or hide words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETTINGS_FILE } from '../../src/config';
import { loadContentRules, readContentFile } from '../../src/content/content-gate';
import { parseBody } from '../../src/content/markdown-tree';
import { readSiteLists } from '../../src/content/site-lists';
import { parseContentRules } from '../../src/lib/content-rules-schema';
import { checkProse, mayUseRules, type TextField } from '../../src/lib/prose-check';
import { COLLECTIONS } from '../../src/schemas/collections';
import { ROOT } from '../support/build';
import { filesIn } from '../support/files';

const rules = loadContentRules();
const phrases = [...new Set(rules.flatMap((rule) => rule.phrases))];

/** The gate's result for a body (parsed as the gate parses it) and fields, with the shortcut or without. */
function check(body: string, fields: TextField[] = [], everyWord = false) {
  return checkProse(body, rules, fields, parseBody(body), { everyWord });
}

/** Checks that the shortcut changes nothing for this text; returns the rules it found without it. */
async function sameWithShortcut(body: string, fields: TextField[] = []): Promise<string[]> {
  const everyWord = await check(body, fields, true);
  expect(await check(body, fields), body).toEqual(everyWord);
  return everyWord.findings.map((finding) => finding.rule.id);
}

describe('mayUseRules', () => {
  it('says no for everyday text, so most files skip the word search', () => {
    expect(mayUseRules(rules, 'Our group meets on Tuesdays in the library. Everyone is welcome.')).toBe(false);
    expect(mayUseRules(rules, 'Psychology and mentalities')).toBe(false);
  });

  it('says yes for a phrase however it is written', () => {
    expect(mayUseRules(rules, 'He COMMITTED  suicide')).toBe(true);
    expect(mayUseRules(rules, 'attention seeking')).toBe(true);
    expect(mayUseRules(rules, 'suicide-prone')).toBe(true);
    expect(mayUseRules(rules, 'com-mit’ted\n_suicide_')).toBe(true);
  });

  it('reads a capital sigma as either small one, as lower case makes it at the end of a word or not', () => {
    const greek = parseContentRules({
      warn: [{ id: 'greek', phrases: ['ψυχοσ λόγος'], instead: ['λόγια'], why: 'A test rule.' }],
    });
    expect(mayUseRules(greek, 'ΨΥΧΟΣ ΛΌΓΟΣ')).toBe(true);
  });

  it('reads `*` as any one word', () => {
    const wild = parseContentRules({
      warn: [{ id: 'wild', phrases: ['so * mad'], instead: ['upset'], why: 'A test rule.' }],
    });
    expect(mayUseRules(wild, 'so very mad')).toBe(true);
    expect(mayUseRules(wild, 'so mad')).toBe(false);
  });
});

describe('the shortcut finds what the word search finds', () => {
  it('in every Markdown file of content/, body and text fields', async () => {
    const files = filesIn(join(ROOT, 'content')).filter((file) => file.endsWith('.md'));
    const lists = readSiteLists(join(ROOT, 'content'), SETTINGS_FILE);
    let skipped = 0;
    for (const file of files) {
      const collection = COLLECTIONS.find((c) => file.includes(`/content/${c.name}/`));
      const content = readContentFile(readFileSync(file, 'utf8'), collection?.schema(lists));
      await sameWithShortcut(content.body, content.fields);
      if (!mayUseRules(rules, content.body)) skipped += 1;
    }
    expect(files.length).toBeGreaterThan(100);
    // The shortcut is worth having: most files use none of the rules' words.
    expect(skipped).toBeGreaterThan(files.length / 2);
  });

  /** Each phrase written in ways Markdown allows: a word search match in most, none in some. */
  const WRITTEN: Record<string, (words: string[]) => string> = {
    plain: (w) => `We said ${w.join(' ')} today.`,
    capitals: (w) => `${w.join(' ').toUpperCase()}!`,
    'first letter capital': (w) => `${w.join(' ').replace(/^./, (c) => c.toUpperCase())} again.`,
    emphasis: (w) => `It was *${w.join('* *')}* then.`,
    strong: (w) => `It was **${w.join(' ')}** then.`,
    link: (w) => `Read [${w.join(' ')}](https://example.org/) now.`,
    'line break': (w) => `It was\n${w.join('\n')}\nthen.`,
    'hard break': (w) => `It was ${w.join('  \n')} then.`,
    'curly apostrophe': (w) => `It’s ${w.join(' ').replace(/'/g, '’')}.`,
    'hyphen inside a word': (w) => `It was ${w.map((word) => word.replace(/^(\w)(\w)/, '$1-$2')).join(' ')}.`,
    'hyphens between words': (w) => `It was ${w.join('-')}.`,
    'HTML comment between words': (w) => `It was ${w.join(' <!-- note --> ')}.`,
    'HTML tags': (w) => `It was <span>${w.join('</span> <span>')}</span>.`,
    'helpline before': (w) => `Call :helpline[samaritans] ${w.join(' ')}.`,
    'helpline after': (w) => `${w.join(' ')} :helpline[samaritans] today.`,
    'image alt text': (w) => `![${w.join(' ')}](/uploads/photo.jpg)`,
    'list item': (w) => `- First item\n- ${w.join(' ')}\n- Last item`,
    heading: (w) => `## ${w.join(' ')}\n\nText.`,
    quoted: (w) => `The words “${w.join(' ')}” hurt.`,
    brackets: (w) => `(${w.join(' ')})`,
    'inline code': (w) => `Type \`${w.join(' ')}\` here.`,
    'code block': (w) => `\`\`\`\n${w.join(' ')}\n\`\`\``,
    'character references': (w) =>
      `It was ${w.join('&#32;').replace(/^(\w)/, (c) => `&#${String(c.charCodeAt(0))};`)}.`,
    'escaped punctuation': (w) => `It was ${w.join('\\- ')}.`,
    table: (w) => `| a | b |\n| --- | --- |\n| ${w.join(' ')} | x |`,
    'glued to letters': (w) => `x${w.join(' ')} and ${w.join(' ')}x`,
    'glued to digits': (w) => `1${w.join(' ')}2`,
    'across sentences': (w) => `${w.slice(0, 1).join(' ')}. ${w.slice(1).join(' ')}.`,
    'next word': (w) => `It was ${w.join(' ')} health and ${w.join(' ')} episode.`,
    'silencing comment': (w) => `<!-- content-check: allow crazy (a quote) -->\nIt was ${w.join(' ')}.`,
  };

  for (const [way, write] of Object.entries(WRITTEN)) {
    it(`with every phrase written as: ${way}`, async () => {
      for (const phrase of phrases) await sameWithShortcut(write(phrase.split(' ')));
    });
  }

  it('in text fields', async () => {
    for (const phrase of phrases) {
      const fields = [{ name: 'title', value: `About ${phrase.toUpperCase()}.`, line: 2 }];
      expect(await sameWithShortcut('Nothing here.', fields), phrase).not.toEqual([]);
    }
  });

  it('where the word search finds every phrase written plainly', async () => {
    // So the comparisons above compare findings, not two empty lists.
    for (const phrase of phrases) {
      expect(await sameWithShortcut(`We said ${phrase} today.`), phrase).not.toEqual([]);
    }
  });

  it('in seeded random mixes of words and the characters that join, split or hide them', async () => {
    let seed = 20261203;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const JOINS = [
      ' ',
      '  ',
      '\n',
      '  \n',
      '*',
      ' *',
      '** ',
      '_',
      '[',
      '](/x) ',
      '<!-- c -->',
      '<b>',
      '-',
      '--',
      '’',
      "'",
      '.',
      ',',
      ':',
      '&amp;',
      '&#32;',
      '\\',
      '`',
      ' `x` ',
      ':helpline[samaritans]',
      '![',
      '](/i.png)',
      '/',
      '&',
      '—',
      '\u00A0',
      '\u0085',
      '\u2011',
      'x',
      '9',
      'é',
      '\n\n',
      '\n- ',
      '\n> ',
    ];
    let found = 0;
    for (let i = 0; i < 1500; i++) {
      const words = pick(phrases).split(' ');
      const pieces = [pick(JOINS)];
      for (const word of words) {
        const cased = [...word].map((c) => (random() < 0.2 ? c.toUpperCase() : c)).join('');
        pieces.push(random() < 0.15 ? cased.replace(/^(.)(.)/, `$1${pick(["'", '-', '’'])}$2`) : cased, pick(JOINS));
      }
      found += (await sameWithShortcut(`Text ${pieces.join('')} end.`)).length;
    }
    // Many of the mixes are still the phrase, so the comparison is not between empty lists.
    expect(found).toBeGreaterThan(300);
  });
});
