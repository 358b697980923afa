/**
 * The content gate's own process (started by src/content/gate-process.ts): answers each request
 * with the file's verdict from the same `markdownGate` the loader uses in-process, and checks every
 * Markdown file before it is asked for, so the answer is ready when it is. A file asked for before
 * it is started is given back when the request allows it, for the loader to check itself.
 */
import { globSync } from 'node:fs';
import { join } from 'node:path';
import { SETTINGS_FILE } from '../config';
import { ContentError } from '../lib/content-error';
import type { FileVerdict } from '../lib/content-report';
import { COLLECTIONS } from '../schemas/collections';
import { MARKDOWN_COLLECTIONS, MARKDOWN_FILES, markdownGate, type MarkdownGate } from './content-gate';
import { requestKey, type GateReply, type GateRequest, type GateStart } from './gate-process';
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
  let working = false;
  /** The file being checked now, and whether the parent has asked for it meanwhile. */
  let current: string | undefined;
  let currentAsked = false;

  const send = (reply: GateReply) => process.send?.(reply);

  const gateFor = (collection: string): MarkdownGate => {
    let gate = gates.get(collection);
    if (!gate) {
      const declaration = COLLECTIONS.find((c) => c.name === collection);
      if (!declaration) throw new Error(`No collection named "${collection}"`);
      const schema = declaration.schema(readSiteLists(contentDir, SETTINGS_FILE));
      // No cache here: the loader keeps each verdict under its own key.
      gate = markdownGate(collection, schema, contentDir);
      gates.set(collection, gate);
    }
    return gate;
  };

  /** The reply to a request: the file's verdict, or the error that stops the build. */
  const answer = async (request: GateRequest): Promise<GateReply> => {
    const key = requestKey(request);
    try {
      const verdict: FileVerdict = await gateFor(request.collection).check(request.file);
      return { key, verdict };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { key, error: { message, contentError: error instanceof ContentError } };
    }
  };

  const work = async () => {
    if (working) return;
    working = true;
    for (;;) {
      const [key, request] = asked.entries().next().value ?? ahead.entries().next().value ?? [];
      if (!key || !request) break;
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
  };

  process.on('message', (message: GateStart | GateRequest) => {
    if ('contentDir' in message) {
      contentDir = message.contentDir;
      for (const request of everyMarkdownFile(contentDir)) ahead.set(requestKey(request), request);
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
