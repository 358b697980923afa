/**
 * The content gate's own process (started by src/content/gate-process.ts): answers each request
 * with the file's verdict from the same `markdownGate` the loader uses in-process, and checks every
 * Markdown file before it is asked for, so the answer is ready when it is. A file asked for before
 * it is started is given back when the request allows it, for the loader to check itself.
 *
 * Its verdicts leave the reading level for later. Once no file is left to check, it works out the
 * reading level of every Markdown file (those it gave back too), and sends them all when asked
 * (src/content/later-readings.ts): by then the content is synced, and this core is idle.
 */
import { globSync } from 'node:fs';
import { join } from 'node:path';
import { SETTINGS_FILE } from '../config';
import { ContentError } from '../lib/content-error';
import type { GateVerdict, ReadingFigures } from '../lib/content-report';
import { COLLECTIONS } from '../schemas/collections';
import { MARKDOWN_COLLECTIONS, MARKDOWN_FILES, markdownGate, type MarkdownGate } from './content-gate';
import {
  requestKey,
  type GateReply,
  type GateRequest,
  type GateStart,
  type ReadingsReply,
  type ReadingsRequest,
} from './gate-process';
import { freezeContentFingerprints } from './helplines';
import { readSiteLists } from './site-lists';

/** Every Markdown file the loaders will read, taking the collections in turn so each is served early. */
function everyMarkdownFile(contentDir: string): GateRequest[] {
  const lists = MARKDOWN_COLLECTIONS.map((collection) =>
    // The checked glob's own pattern (src/content/checked-glob.ts).
    globSync(MARKDOWN_FILES, { cwd: join(contentDir, collection) }).map((name) => ({
      collection,
      file: join(contentDir, collection, name),
    })),
  );
  const longest = Math.max(0, ...lists.map((list) => list.length));
  return Array.from({ length: longest }, (_, i) => lists.flatMap((list) => list[i] ?? [])).flat();
}

/** Serves the parent's requests over the IPC channel until the parent disconnects. */
export function serveGate(): void {
  // The process lives for one build, which reads the content as it is when it starts.
  freezeContentFingerprints();
  let contentDir = '';
  const gates = new Map<string, MarkdownGate>();
  /** Verdicts and errors worked out before they were asked for. */
  const ready = new Map<string, GateReply>();
  /** What the parent is waiting for, in the order asked; then the rest, checked ahead. */
  const asked = new Map<string, GateRequest>();
  const ahead = new Map<string, GateRequest>();
  /** Every Markdown file, to work out its reading level once no file is left to check. */
  const toRead: GateRequest[] = [];
  const readings = new Map<string, ReadingFigures>();
  let readingsAsked = false;
  let readingsSent = false;
  let working = false;
  /** The file being checked now, and whether the parent has asked for it meanwhile. */
  let current: string | undefined;
  let currentAsked = false;

  const send = (reply: GateReply | ReadingsReply) => process.send?.(reply);

  const gateFor = (collection: string): MarkdownGate => {
    let gate = gates.get(collection);
    if (!gate) {
      const declaration = COLLECTIONS.find((c) => c.name === collection);
      if (!declaration) throw new Error(`No collection named "${collection}"`);
      const schema = declaration.schema(readSiteLists(contentDir, SETTINGS_FILE));
      // No cache here: the loader keeps each verdict under its own key. Each file's paragraphs are
      // kept from its check until its reading level is worked out (`keepProse`).
      gate = markdownGate(collection, schema, contentDir, undefined, { readingLater: true, keepProse: true });
      gates.set(collection, gate);
    }
    return gate;
  };

  /** The reply to a request: the file's verdict, or the error that stops the build. */
  const answer = async (request: GateRequest): Promise<GateReply> => {
    const key = requestKey(request);
    try {
      const verdict: GateVerdict = await gateFor(request.collection).check(request.file);
      return { key, verdict };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { key, error: { message, contentError: error instanceof ContentError } };
    }
  };

  /** Works out the next file's reading level; false when every file's is known. */
  const readNext = (): boolean => {
    const request = toRead.pop();
    if (!request) return false;
    try {
      const { grade, words, sentences } = gateFor(request.collection).reading(request.file);
      readings.set(request.file, { grade, words, sentences });
    } catch {
      // Left out: the build works this one out itself, and reports there what is wrong with it.
    }
    return true;
  };

  const sendReadings = () => {
    if (!readingsAsked || readingsSent || toRead.length > 0) return;
    readingsSent = true;
    send({ readings });
  };

  const work = async () => {
    if (working) return;
    working = true;
    for (;;) {
      const [key, request] = asked.entries().next().value ?? ahead.entries().next().value ?? [];
      if (!key || !request) {
        if (!readNext()) break;
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      current = key;
      currentAsked = asked.delete(key);
      ahead.delete(key);
      const reply = await answer(request);
      if (currentAsked) send(reply);
      else ready.set(key, reply);
      current = undefined;
      // Lets the parent's next requests in before the next file.
      await new Promise((resolve) => setImmediate(resolve));
    }
    working = false;
    sendReadings();
  };

  process.on('message', (message: GateStart | GateRequest | ReadingsRequest) => {
    if ('readings' in message) {
      readingsAsked = true;
      sendReadings();
    } else if ('contentDir' in message) {
      contentDir = message.contentDir;
      const files = everyMarkdownFile(contentDir);
      for (const request of files) ahead.set(requestKey(request), request);
      // Taken from the end, so in the order the loader reads them.
      toRead.push(...files.reverse());
    } else {
      const key = requestKey(message);
      if (key === current) {
        currentAsked = true;
        return;
      }
      const reply = ready.get(key);
      if (reply) {
        ready.delete(key);
        send(reply);
        return;
      }
      if (message.giveBack) {
        // Not started: the loader checks it in its own process, where it would otherwise wait.
        ahead.delete(key);
        send({ key, givenBack: true });
        return;
      }
      asked.set(key, message);
    }
    void work();
  });
  process.on('disconnect', () => process.exit(0));
}
