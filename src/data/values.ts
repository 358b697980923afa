/**
 * The charity's values in order, checked and sorted once per build.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { join } from 'node:path';
import { sortValues } from '../lib/values';

/** A value entry from content/values/. */
export type ValueEntry = CollectionEntry<'values'>;

let cache: Promise<ValueEntry[]> | undefined;

/** Every value, in `order`; fails the build if two share an order. */
export function getValues(): Promise<ValueEntry[]> {
  cache ??= getCollection('values').then((values) =>
    sortValues(values, (value) => join(process.cwd(), value.filePath ?? `values/${value.id}.md`)),
  );
  return cache;
}

/** Web address of a value's own page. */
export function valuePath(value: ValueEntry): string {
  return `/about/our-values/${value.id}/`;
}
