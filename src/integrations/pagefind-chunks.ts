/**
 * Cuts Pagefind's word index into smaller chunks, only where a query cannot fall between two of
 * them, so a visitor's first search downloads less (docs/search.md, "Index chunks").
 *
 * Why: Pagefind 1.6 cuts its word index wherever a chunk reaches a number of word positions
 * (`chunk_index` in pagefind/src/index/mod.rs; 20,000 unless `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE`
 * says otherwise), and its search engine loads, for each query word, only the chunks whose first and
 * last words bracket it (`request_indexes` in pagefind_web/src/lib.rs). A cut between two words that
 * begin alike ("free" | "freedom") then loses pages for a query of those letters ("free"). With the
 * default size a first search here downloads 107 KB; smaller chunks from Pagefind's own option cut in
 * more such places (measured by `npm run bench:search`). This module cuts the same words, in
 * Pagefind's own format, only where the first two letters change.
 *
 * The files are Pagefind 1.6.0's format (gzip of "pagefind_dcd" + CBOR). Every file is checked field
 * by field before anything is written. The new chunks hold each word's bytes exactly as Pagefind
 * wrote them, under array headers that must encode back to Pagefind's own; the metadata must encode
 * back to the same bytes. Any other version or shape leaves Pagefind's own index as it is, with one
 * warning: search still works, it only costs more.
 */
import type { AstroIntegrationLogger } from 'astro';
import { decode, decodeFirst, encode, Tokenizer, Type } from 'cborg';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';
// With its extension: this file also runs in a Node process of its own, without Vite (below).
import { nodeScriptArgs } from '../content/native-load.ts';

/** The one Pagefind version whose index format this module was written against and tested with. */
export const KNOWN_PAGEFIND_VERSION = '1.6.0';

/**
 * Size a chunk grows to, in bytes before compression, before the next one starts. 4,000 rather
 * than 8,000 made the sample site's first search 95.2 KB instead of 100.7 KB, and the 5,000-page
 * site's 149.0 KB instead of 151.0 KB, losing no more prefix queries (docs/search.md).
 */
export const CHUNK_BYTES = 4000;

/** Pagefind's marker at the start of every decompressed index file. */
const SIGNATURE = Buffer.from('pagefind_dcd');

/** Where a word was found on one page: page number, positions, metadata positions (all numbers). */
type PagePositions = [page: number, locs: number[], metaLocs: number[]];

/** One word in Pagefind's word index: the word, its pages, and its forms with diacritics. */
export type IndexWord = [word: string, pages: PagePositions[], variants: [form: string, pages: PagePositions[]][]];

/** One entry in the metadata's list of chunks: the first and last word (as short prefixes) and the file. */
export type ChunkEntry = [from: string, to: string, hash: string];

/** What the index folder's `pagefind-entry.json` says about each language. */
interface PagefindEntry {
  version: string;
  languages: Record<string, { hash: string }>;
}

/** Thrown when the files are not in the format this module knows. */
export class IndexFormatError extends Error {}

/** One Pagefind file's CBOR: the file decompressed, after its signature. */
function fileBody(file: string): Buffer {
  const raw = gunzipSync(readFileSync(file));
  if (!raw.subarray(0, SIGNATURE.length).equals(SIGNATURE)) {
    throw new IndexFormatError(`${file}: no Pagefind signature`);
  }
  return raw.subarray(SIGNATURE.length);
}

/** Decompresses and decodes one Pagefind file, checking that it encodes back to the same bytes. */
export function readIndexFile(file: string): unknown {
  const body = fileBody(file);
  const value: unknown = decode(body);
  if (!Buffer.from(encode(value)).equals(body)) {
    throw new IndexFormatError(`${file}: does not encode back to the same bytes`);
  }
  return value;
}

const gzipAsync = promisify(gzip);

/**
 * Compresses the parts of one Pagefind file's CBOR, after its signature, on libuv's thread pool
 * (Node's asynchronous zlib), so many files compress on both cores at once: at the highest level
 * this was two thirds of the re-cut at 5,000 posts (1.0 s of 1.5 s).
 */
function compressed(parts: Uint8Array[]): Promise<Buffer> {
  return gzipAsync(Buffer.concat([SIGNATURE, ...parts]), { level: 9 });
}

/** One word of the word index: its text, and its CBOR bytes exactly as Pagefind wrote them. */
export interface WordBytes {
  word: string;
  bytes: Uint8Array;
}

/**
 * The header of a CBOR array of `length` items, in the shortest form (RFC 8949, section 3: major
 * type 4, then the length in the 5 low bits, or in the next 1, 2 or 4 bytes), which minicbor writes.
 */
export function arrayHeader(length: number): Uint8Array {
  if (length < 24) return Uint8Array.of(0x80 | length);
  if (length < 0x100) return Uint8Array.of(0x98, length);
  if (length < 0x10000) return Uint8Array.of(0x99, length >> 8, length & 0xff);
  return Uint8Array.of(0x9a, length >>> 24, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff);
}

/**
 * Reads one word chunk (`WordIndex`: a list of words), checking each word field by field, and keeps
 * each word's own bytes, so a new chunk is Pagefind's bytes put together again rather than decoded
 * words encoded anew. cborg's documented `tokenizer` option lets one `Tokenizer` walk the chunk, so
 * its position gives where each word starts and ends.
 */
export function readWordChunk(file: string): WordBytes[] {
  const buffer = fileBody(file);
  // A plain Uint8Array, which cborg slices faster than a Buffer.
  const body = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
  const wrong = () =>
    new IndexFormatError(`${file}: its words are not as Pagefind ${KNOWN_PAGEFIND_VERSION} writes them`);
  // Strict: every integer and length in its shortest form, as minicbor writes them.
  const tokenizer = new Tokenizer(body, {
    strict: true,
    allowIndefinite: false,
    allowUndefined: false,
    allowBigInt: false,
  });
  const header = (length?: number): number => {
    const start = tokenizer.pos();
    const token = tokenizer.next();
    const count = Number(token.value);
    const same = Buffer.from(arrayHeader(count)).equals(body.subarray(start, tokenizer.pos()));
    if (token.type !== Type.array || (length !== undefined && count !== length) || !same) throw wrong();
    return count;
  };
  const words: WordBytes[] = [];
  try {
    header(1);
    const count = header();
    for (let i = 0; i < count; i += 1) {
      const start = tokenizer.pos();
      const [value] = decodeFirst(body, { tokenizer }) as [unknown, Uint8Array];
      if (!isWord(value)) throw wrong();
      words.push({ word: value[0], bytes: body.subarray(start, tokenizer.pos()) });
    }
  } catch (error) {
    if (error instanceof IndexFormatError) throw error;
    throw new IndexFormatError(
      `${file}: not CBOR as Pagefind ${KNOWN_PAGEFIND_VERSION} writes it (${(error as Error).message})`,
    );
  }
  if (!tokenizer.done()) throw wrong();
  return words;
}

/** The first `length` hex digits of the file's SHA-256, as Pagefind names its files by content. */
function contentHash(bytes: Uint8Array, length: number): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, length);
}

// Shape checks, one per struct of Pagefind 1.6.0 (pagefind/src/index/index_metadata.rs and
// index_words.rs, encoded by minicbor as arrays in field order).
const isString = (value: unknown): value is string => typeof value === 'string';
const isInteger = (value: unknown): value is number => Number.isInteger(value);
const isArrayOf = (value: unknown, item: (part: unknown) => boolean): value is unknown[] =>
  Array.isArray(value) && value.every(item);
/** A fixed-length array whose fields pass their checks in order. */
const isTuple = (value: unknown, fields: ((part: unknown) => boolean)[]): boolean =>
  Array.isArray(value) && value.length === fields.length && fields.every((check, i) => check(value[i]));
const isIntegers = (value: unknown): value is number[] => isArrayOf(value, isInteger);
/** `PackedPage`: page number, word positions, metadata positions. */
const isPage = (value: unknown): value is PagePositions => isTuple(value, [isInteger, isIntegers, isIntegers]);
const isPages = (value: unknown): value is PagePositions[] => isArrayOf(value, isPage);
/** `PackedVariant`: a form of the word with diacritics, and its pages. */
const isVariant = (value: unknown): boolean => isTuple(value, [isString, isPages]);
/** `PackedWord`: the word, its pages, its variants. */
const isWord = (value: unknown): value is IndexWord =>
  isTuple(value, [isString, isPages, (variants) => isArrayOf(variants, isVariant)]);

/**
 * Checks, field by field, a decoded metadata file (`MetaIndex`: version, pages, index chunks,
 * filters, sorts, metadata fields) written by `version`, and returns its chunk list.
 */
export function chunkList(meta: unknown, file: string, version = KNOWN_PAGEFIND_VERSION): ChunkEntry[] {
  const fields: [string, (value: unknown) => boolean][] = [
    ['version', (value) => value === version],
    ['pages', (value) => isArrayOf(value, (page) => isTuple(page, [isString, isInteger, isString]))],
    ['index chunks', (value) => isArrayOf(value, (chunk) => isTuple(chunk, [isString, isString, isString]))],
    ['filters', (value) => isArrayOf(value, (filter) => isTuple(filter, [isString, isString]))],
    ['sorts', (value) => isArrayOf(value, (sort) => isTuple(sort, [isString, isIntegers]))],
    ['metadata fields', (value) => isArrayOf(value, isString)],
  ];
  if (!Array.isArray(meta) || meta.length !== fields.length) {
    throw new IndexFormatError(`${file}: not the ${fields.length} fields of Pagefind ${version}'s metadata`);
  }
  const wrong = fields.find(([, check], i) => !check(meta[i]));
  if (wrong) throw new IndexFormatError(`${file}: its ${wrong[0]} are not as Pagefind ${version} writes them`);
  return meta[2] as ChunkEntry[];
}

/** Reads the index folder's entry file, refusing any Pagefind version but the known one. */
function readEntry(indexDir: string): PagefindEntry {
  const file = join(indexDir, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(file, 'utf8')) as Partial<PagefindEntry>;
  if (entry.version !== KNOWN_PAGEFIND_VERSION) {
    throw new IndexFormatError(`${file}: written by Pagefind ${String(entry.version)}, not ${KNOWN_PAGEFIND_VERSION}`);
  }
  if (typeof entry.languages !== 'object' || entry.languages === null) {
    throw new IndexFormatError(`${file}: no list of languages`);
  }
  return entry as PagefindEntry;
}

/**
 * Splits the word list (in Pagefind's order) into chunks of about `chunkBytes` encoded bytes.
 *
 * The search engine loads, for each query word, the chunks whose first and last words it falls
 * between, and matches every word that starts with it: a query such as "advi" needs "advice" and
 * "advise" in the same chunk, or it misses pages. So a chunk that has reached `chunkBytes` ends at
 * the next place where the first two letters change ("ba…" | "be…"): every query of two letters or
 * more then finds all its words. Where many words share longer beginnings, as the very common "the",
 * "their" and "therapy" do, waiting for the first two letters to change would make one huge chunk
 * that a search for "therapy" downloads whole; so a chunk that has grown to 2, 4 or 8 times
 * `chunkBytes` may end where words share 2 or 3 letters, or anywhere (which is where Pagefind's own
 * chunks may end): see `allowedSharedLetters`. A word is never split; one bigger than `chunkBytes`
 * ends its chunk.
 */
export function splitWords(words: WordBytes[], chunkBytes = CHUNK_BYTES): WordBytes[][] {
  const chunks: WordBytes[][] = [];
  let chunk: WordBytes[] = [];
  let size = 0;
  words.forEach((word, i) => {
    chunk.push(word);
    size += word.bytes.length;
    const next = words[i + 1];
    if (next && size >= chunkBytes && sharedLength(word.word, next.word) <= allowedSharedLetters(size / chunkBytes)) {
      chunks.push(chunk);
      chunk = [];
      size = 0;
    }
  });
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/**
 * How many letters the words either side of a cut may share, for a chunk `times` the target size:
 * 1 up to four times the size, 2 up to eight times, 3 up to sixteen times, then any number. With
 * the 4,000-byte target, a chunk ends inside a two-letter group ("th…") only past 16,000 bytes,
 * as it did with 8,000 and a ladder one step lower.
 */
export function allowedSharedLetters(times: number): number {
  if (times >= 16) return Number.POSITIVE_INFINITY;
  return 1 + Math.max(0, Math.floor(Math.log2(times / 2)));
}

/** How many characters (code points) two words share at the start. */
function sharedLength(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  let shared = 0;
  while (shared < left.length && shared < right.length && left[shared] === right[shared]) shared += 1;
  return shared;
}

/**
 * The shortest prefixes that tell the last word of one chunk from the first word of the next: the
 * letters they share plus one more each. The search engine compares query words with these to
 * choose which chunks to download, the same way as with Pagefind's own chunks.
 */
export function boundaryPrefixes(last: string, next: string): [string, string] {
  const shared = sharedLength(last, next);
  return [
    Array.from(last)
      .slice(0, shared + 1)
      .join(''),
    Array.from(next)
      .slice(0, shared + 1)
      .join(''),
  ];
}

/** The metadata's chunk list for `chunks`, without file names. */
export function chunkRanges(chunks: WordBytes[][]): [from: string, to: string][] {
  const ranges = chunks.map((chunk): [string, string] => [chunk[0]?.word ?? '', chunk.at(-1)?.word ?? '']);
  for (let i = 0; i < ranges.length - 1; i += 1) {
    const [to, from] = boundaryPrefixes(ranges[i]![1], ranges[i + 1]![0]);
    ranges[i]![1] = to;
    ranges[i + 1]![0] = from;
  }
  return ranges;
}

/** The chunk list of each language in `indexDir` (a site's `pagefind/` folder), checked. */
export function readChunkLists(indexDir: string): Map<string, ChunkEntry[]> {
  const entry = readEntry(indexDir);
  const lists = new Map<string, ChunkEntry[]>();
  for (const [language, { hash }] of Object.entries(entry.languages)) {
    const metaFile = join(indexDir, `pagefind.${hash}.pf_meta`);
    lists.set(language, chunkList(readIndexFile(metaFile), metaFile));
  }
  return lists;
}

/** What re-chunking changed, for the build log. */
export interface RechunkSummary {
  language: string;
  before: number;
  after: number;
}

/**
 * Rewrites the word index of every language in `indexDir` (a site's `pagefind/` folder) as chunks
 * of about `chunkBytes`, with a new metadata file, and removes every chunk and metadata file the new
 * metadata does not list. Every file is read and checked before the first is written, so a format
 * it does not know (an {@link IndexFormatError}) leaves the folder as Pagefind wrote it.
 */
export async function rechunkIndex(indexDir: string, chunkBytes = CHUNK_BYTES): Promise<RechunkSummary[]> {
  const entry = readEntry(indexDir);
  const languages = Object.entries(entry.languages).map(([language, info]) => {
    const metaFile = join(indexDir, `pagefind.${info.hash}.pf_meta`);
    const meta = readIndexFile(metaFile) as unknown[];
    const oldChunks = chunkList(meta, metaFile);
    const words = oldChunks.flatMap(([, , hash]) => readWordChunk(join(indexDir, 'index', `${hash}.pf_index`)));
    return { language, info, meta, oldChunks, words };
  });

  /** The files the new metadata lists. */
  const kept = new Set<string>();
  const summaries: RechunkSummary[] = [];
  for (const { language, info, meta, oldChunks, words } of languages) {
    const chunks = splitWords(words, chunkBytes);
    const ranges = chunkRanges(chunks);
    const used = new Set<string>();
    const files = await Promise.all(
      chunks.map((chunk) =>
        compressed([arrayHeader(1), arrayHeader(chunk.length), ...chunk.map((word) => word.bytes)]),
      ),
    );
    // Named in order, so two chunks whose names would clash get the same longer names every build.
    const newChunks: ChunkEntry[] = files.map((bytes, i) => {
      let length = 7;
      let hash = `${language}_${contentHash(bytes, length)}`;
      while (used.has(hash)) hash = `${language}_${contentHash(bytes, (length += 1))}`;
      used.add(hash);
      writeFileSync(join(indexDir, 'index', `${hash}.pf_index`), bytes);
      const [from, to] = ranges[i]!;
      return [from, to, hash];
    });
    for (const hash of used) kept.add(`${hash}.pf_index`);

    meta[2] = newChunks;
    const metaBytes = await compressed([encode(meta)]);
    const metaHash = `${language}_${contentHash(metaBytes, 13)}`;
    writeFileSync(join(indexDir, `pagefind.${metaHash}.pf_meta`), metaBytes);
    kept.add(`pagefind.${metaHash}.pf_meta`);
    info.hash = metaHash;
    summaries.push({ language, before: oldChunks.length, after: newChunks.length });
  }
  writeFileSync(join(indexDir, 'pagefind-entry.json'), JSON.stringify(entry));
  // Pagefind's own chunks and metadata, and any left from an earlier run over the same folder.
  for (const name of readdirSync(join(indexDir, 'index'))) {
    if (!kept.has(name)) rmSync(join(indexDir, 'index', name));
  }
  for (const name of readdirSync(indexDir)) {
    if (name.endsWith('.pf_meta') && !kept.has(name)) rmSync(join(indexDir, name));
  }
  return summaries;
}

/** What re-cutting did: each language's chunks, or why Pagefind's own index was kept. */
type RecutOutcome = { cut: RechunkSummary[] } | { kept: string };

/** A re-cut process, started before the index it will cut is written (see {@link startRecut}). */
export interface Recut {
  /** Hands the process the written index folder and reports what it did; throws what it throws. */
  run(indexDir: string, logger: AstroIntegrationLogger): Promise<void>;
  /** Lets the process end without cutting anything (Pagefind failed); resolves once it has ended. */
  cancel(): Promise<void>;
}

/**
 * Starts the process that re-chunks a site's index for the build, before Pagefind has written it:
 * Node starts and loads this module while Pagefind is still writing the index on one core, and
 * {@link Recut.run} then hands it the folder. An index in a format this module does not know is
 * left as Pagefind wrote it, with one warning, and the build goes on: the search works, only a
 * first search downloads more. Any other error stops the build with the child's message.
 *
 * The work runs in a Node process of its own (`child_process.spawn` with this Node, which reads
 * this TypeScript file by stripping its types, so it imports only packages, `node:` modules and a
 * file named with its extension, which Node finds without Vite's help; Node's compile cache is on,
 * as in Astro's process: src/content/native-load.ts). Decoding the whole word index takes about
 * 130 MB at 5,000 pages, which in Astro's process would come on top of all it holds at the end of
 * the build, and be the build's peak. Astro's process is not blocked meanwhile. The folder comes
 * on the child's standard input, as one line; with none (the input closed empty), it ends at once.
 * (Starting the process while Pagefind reads the pages was no faster: Pagefind uses both cores
 * then, and Node's start took its time from them. While Pagefind writes, one core is free:
 * docs/performance.md, twenty-second round.)
 */
export function startRecut(): Recut {
  const script = `
    const { IndexFormatError, rechunkIndex } = await import(${JSON.stringify(import.meta.url)});
    let input = '';
    for await (const text of process.stdin.setEncoding('utf8')) input += text;
    const indexDir = input.trim();
    if (indexDir !== '') {
      let outcome;
      try {
        outcome = { cut: await rechunkIndex(indexDir) };
      } catch (error) {
        if (!(error instanceof IndexFormatError)) throw error;
        outcome = { kept: error.message };
      }
      process.stdout.write(JSON.stringify(outcome));
    }`;
  const child = spawn(process.execPath, nodeScriptArgs(script), { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const closed = new Promise<number | null>((resolveExit, rejectExit) => {
    child.on('error', rejectExit);
    child.on('close', resolveExit);
  });
  // A child that ended before it was handed a folder (it could not start) is reported by `run`.
  child.stdin.on('error', () => undefined);
  return {
    cancel: () => {
      child.stdin.end();
      return closed.then(
        () => undefined,
        () => undefined,
      );
    },
    run: async (indexDir, logger) => {
      child.stdin.end(`${indexDir}\n`);
      const status = await closed;
      if (status !== 0) {
        const reason = /^\w*Error\b.*$/m.exec(stderr)?.[0] ?? stderr.trim().split('\n').at(-1);
        throw new Error(`Re-cutting the search index in ${indexDir} failed: ${reason ?? `exit ${String(status)}`}`);
      }
      reportRecut(stdout, logger);
    },
  };
}

/** Reports through Astro's logger what the re-cut process wrote on its standard output. */
function reportRecut(stdout: string, logger: AstroIntegrationLogger): void {
  const outcome = JSON.parse(stdout) as RecutOutcome;
  if ('cut' in outcome) {
    for (const { language, before, after } of outcome.cut) {
      logger.info(`cut the ${language} word index's ${before} chunks into ${after} of about ${CHUNK_BYTES} bytes`);
    }
    return;
  }
  logger.warn(
    `kept Pagefind's own index chunks (search works, but a first search downloads more): ${outcome.kept}. ` +
      `src/integrations/pagefind-chunks.ts knows Pagefind ${KNOWN_PAGEFIND_VERSION}'s format only; see docs/search.md.`,
  );
}
