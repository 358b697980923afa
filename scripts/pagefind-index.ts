/**
 * Builds the search index for a built site: runs the Pagefind CLI, then cuts Pagefind's word index
 * into smaller chunks, so a visitor's first search downloads less.
 *
 *   node scripts/pagefind-index.ts dist
 *
 * Why: Pagefind 1.6 cuts its word index into chunks of about 20,000 word positions (fixed in its
 * source, not an option), and a search downloads the whole chunk each query word falls in: about
 * 26 KB compressed on this site, a quarter of the first search. Chunks of about 8 KB (before
 * compression) cost 2–6 KB each. The search engine reads the list of chunks from the index's
 * metadata file, so smaller chunks need nothing else changed.
 *
 * The files are Pagefind's own format (gzip of "pagefind_dcd" + CBOR). Before writing anything,
 * every file is decoded and encoded again and must come back byte for byte; if a new Pagefind
 * changes the format, the build stops with one line saying so instead of writing an index the
 * search page cannot read.
 */
import { decode, encode } from 'cborg';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

/** Size a chunk grows to, in bytes before compression, before the next one starts. */
export const CHUNK_BYTES = 8000;

/** Pagefind's marker at the start of every decompressed index file. */
const SIGNATURE = Buffer.from('pagefind_dcd');

/** One word in Pagefind's word index: the word, then its pages and positions (kept as they are). */
export type IndexWord = [word: string, ...rest: unknown[]];

/** One entry in the metadata's list of chunks: the first and last word (as short prefixes) and the file. */
export type ChunkEntry = [from: string, to: string, hash: string];

/** What the index folder's `pagefind-entry.json` says about each language. */
interface PagefindEntry {
  version: string;
  languages: Record<string, { hash: string }>;
}

/** Thrown when the files are not in the format this script knows. */
export class IndexFormatError extends Error {}

/** Decompresses and decodes one Pagefind file, checking that it encodes back to the same bytes. */
export function readIndexFile(file: string): unknown {
  const raw = gunzipSync(readFileSync(file));
  if (!raw.subarray(0, SIGNATURE.length).equals(SIGNATURE)) {
    throw new IndexFormatError(`${file}: no Pagefind signature`);
  }
  const body = raw.subarray(SIGNATURE.length);
  const value: unknown = decode(body);
  if (!Buffer.from(encode(value)).equals(body)) {
    throw new IndexFormatError(`${file}: does not encode back to the same bytes`);
  }
  return value;
}

/** Encodes and compresses one Pagefind file. */
function indexFileBytes(value: unknown): Buffer {
  return gzipSync(Buffer.concat([SIGNATURE, encode(value)]), { level: 9 });
}

/** The first `length` hex digits of the file's SHA-256, as Pagefind names its files by content. */
function contentHash(bytes: Uint8Array, length: number): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, length);
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
 * chunks may end). A word is never split; one bigger than `chunkBytes` ends its chunk.
 */
export function splitWords(words: IndexWord[], chunkBytes = CHUNK_BYTES): IndexWord[][] {
  const chunks: IndexWord[][] = [];
  let chunk: IndexWord[] = [];
  let size = 0;
  words.forEach((word, i) => {
    chunk.push(word);
    size += encode(word).length;
    const next = words[i + 1];
    if (next && size >= chunkBytes && sharedLength(word[0], next[0]) <= allowedSharedLetters(size / chunkBytes)) {
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
 * 1 up to twice the size, 2 up to four times, 3 up to eight times, then any number.
 */
export function allowedSharedLetters(times: number): number {
  if (times >= 8) return Number.POSITIVE_INFINITY;
  return 1 + Math.max(0, Math.floor(Math.log2(times)));
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
export function chunkRanges(chunks: IndexWord[][]): [from: string, to: string][] {
  const ranges = chunks.map((chunk): [string, string] => [chunk[0]?.[0] ?? '', chunk.at(-1)?.[0] ?? '']);
  for (let i = 0; i < ranges.length - 1; i += 1) {
    const [to, from] = boundaryPrefixes(ranges[i]![1], ranges[i + 1]![0]);
    ranges[i]![1] = to;
    ranges[i + 1]![0] = from;
  }
  return ranges;
}

/** Checks that a decoded metadata file has the shape this script knows, and returns its chunk list. */
export function chunkList(meta: unknown, file: string): ChunkEntry[] {
  const chunks = Array.isArray(meta) ? (meta[2] as unknown) : undefined;
  const known =
    Array.isArray(chunks) &&
    chunks.every(
      (entry) => Array.isArray(entry) && entry.length === 3 && entry.every((part) => typeof part === 'string'),
    );
  if (!known) throw new IndexFormatError(`${file}: no list of index chunks where Pagefind 1.6 keeps it`);
  return chunks as ChunkEntry[];
}

/** The chunk list of each language in `indexDir` (a site's `pagefind/` folder). */
export function readChunkLists(indexDir: string): Map<string, ChunkEntry[]> {
  const entry = JSON.parse(readFileSync(join(indexDir, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
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
 * metadata does not list.
 */
export function rechunkIndex(indexDir: string, chunkBytes = CHUNK_BYTES): RechunkSummary[] {
  const entryFile = join(indexDir, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as PagefindEntry;
  const summaries: RechunkSummary[] = [];
  /** The files the new metadata lists. */
  const kept = new Set<string>();
  for (const [language, info] of Object.entries(entry.languages)) {
    const metaFile = join(indexDir, `pagefind.${info.hash}.pf_meta`);
    const meta = readIndexFile(metaFile) as unknown[];
    const oldChunks = chunkList(meta, metaFile);
    const words = oldChunks.flatMap(([, , hash]) => {
      const file = join(indexDir, 'index', `${hash}.pf_index`);
      const index = readIndexFile(file);
      if (!Array.isArray(index) || !Array.isArray(index[0])) {
        throw new IndexFormatError(`${file}: no word list where Pagefind 1.6 keeps it`);
      }
      return index[0] as IndexWord[];
    });

    const chunks = splitWords(words, chunkBytes);
    const ranges = chunkRanges(chunks);
    const used = new Set<string>();
    const newChunks: ChunkEntry[] = chunks.map((chunk, i) => {
      const bytes = indexFileBytes([chunk]);
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
    const metaBytes = indexFileBytes(meta);
    const metaHash = `${language}_${contentHash(metaBytes, 13)}`;
    writeFileSync(join(indexDir, `pagefind.${metaHash}.pf_meta`), metaBytes);
    kept.add(`pagefind.${metaHash}.pf_meta`);
    info.hash = metaHash;
    summaries.push({ language, before: oldChunks.length, after: newChunks.length });
  }
  writeFileSync(entryFile, JSON.stringify(entry));
  // Pagefind's own chunks and metadata, and any left from an earlier run over the same folder.
  for (const name of readdirSync(join(indexDir, 'index'))) {
    if (!kept.has(name)) rmSync(join(indexDir, 'index', name));
  }
  for (const name of readdirSync(indexDir)) {
    if (name.endsWith('.pf_meta') && !kept.has(name)) rmSync(join(indexDir, name));
  }
  return summaries;
}

/** Runs the Pagefind CLI over `site`, then re-chunks its index. Throws if either fails. */
export function buildSearchIndex(site: string, { quiet = false } = {}): RechunkSummary[] {
  const bin = resolve(import.meta.dirname, '../node_modules/pagefind/lib/runner/bin.cjs');
  const result = spawnSync(process.execPath, [bin, '--site', site, ...(quiet ? ['--quiet'] : [])], {
    stdio: quiet ? 'pipe' : 'inherit',
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`Pagefind failed on ${site}: ${result.stderr ?? ''}`.trim());
  return rechunkIndex(join(site, 'pagefind'));
}

if (import.meta.main) {
  const site = process.argv[2] ?? 'dist';
  try {
    for (const { language, before, after } of buildSearchIndex(site)) {
      console.log(`Search index (${language}): ${before} word chunks cut into ${after} of about ${CHUNK_BYTES} bytes`);
    }
  } catch (error) {
    if (!(error instanceof IndexFormatError)) throw error;
    console.error(
      `${error.message}. The installed Pagefind writes its index in a format scripts/pagefind-index.ts does not know: ` +
        'pin pagefind to 1.6.0 in package.json, or update the script for the new format.',
    );
    process.exit(1);
  }
}
