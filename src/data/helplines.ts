/**
 * The helpline registry, loaded once per build, and the settings' crisis lines resolved against
 * it. A settings or A–Z reference to an id with no file stops the build with one line.
 */
import { getCollection } from 'astro:content';
import { join } from 'node:path';
import { CONTENT_DIR, SETTINGS_FILE } from '../config';
import { ContentError } from '../lib/content-error';
import type { Helpline } from '../schemas/helplines';
import { getSettings } from './settings';

let cache: Promise<ReadonlyMap<string, Helpline>> | undefined;

/** Every helpline in content/helplines/, by id. */
export function getHelplines(): Promise<ReadonlyMap<string, Helpline>> {
  cache ??= getCollection('helplines').then(
    (entries) => new Map(entries.map((entry): [string, Helpline] => [entry.id, { ...entry.data, id: entry.id }])),
  );
  return cache;
}

/**
 * The helpline with this id. `file` and `field` say where the reference was written, for the
 * one-line error when there is no such helpline.
 */
export async function getHelpline(id: string, file = 'content/helplines/', field?: string): Promise<Helpline> {
  const helplines = await getHelplines();
  const line = helplines.get(id);
  if (!line) {
    throw new ContentError(
      file,
      field,
      `names the helpline "${id}", but there is no content/helplines/${id}.yaml (use one of: ${[...helplines.keys()].sort().join(', ')})`,
    );
  }
  return line;
}

/** The crisis lines chosen in the settings: the local line and the national ones, in order. */
export async function getCrisisLines(): Promise<{ local: Helpline; national: Helpline[] }> {
  const settings = await getSettings();
  const file = join(CONTENT_DIR, SETTINGS_FILE);
  return {
    local: await getHelpline(settings.localCrisisLine, file, 'localCrisisLine'),
    national: await Promise.all(
      settings.crisisLines.map((id, index) => getHelpline(id, file, `crisisLines.${String(index)}`)),
    ),
  };
}
