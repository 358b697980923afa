/**
 * The step after Pagefind that cuts its word index into smaller chunks
 * (src/integrations/pagefind-chunks.ts): where it cuts, the metadata it writes, and that files it
 * does not understand are left as Pagefind wrote them, with one warning. Searching the cut index with
 * Pagefind's own engine is tested in tests/e2e/search.spec.ts.
 */
import type { AstroIntegrationLogger } from 'astro';
import { encode } from 'cborg';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
  allowedSharedLetters,
  arrayHeader,
  boundaryPrefixes,
  chunkRanges,
  IndexFormatError,
  type IndexWord,
  readChunkLists,
  readIndexFile,
  readWordChunk,
  rechunkIndex,
  startRecut,
  splitWords,
  type WordBytes,
} from '../../src/integrations/pagefind-chunks';

/** A word as Pagefind stores it: the word, its pages with positions, and no metadata positions. */
const word = (text: string, positions = 20): IndexWord => [
  text,
  [[1, Array.from({ length: positions }, (_, i) => i * 3), []]],
  [],
];

const WORDS = ['advice', 'advise', 'adviser', 'anxiety', 'baby', 'befriend', 'bereave', 'better', 'carer', 'cause'].map(
  (text) => word(text),
);

/** Words with their CBOR bytes, as the re-cut reads them from Pagefind's chunks. */
const withBytes = (words: IndexWord[]): WordBytes[] => words.map((w) => ({ word: w[0], bytes: encode(w) }));

/** The words of each chunk, as text. */
const texts = (chunks: WordBytes[][]) => chunks.map((chunk) => chunk.map(({ word: text }) => text));

/** A chunk size a little under three of these words. */
const THREE_WORDS = 3 * encode(word('advice')).length - 5;

describe('splitWords', () => {
  it('keeps every word, in order, across chunks of about the given size', () => {
    const chunks = splitWords(withBytes(WORDS), 60);
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.flat()).toEqual(withBytes(WORDS));
  });

  it('cuts where the first two letters change while chunks are small, so a query of two letters or more needs one chunk', () => {
    const chunks = texts(splitWords(withBytes(WORDS), THREE_WORDS));
    const firstWords = chunks.map((chunk) => chunk[0]);
    // Full after "adviser" and after "befriend", but "befriend", "bereave" and "better" share "be".
    expect(firstWords).toEqual(['advice', 'anxiety', 'carer']);
    for (let i = 1; i < chunks.length; i += 1) {
      const last = chunks[i - 1]?.at(-1) ?? '';
      const next = chunks[i]?.[0] ?? '';
      expect(last.slice(0, 2), `${last} | ${next}`).not.toBe(next.slice(0, 2));
    }
  });

  it('lets a chunk that has grown large end where words share more letters, up to anywhere', () => {
    expect([0.5, 1, 3.9, 4, 7.9, 8, 15.9, 16, 50].map(allowedSharedLetters)).toEqual([
      1,
      1,
      1,
      2,
      2,
      3,
      3,
      Number.POSITIVE_INFINITY,
      Number.POSITIVE_INFINITY,
    ]);
    // Every word starts with "the", and the target is one word's size. "the" | "their" share 3
    // letters, so no cut until the chunk is eight times the target, after "therapy" ("therapy" |
    // "there" share 4, so not there: "there" | "these" share 3).
    const the = ['the', 'their', 'them', 'theme', 'then', 'theory', 'therapy', 'there', 'these', 'they'].map((text) =>
      word(text),
    );
    const chunks = splitWords(withBytes(the), encode(the[0]).length);
    expect(texts(chunks)).toEqual([
      ['the', 'their', 'them', 'theme', 'then', 'theory', 'therapy', 'there'],
      ['these', 'they'],
    ]);
  });

  it('puts a word bigger than the chunk size in a chunk of its own', () => {
    const big = word('the', 5000);
    expect(texts(splitWords(withBytes([word('tea'), big, word('time')]), 100))).toEqual([['tea', 'the'], ['time']]);
  });
});

describe('chunk ranges', () => {
  it('shortens the edges of neighbouring chunks to the letters that tell them apart', () => {
    expect(boundaryPrefixes('anxiety', 'baby')).toEqual(['a', 'b']);
    expect(boundaryPrefixes('befriend', 'better')).toEqual(['bef', 'bet']);
    expect(boundaryPrefixes('café', 'cafés')).toEqual(['café', 'cafés']);
    expect(chunkRanges(splitWords(withBytes(WORDS), THREE_WORDS))).toEqual([
      ['advice', 'ad'],
      ['an', 'b'],
      ['c', 'cause'],
    ]);
  });
});

describe('rechunkIndex', () => {
  let folder = '';
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  /** Writes a file as Pagefind does: gzip of its signature and the CBOR value. */
  const writeIndexFile = (file: string, value: unknown) =>
    writeFileSync(file, gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), encode(value)])));

  /** A Pagefind folder with one language, its words in one chunk, as Pagefind 1.6 lays it out. */
  function pagefindFolder(words: IndexWord[]): string {
    folder = mkdtempSync(join(tmpdir(), 'pagefind-index-'));
    mkdirSync(join(folder, 'index'));
    writeIndexFile(join(folder, 'index', 'en-gb_0000000.pf_index'), [words]);
    const meta = ['1.6.0', [['en-gb_page001', 40, '']], [['advice', 'cause', 'en-gb_0000000']], [], [], []];
    writeIndexFile(join(folder, 'pagefind.en-gb_0000000000000.pf_meta'), meta);
    const entry = { version: '1.6.0', languages: { 'en-gb': { hash: 'en-gb_0000000000000', wasm: 'en-gb' } } };
    writeFileSync(join(folder, 'pagefind-entry.json'), JSON.stringify(entry));
    return folder;
  }

  it('writes the smaller chunks and a new metadata file that lists them, and removes every other chunk', async () => {
    const dir = pagefindFolder(WORDS);
    // A chunk left from an earlier run over the same folder.
    writeFileSync(join(dir, 'index', 'en-gb_5a1e000.pf_index'), 'stale');
    expect(await rechunkIndex(dir, 60)).toEqual([
      { language: 'en-gb', before: 1, after: expect.any(Number) as number },
    ]);

    const list = readChunkLists(dir).get('en-gb') ?? [];
    expect(list.length).toBeGreaterThan(2);
    expect(existsSync(join(dir, 'index', 'en-gb_0000000.pf_index'))).toBe(false);
    expect(existsSync(join(dir, 'pagefind.en-gb_0000000000000.pf_meta'))).toBe(false);
    expect(readdirSync(join(dir, 'index')).sort()).toEqual(list.map(([, , hash]) => `${hash}.pf_index`).sort());
    const words = list.flatMap(
      ([, , hash]) => (readIndexFile(join(dir, 'index', `${hash}.pf_index`)) as [IndexWord[]])[0],
    );
    expect(words).toEqual(WORDS);
    // The rest of the metadata (version, pages) is kept.
    const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { hash: string; wasm: string }>;
    };
    const meta = readIndexFile(join(dir, `pagefind.${entry.languages['en-gb']?.hash}.pf_meta`)) as unknown[];
    expect(meta.slice(0, 2)).toEqual(['1.6.0', [['en-gb_page001', 40, '']]]);
    expect(entry.languages['en-gb']?.wasm).toBe('en-gb');
  });

  it('gives the same files when run twice', async () => {
    const dir = pagefindFolder(WORDS);
    await rechunkIndex(dir, 60);
    const once = readdirSync(join(dir, 'index')).sort();
    await rechunkIndex(dir, 60);
    expect(readdirSync(join(dir, 'index')).sort()).toEqual(once);
  });

  /** Every file in the folder with its bytes, to show that nothing was written. */
  const snapshot = (dir: string) =>
    Object.fromEntries(
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((name) => name.includes('.'))
        .map((name) => [name, readFileSync(join(dir, name)).toString('base64')]),
    );

  it('refuses an index from another Pagefind version, and writes nothing', async () => {
    const dir = pagefindFolder(WORDS);
    const entryFile = join(dir, 'pagefind-entry.json');
    writeFileSync(entryFile, readFileSync(entryFile, 'utf8').replace('"1.6.0"', '"1.7.0"'));
    const before = snapshot(dir);
    await expect(rechunkIndex(dir)).rejects.toThrow(IndexFormatError);
    await expect(rechunkIndex(dir)).rejects.toThrow(/pagefind-entry\.json: written by Pagefind 1\.7\.0, not 1\.6\.0/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a metadata file in a format it does not know, naming the file', async () => {
    const dir = pagefindFolder(WORDS);
    writeIndexFile(join(dir, 'pagefind.en-gb_0000000000000.pf_meta'), { version: '2.0.0', chunks: {} });
    await expect(rechunkIndex(dir)).rejects.toThrow(IndexFormatError);
    await expect(rechunkIndex(dir)).rejects.toThrow(/pagefind\.en-gb_0000000000000\.pf_meta: not the 6 fields/);
  });

  it('checks the metadata field by field, naming the field that differs', async () => {
    const dir = pagefindFolder(WORDS);
    const metaFile = join(dir, 'pagefind.en-gb_0000000000000.pf_meta');
    const meta: unknown[] = ['1.6.0', [['en-gb_page001', 40, '']], [['advice', 'cause', 'en-gb_0000000']], [], [], []];
    const cases: [number, unknown, string][] = [
      [0, '1.5.0', 'version'],
      [1, [['en-gb_page001', '40', '']], 'pages'],
      [2, [['advice', 'cause', 'en-gb_0000000', 'extra']], 'index chunks'],
      [3, [['category']], 'filters'],
      [4, [['date', ['1']]], 'sorts'],
      [5, [1], 'metadata fields'],
    ];
    for (const [field, value, name] of cases) {
      writeIndexFile(metaFile, meta.with(field, value));
      await expect(rechunkIndex(dir), name).rejects.toThrow(`its ${name} are not as Pagefind 1.6.0 writes them`);
    }
  });

  it('checks every word of every chunk, field by field', async () => {
    const dir = pagefindFolder(WORDS);
    const chunkFile = join(dir, 'index', 'en-gb_0000000.pf_index');
    const wrong: unknown[] = [
      ['advice', [[1, [3], []]]],
      ['advice', [[1, [3], ['3']]], []],
      ['advice', [[1, [3], []]], [['advíce']]],
      [7, [[1, [3], []]], []],
    ];
    for (const word of wrong) {
      writeIndexFile(chunkFile, [[...WORDS.slice(0, 3), word]]);
      await expect(rechunkIndex(dir), JSON.stringify(word)).rejects.toThrow(
        /en-gb_0000000\.pf_index: its words are not/,
      );
    }
    writeIndexFile(chunkFile, [[...WORDS.slice(0, 3), ['advíce', [[1, [3], []]], [['advíce', [[2, [5], [-1, 0]]]]]]]]);
    await expect(rechunkIndex(dir)).resolves.toBeDefined();
  });

  it('refuses a file that does not decode back to the same bytes', async () => {
    const dir = pagefindFolder(WORDS);
    // A CBOR integer written in 4 bytes where 1 would do: a format this module would not write back as is.
    const odd = Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from([0x81, 0x81, 0x1a, 0, 0, 0, 1])]);
    writeFileSync(join(dir, 'pagefind.en-gb_0000000000000.pf_meta'), gzipSync(odd));
    await expect(rechunkIndex(dir)).rejects.toThrow(/\.pf_meta: does not encode back to the same bytes/);
  });

  it('refuses a word chunk with a number or length not in its shortest form, or with bytes after its words', async () => {
    const dir = pagefindFolder(WORDS);
    const chunkFile = join(dir, 'index', 'en-gb_0000000.pf_index');
    const signature = Buffer.from('pagefind_dcd');
    // ["advice", [[1, [3], []]], []], with the position 3 written in 4 bytes (0x1a 0 0 0 3).
    const longNumber = Buffer.from([
      0x81,
      0x81,
      0x83,
      0x66,
      ...Buffer.from('advice'),
      0x81,
      0x83,
      0x01,
      0x81,
      0x1a,
      0,
      0,
      0,
      3,
      0x80,
      0x80,
    ]);
    // The list of one word with its length in 1 extra byte (0x98 0x01).
    const longLength = Buffer.from([0x81, 0x98, 0x01, ...encode(WORDS[0])]);
    const trailing = Buffer.concat([Buffer.from(encode([WORDS.slice(0, 1)])), Buffer.from([0x00])]);
    for (const [name, body] of Object.entries({ longNumber, longLength, trailing })) {
      writeFileSync(chunkFile, gzipSync(Buffer.concat([signature, body])));
      await expect(rechunkIndex(dir), name).rejects.toThrow(IndexFormatError);
      await expect(rechunkIndex(dir), name).rejects.toThrow(/en-gb_0000000\.pf_index: (not CBOR|its words are not)/);
    }
  });

  it('writes each word with the bytes Pagefind gave it', async () => {
    const dir = pagefindFolder(WORDS);
    const before = readWordChunk(join(dir, 'index', 'en-gb_0000000.pf_index'));
    expect(before.map(({ word: text }) => text)).toEqual(WORDS.map(([text]) => text));
    await rechunkIndex(dir, 60);
    const after = [...(readChunkLists(dir).get('en-gb') ?? [])].flatMap(([, , hash]) =>
      readWordChunk(join(dir, 'index', `${hash}.pf_index`)),
    );
    expect(after.map(({ bytes }) => Buffer.from(bytes).toString('hex'))).toEqual(
      before.map(({ bytes }) => Buffer.from(bytes).toString('hex')),
    );
  });

  it("writes array headers in CBOR's shortest form, as cborg does", () => {
    for (const length of [0, 23, 24, 255, 256, 65535, 65536]) {
      const header = Buffer.from(arrayHeader(length));
      const cborg = Buffer.from(encode(new Array<number>(length).fill(0)));
      expect(header.toString('hex'), String(length)).toBe(cborg.subarray(0, header.length).toString('hex'));
      expect(cborg.length, String(length)).toBe(header.length + length);
    }
  });
});

describe('the re-cut process, as the build runs it (startRecut)', () => {
  let folder = '';
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  /** A logger that records what the build would print. */
  function recordingLogger() {
    const lines: { level: 'info' | 'warn'; message: string }[] = [];
    const logger = {
      info: (message: string) => lines.push({ level: 'info', message }),
      warn: (message: string) => lines.push({ level: 'warn', message }),
    } as unknown as AstroIntegrationLogger;
    return { lines, logger };
  }

  it('leaves an index in a format it does not know as Pagefind wrote it, with one warning, and does not fail', async () => {
    folder = mkdtempSync(join(tmpdir(), 'pagefind-index-'));
    mkdirSync(join(folder, 'index'));
    writeFileSync(join(folder, 'pagefind-entry.json'), JSON.stringify({ version: '2.0.0', languages: {} }));
    const { lines, logger } = recordingLogger();
    await expect(startRecut().run(folder, logger)).resolves.toBeUndefined();
    expect(lines).toHaveLength(1);
    expect(lines[0]?.level).toBe('warn');
    expect(lines[0]?.message).toMatch(/^kept Pagefind's own index chunks .*written by Pagefind 2\.0\.0, not 1\.6\.0/);
  });

  it('lets a process started ahead of time end when it is let go, without a folder to cut', async () => {
    // Resolves once the process has ended: one left waiting for its input would time the test out.
    await expect(startRecut().cancel()).resolves.toBeUndefined();
  });

  it('fails the build on anything else, such as a missing index folder', async () => {
    folder = mkdtempSync(join(tmpdir(), 'pagefind-index-'));
    const { logger } = recordingLogger();
    await expect(startRecut().run(join(folder, 'missing'), logger)).rejects.toThrow(/ENOENT/);
  });
});
