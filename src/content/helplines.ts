/**
 * Reads the helpline registry (content/helplines/<id>.yaml) and the charity's own phone numbers
 * straight from disk, for the Markdown pipeline (the `:helpline[id]` directive is rendered before
 * Astro's collections are queryable) and for the content loader's prose check.
 *
 * Registry files are validated by their own collection, which reports a bad file as one line;
 * here a file that does not pass is skipped, so that report is the one people see.
 */
import { parseFrontmatter } from 'astro/markdown';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ContentError, displayPath } from '../lib/content-error';
import { checkHelplineProse, type HelplineRegistry } from '../lib/helpline-prose';
import type { Helpline } from '../schemas/helplines';
import { dialDigits } from '../lib/phone-numbers';
import { helplinesSchema } from '../schemas/helplines';
import type { HelplineData } from '../schemas/helplines';

/** The registry's folder inside the content folder. */
export const HELPLINES_FOLDER = 'helplines';

const check = helplinesSchema.schema({ image: () => { throw new Error('helplines have no images'); } });

let cached: { key: string; registry: ReadonlyMap<string, Helpline> } | undefined;

/**
 * Fingerprints (and the registry folder's listing) taken once, by key, while content cannot change:
 * set for a production build (the content-gate integration, src/integrations/content-gate.ts) and in
 * the content gate's own process.
 * Kept on `globalThis` because Vite loads this file once for the config and again for the content
 * layer. Under `astro dev` nothing is frozen, so an edited helpline shows at once.
 */
const FROZEN = Symbol.for('charity-site.frozen-content-fingerprints');
type Frozen = typeof globalThis & { [FROZEN]?: Map<string, unknown> };

/**
 * Takes each fingerprint only once from now on in this process. Every Markdown file's check and
 * every page that draws a helpline asks for them, and each answer lists two folders and reads
 * every registry and service file's size and date: about 0.3 s of a 1,000-post build.
 */
export function freezeContentFingerprints(): void {
  (globalThis as Frozen)[FROZEN] ??= new Map();
}

/** Takes fingerprints afresh again (the build is done). */
export function thawContentFingerprints(): void {
  delete (globalThis as Frozen)[FROZEN];
}

/** `take()`, or while fingerprints are frozen, its first answer for `key`. */
function takenOnce<T>(key: string, take: () => T): T {
  const frozen = (globalThis as Frozen)[FROZEN];
  if (!frozen) return take();
  if (!frozen.has(key)) frozen.set(key, take());
  return frozen.get(key) as T;
}

/**
 * Registry file names (without .yaml), leaving out files that start with "_". Listed once while
 * fingerprints are frozen: every entry's check of the helplines its data names asks.
 */
function registryFiles(contentDir: string): string[] {
  return takenOnce(`registry files\u0000${contentDir}`, () => {
    try {
      return readdirSync(join(contentDir, HELPLINES_FOLDER))
        .filter((name) => /^[^_].*\.ya?ml$/.test(name))
        .sort();
    } catch {
      return [];
    }
  });
}

/** A key that changes whenever a registry file is added, removed or edited. */
export function registryFingerprint(contentDir: string): string {
  return takenOnce(`registry\u0000${contentDir}`, () =>
    registryFiles(contentDir)
      .map((name) => {
        const stat = statSync(join(contentDir, HELPLINES_FOLDER, name));
        return `${name}:${String(stat.mtimeMs)}:${String(stat.size)}`;
      })
      .join('|'),
  );
}

/** Every valid helpline in `<contentDir>/helplines/`, by id; re-read only when a file changed. */
export function readHelplineRegistry(contentDir: string): ReadonlyMap<string, Helpline> {
  const key = `${contentDir}#${registryFingerprint(contentDir)}`;
  if (cached?.key === key) return cached.registry;
  const registry = new Map<string, Helpline>();
  for (const name of registryFiles(contentDir)) {
    const id = name.replace(/\.ya?ml$/, '');
    try {
      const result = check.safeParse(parse(readFileSync(join(contentDir, HELPLINES_FOLDER, name), 'utf8')));
      if (result.success) registry.set(id, { ...(result.data as HelplineData), id });
    } catch {
      // Unreadable YAML: the helplines collection reports it.
    }
  }
  cached = { key, registry };
  return registry;
}

/** Ids of every registry file, valid or not (so a directive naming a broken file is not "unknown"). */
export function helplineIds(contentDir: string): string[] {
  return registryFiles(contentDir).map((name) => name.replace(/\.ya?ml$/, ''));
}

/**
 * The charity's own numbers, digits only: the settings phone number and every service's contact
 * number. Prose may give these by hand without a warning.
 */
export function ownNumbers(contentDir: string, settingsFile: string): Set<string> {
  const dials = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === 'string' && value.trim()) dials.add(dialDigits(value));
  };
  try {
    add((parse(readFileSync(join(contentDir, settingsFile), 'utf8')) as Record<string, unknown> | null)?.['phone']);
  } catch {
    // The settings collection reports an unreadable settings file.
  }
  const services = (() => {
    try {
      return readdirSync(join(contentDir, 'services')).filter((name) => /^[^_].*\.mdx?$/.test(name));
    } catch {
      return [];
    }
  })();
  for (const name of services) {
    try {
      add(parseFrontmatter(readFileSync(join(contentDir, 'services', name), 'utf8')).frontmatter['contactPhone']);
    } catch {
      // The services collection reports a file it cannot read.
    }
  }
  return dials;
}

/** What a Markdown body's helpline check needs besides the body itself. */
export interface HelplineContext {
  /** Every registry line by id; a broken registry file still counts as a known id (its own collection reports it). */
  registry: HelplineRegistry;
  /** The charity's own numbers, digits only ({@link ownNumbers}). */
  ownDials: ReadonlySet<string>;
}

/** A key that changes whenever the settings file or a service file is added, removed or edited. */
function ownNumbersFingerprint(contentDir: string, settingsFile: string): string {
  return takenOnce(`own numbers\u0000${contentDir}\u0000${settingsFile}`, () => takeOwnNumbersFingerprint(contentDir, settingsFile));
}

function takeOwnNumbersFingerprint(contentDir: string, settingsFile: string): string {
  const stamp = (file: string) => {
    try {
      const stat = statSync(file);
      return `${String(stat.mtimeMs)}:${String(stat.size)}`;
    } catch {
      return '-';
    }
  };
  let services: string[];
  try {
    services = readdirSync(join(contentDir, 'services')).sort();
  } catch {
    services = [];
  }
  return [
    stamp(join(contentDir, settingsFile)),
    ...services.map((name) => `${name}:${stamp(join(contentDir, 'services', name))}`),
  ].join('|');
}

let cachedContext: { key: string; context: HelplineContext } | undefined;

/**
 * The registry and the charity's own numbers, read once and kept until one of their files changes:
 * the check runs on every Markdown file, and reading every service file for each of them cost more
 * than all the other content checks together.
 */
export function helplineContext(contentDir: string, settingsFile: string): HelplineContext {
  const key = `${contentDir}#${settingsFile}#${registryFingerprint(contentDir)}#${ownNumbersFingerprint(contentDir, settingsFile)}`;
  if (cachedContext?.key === key) return cachedContext.context;
  const registry = new Map(readHelplineRegistry(contentDir));
  for (const id of helplineIds(contentDir)) if (!registry.has(id)) registry.set(id, { id, name: id } as Helpline);
  const context = { registry, ownDials: ownNumbers(contentDir, settingsFile) };
  cachedContext = { key, context };
  return context;
}

/** The line a Markdown body starts on in its file (after the frontmatter). */
export function bodyOffset(fileText: string, body: string): number {
  const at = body ? fileText.indexOf(body) : -1;
  return at < 0 ? 0 : (fileText.slice(0, at).match(/\n/g)?.length ?? 0);
}

/**
 * The content loader's prose check for one Markdown file: throws the first error as one line
 * naming the file and line; prints each warning as one line.
 */
export function checkProseFile(options: {
  contentDir: string;
  settingsFile: string;
  file: string;
  body: string;
}): void {
  const { contentDir, settingsFile, file, body } = options;
  if (!body.trim()) return;
  const { registry, ownDials } = helplineContext(contentDir, settingsFile);
  const { errors, warnings } = checkHelplineProse(body, registry, ownDials);
  let offset: number | undefined;
  const lineOf = (line: number) => {
    offset ??= bodyOffset(readFileSync(file, 'utf8'), body);
    return line + offset;
  };
  const firstError = errors[0];
  for (const finding of warnings) {
    console.warn(`Content warning in ${displayPath(file)}: line ${String(lineOf(finding.line))} ${finding.message}`);
  }
  if (firstError) throw new ContentError(file, undefined, `line ${String(lineOf(firstError.line))} ${firstError.message}`);
}

/** Where an entry names registry helplines in its data: [field path, id]. */
function helplineReferences(collection: string, data: Record<string, unknown>): [string, string][] {
  if (collection === 'settings') {
    const crisis = Array.isArray(data['crisisLines']) ? (data['crisisLines'] as unknown[]) : [];
    const pairs: [string, unknown][] = [
      ['localCrisisLine', data['localCrisisLine']],
      ...crisis.map((id, index): [string, unknown] => [`crisisLines.${String(index)}`, id]),
    ];
    return pairs.filter((pair): pair is [string, string] => typeof pair[1] === 'string');
  }
  const help = Array.isArray(data['furtherHelp']) ? (data['furtherHelp'] as Record<string, unknown>[]) : [];
  return help
    .map((item, index): [string, unknown] => [`furtherHelp.${String(index)}.helpline`, item['helpline']])
    .filter((pair): pair is [string, string] => typeof pair[1] === 'string' && pair[1] !== '');
}

/**
 * The content loader's per-entry check for a collection: registry ids named in the data must
 * exist. (A Markdown body's helplines are checked by the content gate, on the tree it parses for
 * all its checks: see `checkContentFile` in content-gate.ts.)
 */
export function helplineEntryCheck(collection: string, contentDir: string): (entry: { file: string; data: Record<string, unknown> }) => void {
  return ({ file, data }) => {
    const ids = new Set(helplineIds(contentDir));
    for (const [field, id] of helplineReferences(collection, data)) {
      if (!ids.has(id)) {
        throw new ContentError(
          file,
          field,
          `names the helpline "${id}", but there is no content/helplines/${id}.yaml (use one of: ${[...ids].sort().join(', ')})`,
        );
      }
    }
  };
}
