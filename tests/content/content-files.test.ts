/**
 * Every file in content/ passes its collection's schema, checked the way the build checks it
 * (lists from the real settings file), and every hero image it names is on disk.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSiteLists } from '../../src/content/site-lists';
import { ROOT } from '../support/build';
import { readData as dataOf } from '../support/frontmatter';
import { allSchemas, zodFor } from '../support/schemas';

const CONTENT = join(ROOT, 'content');
const schemas = allSchemas(readSiteLists(CONTENT, 'settings/site.yaml'));

/** Files the build loads: Markdown (and the settings YAML), not those starting with "_". */
function filesOf(collection: string): string[] {
  const folder = join(CONTENT, collection);
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(md|mdx|yaml)$/.test(file) && !file.split('/').some((part) => part.startsWith('_')))
    .sort();
}

it('finds content to check', () => {
  expect(filesOf('news').length + filesOf('pages').length).toBeGreaterThan(5);
  expect(filesOf('settings')).toEqual(['site.yaml']);
});

// A collection whose folder does not exist yet (the A–Z before its topics are written) is skipped.
for (const [collection, schema] of Object.entries(schemas).filter(([name]) => filesOf(name).length > 0)) {
  describe(collection, () => {
    const zod = zodFor(schema);
    for (const name of filesOf(collection)) {
      it(`content/${collection}/${name} passes its schema`, () => {
        const file = join(CONTENT, collection, name);
        const result = zod.safeParse(dataOf(file));
        const issue = result.error?.issues[0];
        expect(issue ? `${issue.path.join('.')}: ${issue.message}` : undefined).toBeUndefined();
        const image = (result.data as { image?: unknown } | undefined)?.image;
        if (typeof image === 'string') expect(existsSync(join(dirname(file), image)), image).toBe(true);
      });
    }
  });
}
