/**
 * The content gate's checks of Markdown files, run in a Node process of its own during a
 * production build, so they use the machine's second core while Astro's loader (which runs on one)
 * reads, validates and renders the same files. The verdicts are the same as in-process ones: the
 * child runs the same `markdownGate` (src/content/gate-child.ts) over the same files, and the
 * loader keeps caching them as before (`markdownGate` in content-gate.ts asks this process only for
 * files its cache does not hold).
 *
 * It starts as `astro build` begins to load the Astro config, when there is no content store yet (a
 * cold build, when every file is checked): src/integrations/content-gate-start.ts starts it, and
 * the `content-gate` integration (src/integrations/content-gate.ts) confirms it with the resolved
 * config. So Node loads the gate's code (retext, the rules) while Astro loads its own, and it begins
 * checking every Markdown file at once, before the loader asks: the loader starts about two seconds
 * later. A file the loader asks for that the child has not started is given back, and the loader
 * checks it in its own process: neither process waits for the other while there are files to check
 * (at 5,000 posts the child alone was about a second behind the loader). While it runs, every
 * verdict (the child's and the loader's) leaves the reading level for later: once no file is left
 * to check, the child works out every file's level, and sends them when asked once the content is
 * synced (`astro:build:start`: node_modules/astro/dist/core/build/index.js syncs the content
 * between `astro:config:done` and that hook); then it is stopped (src/content/later-readings.ts).
 * A rebuild checks only the files that changed, in-process: starting Node and loading the gate
 * would cost more than it saves.
 *
 * Node API relied on: `child_process.spawn` with an `ipc` channel and `serialization: 'advanced'`
 * (structured clone), so messages keep their types. The child is Node reading our TypeScript by
 * stripping types (Node 24), with the resolve hook of src/content/native-load.ts for the
 * extensionless imports Vite allows, and Node's compile cache, as Astro's own process has it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ContentError } from '../lib/content-error';
import type { GateVerdict, ReadingFigures } from '../lib/content-report';
import { nodeScriptArgs } from './native-load';

/** What the main process asks: the verdict of one Markdown file of a collection. */
export interface GateRequest {
  collection: string;
  file: string;
  /**
   * When the child has not started the file: true has it give the file back, for the loader to
   * check in its own process; false (or absent) has it check the file next.
   */
  giveBack?: boolean;
}

/** Asks the child for the reading level of every Markdown file, which it sends once all are worked out. */
export interface ReadingsRequest {
  readings: true;
}

/**
 * The reading levels of every Markdown file, by absolute path. A file the child could not read is
 * left out, and the build works its level out itself.
 */
export interface ReadingsReply {
  readings: Map<string, ReadingFigures>;
}

/** What the child answers for one request: the verdict, the error, or the file given back unchecked. */
export type GateReply =
  | { key: string; verdict: GateVerdict }
  | { key: string; error: { message: string; contentError: boolean } }
  | { key: string; givenBack: true };

/** The first message to the child: the content folder whose Markdown files it checks. */
export interface GateStart {
  contentDir: string;
}

/** The key of a request: one verdict per collection and file. */
export function requestKey({ collection, file }: GateRequest): string {
  return `${collection}\u0000${file}`;
}

/** A running gate process, as the loader uses it. */
export interface GateProcess {
  /**
   * The file's verdict; undefined when the request allowed it and the child gave the file back
   * unchecked; or a rejection: a ContentError (one line naming the file) or the child's failure.
   */
  check: (request: GateRequest) => Promise<GateVerdict | undefined>;
  /**
   * The reading level of every Markdown file, which the child works out once it has checked the
   * rules (verdicts from the child leave it for later: src/content/later-readings.ts).
   */
  readings: () => Promise<Map<string, ReadingFigures>>;
}

/**
 * Whether Astro's cache folder `cacheDir` holds a content store (its data-store.json): a rebuild,
 * which checks only the files that changed. Without one, a build checks every file: a cold build.
 */
export function hasContentStore(cacheDir: URL): boolean {
  return existsSync(new URL('data-store.json', cacheDir));
}

/**
 * V8's settings for the gate's process: its optimising compilers stop at Maglev (`--max-opt=2`; the
 * tiers are 0 Ignition, 1 Sparkplug, 2 Maglev, 3 TurboFan, as `node --v8-options` lists them), so
 * V8 does not spend the second core compiling the gate's code with TurboFan for a process that
 * lives about two seconds. The verdicts are the same (`node bench/gate.ts` prints the same digest);
 * the checks took 1.08–1.26 s of CPU against 1.29–1.87 s (`node --max-opt=2 bench/gate.ts`, seven
 * runs each). A whole cold build at 1,000 posts gains less than the machine's noise: it was shorter
 * in 11 of 17 alternating pairs, by 0.1–0.2 s on average (docs/performance.md, twenty-second round),
 * as the loader checks the files the process has not reached, and the process's helper threads
 * compile less on the core Astro shares. Astro's own process keeps every tier (without TurboFan it
 * was no faster, docs/performance.md), and so does the re-cut of the search index
 * (src/integrations/pagefind-chunks.ts), which was slower without it (0.32–0.33 s against 0.28–0.31 s).
 * Node 20 and 24 take the flag; tests/unit/gate-process.test.ts checks the Node it runs on.
 */
export const GATE_V8_FLAGS = ['--max-opt=2'];

/** Node's arguments for the gate's process running `script` (see {@link GATE_V8_FLAGS}). */
export function gateNodeArgs(script: string): string[] {
  return [...GATE_V8_FLAGS, ...nodeScriptArgs(script)];
}

/** The process of this build, shared across Vite's module instances (the config and the content layer load this file separately). */
const RUNNING = Symbol.for('charity-site.content-gate-process');
type Shared = typeof globalThis & { [RUNNING]?: { child: ChildProcess; contentDir: string; gate: GateProcess } };
const shared = globalThis as Shared;

/** The gate process of this build, if one is running over the content at `contentDir`. */
export function gateProcess(contentDir: string): GateProcess | undefined {
  const running = shared[RUNNING];
  return running?.contentDir === contentDir ? running.gate : undefined;
}

/**
 * Starts the gate process for the content at `contentDir` (see the module comment). Does nothing
 * if one is running. Each request is answered once; a child that stops before answering rejects
 * what is still waiting, with its last error line.
 */
export function startGateProcess(start: GateStart): void {
  if (shared[RUNNING]) return;
  const childModule = new URL('./gate-child.ts', import.meta.url).href;
  const hooks = new URL('./native-load.ts', import.meta.url).href;
  const script = `
    // Our imports leave out ".ts", as Vite allows; Node needs it.
    const { resolveTypeScriptImports } = await import(${JSON.stringify(hooks)});
    resolveTypeScriptImports();
    const { serveGate } = await import(${JSON.stringify(childModule)});
    serveGate();`;
  const child = spawn(process.execPath, gateNodeArgs(script), {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  // The build never waits for the child to end; it is stopped once it has sent the reading levels.
  child.unref();
  child.channel?.unref();
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  /** Requests not answered yet, by key; a second ask for the same file shares the first one's answer. */
  const waiting = new Map<
    string,
    {
      promise: Promise<GateVerdict | undefined>;
      resolve: (verdict: GateVerdict | undefined) => void;
      reject: (error: Error) => void;
    }
  >();
  let readings: PromiseWithResolvers<Map<string, ReadingFigures>> | undefined;
  child.on('message', (reply: GateReply | ReadingsReply) => {
    if ('readings' in reply) return readings?.resolve(reply.readings);
    const request = waiting.get(reply.key);
    if (!request) return;
    waiting.delete(reply.key);
    if ('verdict' in reply) request.resolve(reply.verdict);
    else if ('givenBack' in reply) request.resolve(undefined);
    else request.reject(reply.error.contentError ? ContentError.fromLine(reply.error.message) : new Error(reply.error.message));
  });
  const stopped = (why: string) => {
    const reason = /^\w*Error\b.*$/m.exec(stderr)?.[0] ?? why;
    const error = new Error(`The content gate's process stopped: ${reason}`);
    for (const request of waiting.values()) request.reject(error);
    waiting.clear();
    readings?.reject(error);
    if (shared[RUNNING]?.child === child) delete shared[RUNNING];
  };
  child.on('error', (error) => stopped(error.message));
  child.on('exit', (code) => stopped(`exit ${String(code)}`));
  child.send(start);
  shared[RUNNING] = {
    child,
    contentDir: start.contentDir,
    gate: {
      check: (request) => {
        const key = requestKey(request);
        const asked = waiting.get(key);
        if (asked) return asked.promise;
        const { promise, resolve, reject } = Promise.withResolvers<GateVerdict | undefined>();
        waiting.set(key, { promise, resolve, reject });
        child.send(request);
        return promise;
      },
      readings: () => {
        if (!readings) {
          readings = Promise.withResolvers();
          child.send({ readings: true } satisfies ReadingsRequest);
        }
        return readings.promise;
      },
    },
  };
}

/** Stops the gate process, once every collection is loaded. */
export function stopGateProcess(): void {
  const running = shared[RUNNING];
  if (!running) return;
  delete shared[RUNNING];
  running.child.disconnect();
}
