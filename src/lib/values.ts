/**
 * The charity's values, in the order editors set. Two values with the same `order` would make the
 * order a guess, so that stops the build, naming the file.
 */
import { ContentError, displayPath } from './content-error';

/** What the check needs from a value entry (Astro's collection entries fit). */
export interface ValueLike {
  id: string;
  data: { order: number; title: string };
}

/**
 * Values sorted by `order`. Throws a one-line ContentError naming the second file (by name) of
 * any pair that share an order, and the file it clashes with.
 */
export function sortValues<T extends ValueLike>(values: readonly T[], fileOf: (value: T) => string): T[] {
  const sorted = [...values].sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
  sorted.forEach((value, index) => {
    const previous = sorted[index - 1];
    if (previous && previous.data.order === value.data.order) {
      throw new ContentError(
        fileOf(value),
        'order',
        `is ${String(value.data.order)}, the same as ${displayPath(fileOf(previous))} (each value needs its own number)`,
      );
    }
  });
  return sorted;
}
