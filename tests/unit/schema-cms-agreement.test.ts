/**
 * The schema Astro validates with and the field list the CMS shows come from one declaration.
 * These tests prove they agree for every collection, so an editor can never save something the
 * build will refuse because the two drifted apart.
 */
import { describe, expect, it } from 'vitest';
import type { CmsField, Field } from '../../src/schemas/fields';
import { allSchemas, zodFor } from '../support/schemas';

/** Every field, nested ones included, with its dotted path. */
function flatten(fields: readonly Field[], prefix = ''): { path: string; field: Field }[] {
  return fields.flatMap((field) => [{ path: prefix + field.name, field }]);
}

function zodShape(
  schema: unknown,
): Record<string, { safeParse: (v: unknown) => { success: boolean; data?: unknown } }> {
  return (schema as { shape: Record<string, never> }).shape;
}

for (const [name, declaration] of Object.entries(allSchemas())) {
  describe(`${name}: schema and CMS agree`, () => {
    const zod = zodFor(declaration);
    const shape = zodShape(zod);
    const cmsFields: CmsField[] = declaration.fields.map((f) => f.cms);

    it('has the same field names in the same order', () => {
      expect(cmsFields.map((f) => f.name)).toEqual(Object.keys(shape));
    });

    for (const { path, field } of flatten(declaration.fields)) {
      const cms = field.cms;
      const zodField = shape[field.name];

      it(`${path}: has a label and a hint for editors`, () => {
        expect(cms.label.length).toBeGreaterThan(1);
        expect(cms.hint.length).toBeGreaterThan(10);
      });

      if (cms.widget === 'image') continue; // Astro's image() needs a real file; covered by the build tests.

      it(`${path}: required in the CMS exactly when the schema needs a value`, () => {
        const acceptsMissing = zodField?.safeParse(undefined).success;
        expect(cms.required).toBe(!acceptsMissing);
      });

      if (cms.default !== undefined) {
        it(`${path}: default is the same in both`, () => {
          expect(zodField?.safeParse(undefined).data).toEqual(cms.default);
        });
      }

      if (cms.options) {
        it(`${path}: accepts exactly the CMS options`, () => {
          const wrap = (v: string) => (cms.multiple ? [v] : v);
          for (const option of cms.options ?? []) expect(zodField?.safeParse(wrap(option)).success).toBe(true);
          expect(zodField?.safeParse(wrap('Not an option')).success).toBe(false);
        });
      }

      if (cms.pattern && (cms.widget === 'string' || cms.widget === 'text')) {
        it(`${path}: the CMS pattern and the schema accept and refuse the same samples`, () => {
          const regex = new RegExp(cms.pattern?.[0] ?? '');
          const samples = [
            '',
            'x',
            'a'.repeat(81),
            'a'.repeat(121),
            'a'.repeat(161),
            'a'.repeat(201),
            'a'.repeat(301),
            'https://example.org/',
            '/about/',
            'hello@example.org',
            '01632 960123',
            '116 123',
            '1234567',
            '12345',
            '85258',
            'SHOUT',
            'not a url',
          ];
          // Decap does not apply a pattern to an optional field left empty, and neither does the schema.
          for (const sample of cms.required ? samples : samples.filter(Boolean)) {
            expect(zodField?.safeParse(sample).success, `sample "${sample.slice(0, 20)}…"`).toBe(regex.test(sample));
          }
        });
      }
    }
  });
}
