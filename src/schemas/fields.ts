/**
 * A small field builder. Each content field is declared once, here, and yields both the Zod schema
 * that Astro validates content with and the Decap CMS field that volunteer editors fill in. Nothing
 * about a field (label, hint, required-ness, limits, options, default) is written anywhere else.
 */
import type { ImageMetadata } from 'astro';
import { z } from 'astro/zod';

/** The part of Astro's schema context the builder needs (the `image()` helper). */
export interface SchemaContext {
  image: () => z.ZodType;
}

/** A field's value type: optional fields may be missing. */
type Opt<R, T> = R extends true ? T : T | undefined;

/** A Decap CMS field definition, as written into the generated `config.yml`. */
export interface CmsField {
  name: string;
  label: string;
  hint: string;
  widget: string;
  required: boolean;
  default?: unknown;
  pattern?: [string, string];
  options?: string[];
  multiple?: boolean;
  min?: number;
  max?: number;
  value_type?: 'int' | 'float';
  format?: string;
  date_format?: string | boolean;
  time_format?: string | boolean;
  picker_utc?: boolean;
  collection?: string;
  value_field?: string;
  search_fields?: string[];
  display_fields?: string[];
  fields?: CmsField[];
  summary?: string;
  allow_multiple?: boolean;
  choose_url?: boolean;
  media_library?: Record<string, unknown>;
  field?: CmsField;
  collapsed?: boolean;
}

/** One declared field: what Astro validates and what the CMS shows, from one declaration. */
export interface Field<N extends string = string, O = unknown> {
  name: N;
  required: boolean;
  default?: unknown;
  /** The Zod type for this field (already optional or defaulted where the field allows). */
  zod: (ctx: SchemaContext) => z.ZodType<O>;
  cms: CmsField;
}

/** The data type of an object made of these fields. */
export type FieldsOutput<F extends readonly Field[]> = {
  [K in F[number] as K['name']]: K extends Field<string, infer O> ? O : never;
};

/** What every field declaration says: its name, the editor's label and a hint in plain words. */
interface Base<N extends string = string, R extends boolean = boolean> {
  name: N;
  label: string;
  hint: string;
  required?: R;
}

/** Storage format for date-and-time fields; the offset keeps British Summer Time exact. */
export const DATETIME_FORMAT = 'YYYY-MM-DDTHH:mm:ssZ';
/** Storage format for date-only fields. */
export const DATE_FORMAT = 'YYYY-MM-DD';
/** How the editor's lists show a date: "20 Jan 2025" (dayjs tokens). */
export const LIST_DATE_FORMAT = 'D MMM YYYY';

/**
 * A placeholder for a CMS list summary that shows a date field as a UK date ("20 Jan 2025").
 * Decap's summary filter is `date('…')` with single quotes only: decap-cms-lib-widgets
 * stringTemplate.ts matches `/^date\('(.+)'\)$/`, so a double-quoted format is ignored and the raw
 * timestamp shown. dayjs formats in the browser's time zone, which is Europe/London for editors here.
 */
export function listDate(fieldName: string): string {
  return `{{${fieldName} | date('${LIST_DATE_FORMAT}')}}`;
}

/** A field the editor's list can sort by; `default_sort` makes it the order the list opens in. */
export interface SortableField {
  field: string;
  default_sort?: 'asc' | 'desc';
}

/**
 * The fields a CMS list can be sorted by, the first being the order it opens in (Decap 3.16:
 * `sortable_fields` items may be `{ field, default_sort }`, decap-cms-core reducers/collections.ts
 * `selectDefaultSortField`; only one item may carry `default_sort`).
 */
export function sortableFields(
  first: { field: string; direction: 'asc' | 'desc' },
  ...others: string[]
): [SortableField, ...string[]] {
  return [{ field: first.field, default_sort: first.direction }, ...others];
}

/** Storage format for times of day (24-hour clock). */
export const TIME_FORMAT = 'HH:mm';

function finish<N extends string, O>(
  base: Base<N>,
  type: (ctx: SchemaContext) => z.ZodType,
  cms: Omit<CmsField, 'name' | 'label' | 'hint' | 'required'>,
  defaultValue?: unknown,
): Field<N, O> {
  const required = base.required ?? false;
  const zod = (ctx: SchemaContext): z.ZodType<O> => {
    const t = type(ctx);
    if (required && defaultValue === undefined) return t as z.ZodType<O>;
    // An optional field left empty in the CMS (or written as `field:` in YAML) means "not set".
    const inner = defaultValue !== undefined ? t.default(defaultValue as never) : t.optional();
    return z.preprocess((value) => (value === '' || value === null ? undefined : value), inner) as z.ZodType<O>;
  };
  const cmsField: CmsField = {
    name: base.name,
    label: base.label,
    hint: base.hint,
    required: defaultValue !== undefined ? false : required,
    ...cms,
  };
  if (defaultValue !== undefined) cmsField.default = defaultValue;
  return {
    name: base.name,
    required,
    ...(defaultValue !== undefined ? { default: defaultValue } : {}),
    zod,
    cms: cmsField,
  };
}

/** A single line of text, optionally with a length limit, a pattern and a value used when left empty. */
export function text<const N extends string, R extends boolean = false>(
  base: Base<N, R> & {
    max?: number;
    min?: number;
    multiline?: boolean;
    pattern?: { regex: RegExp; message: string };
    default?: string;
  },
): Field<N, Opt<R, string>> {
  const { max, min = base.required ? 1 : 0, multiline = false, pattern } = base;
  const schema = (): z.ZodType => {
    let s = z.string().trim();
    if (min > 0) s = s.min(min, { error: min === 1 ? 'is required' : `must be at least ${min} characters` });
    if (max !== undefined)
      s = s.max(max, {
        error: (issue) => `must be ${max} characters or fewer (it has ${String((issue.input as string).length)})`,
      });
    if (pattern) s = s.regex(pattern.regex, { error: pattern.message });
    return s;
  };
  const cmsPattern: [string, string] | undefined = pattern
    ? [pattern.regex.source, pattern.message]
    : max !== undefined
      ? [`^[\\s\\S]{${min},${max}}$`, `Must be ${max} characters or fewer.`]
      : undefined;
  return finish(
    base,
    schema,
    {
      widget: multiline ? 'text' : 'string',
      ...(cmsPattern ? { pattern: cmsPattern } : {}),
    },
    base.default,
  );
}

/** A web address (https:// or http://), or a site path starting with `/`. */
export function url<const N extends string, R extends boolean = false>(base: Base<N, R>): Field<N, Opt<R, string>> {
  const regex = /^(https?:\/\/[^\s]+|\/[^\s]*)$/;
  return finish(
    base,
    () =>
      z.string().trim().regex(regex, { error: 'must be a web address starting with https:// or a path like /about/' }),
    { widget: 'string', pattern: [regex.source, 'Use a web address starting with https:// or a path like /about/.'] },
  );
}

/** An email address. */
export function email<const N extends string, R extends boolean = false>(base: Base<N, R>): Field<N, Opt<R, string>> {
  const regex = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
  return finish(base, () => z.string().trim().regex(regex, { error: 'must be an email address' }), {
    widget: 'string',
    pattern: [regex.source, 'Use an email address like name@example.org.'],
  });
}

/**
 * Text that a function checks and rewrites (a phone number read into its display form, say). The
 * function returns the value to store, or a problem in plain words; the CMS shows a plain text box
 * because a rule like this cannot be written as a pattern for the editor to check.
 */
export function normalisedText<const N extends string, R extends boolean = false>(
  base: Base<N, R> & { normalise: (value: string) => { value: string } | { problem: string } },
): Field<N, Opt<R, string>> {
  const schema = (): z.ZodType =>
    z
      .string()
      .trim()
      .transform((value, ctx) => {
        const result = base.normalise(value);
        if ('value' in result) return result.value;
        ctx.addIssue({ code: 'custom', message: result.problem });
        return z.NEVER;
      });
  return finish(base, schema, { widget: 'string' });
}

/** A UK phone number (digits and spaces, optionally starting with +44). */
export function phone<const N extends string, R extends boolean = false>(base: Base<N, R>): Field<N, Opt<R, string>> {
  const regex = /^(\+44 ?)?[0-9][0-9 ]{1,14}[0-9]$/;
  return finish(
    base,
    () => z.string().trim().regex(regex, { error: 'must be a phone number made of digits and spaces' }),
    { widget: 'string', pattern: [regex.source, 'Use digits and spaces only, like 01632 960123.'] },
  );
}

/** One choice from a fixed list (or several, with `multiple`). */
export function select<const N extends string, R extends boolean = false, M extends boolean = false>(
  base: Base<N, R> & { options: readonly string[]; multiple?: M; default?: string | string[] },
): Field<N, M extends true ? string[] : Opt<R, string>> {
  const options = [...base.options];
  const multiple = base.multiple ?? false;
  const one = (): z.ZodType =>
    z.string().refine((v) => options.includes(v), {
      error: (issue) => `"${String(issue.input)}" is not one of: ${options.join(', ')}`,
    });
  const schema = (): z.ZodType =>
    multiple ? (base.required ? z.array(one()).min(1, { error: 'choose at least one' }) : z.array(one())) : one();
  return finish(base, schema, { widget: 'select', options, ...(multiple ? { multiple: true } : {}) }, base.default);
}

/** A yes/no switch. */
export function boolean<const N extends string>(base: Base<N> & { default: boolean }): Field<N, boolean> {
  return finish(base, () => z.boolean(), { widget: 'boolean' }, base.default);
}

/** A whole number. */
export function integer<const N extends string, R extends boolean = false>(
  base: Base<N, R> & { min?: number; max?: number },
): Field<N, Opt<R, number>> {
  const schema = (): z.ZodType => {
    let s = z.number().int({ error: 'must be a whole number' });
    if (base.min !== undefined) s = s.min(base.min, { error: `must be ${base.min} or more` });
    if (base.max !== undefined) s = s.max(base.max, { error: `must be ${base.max} or less` });
    return s;
  };
  return finish(base, schema, {
    widget: 'number',
    value_type: 'int',
    ...(base.min !== undefined ? { min: base.min } : {}),
    ...(base.max !== undefined ? { max: base.max } : {}),
  });
}

/** Accepts a YAML date, or a string in the stated format, and yields a valid Date. */
function dateSchema(message: string): z.ZodType {
  // Without its own error, a missing date would read "Invalid input" (the union's default).
  const missingOrWrong = (issue: { input?: unknown }): string => (issue.input === undefined ? 'is required' : message);
  return z.union([z.date(), z.string()], { error: missingOrWrong }).transform((value, ctx) => {
    const date = value instanceof Date ? value : new Date(value);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return date;
  });
}

/** A date and time, stored with its UTC offset (e.g. 2020-05-14T10:00:00+01:00). */
export function datetime<const N extends string, R extends boolean = false>(base: Base<N, R>): Field<N, Opt<R, Date>> {
  return finish(base, () => dateSchema('is not a valid date and time (use the form 2020-05-14T10:00:00+01:00)'), {
    widget: 'datetime',
    format: DATETIME_FORMAT,
  });
}

/** A calendar date (e.g. 2026-03-12). */
export function date<const N extends string, R extends boolean = false>(base: Base<N, R>): Field<N, Opt<R, Date>> {
  return finish(base, () => dateSchema('is not a valid date (use the form 2026-03-12)'), {
    widget: 'datetime',
    format: DATE_FORMAT,
    date_format: 'D MMMM YYYY',
    time_format: false,
    picker_utc: true,
  });
}

/** A time of day on the 24-hour clock (e.g. 18:30). */
export function time<const N extends string, R extends boolean = false>(base: Base<N, R>): Field<N, Opt<R, string>> {
  const regex = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
  return finish(base, () => z.string().regex(regex, { error: 'must be a time like 18:30 (24-hour clock)' }), {
    widget: 'datetime',
    format: TIME_FORMAT,
    date_format: false,
    time_format: 'HH:mm',
  });
}

/** A list of short texts (tags, synonyms, keywords). */
export function stringList<const N extends string>(base: Base<N> & { itemMax?: number }): Field<N, string[]> {
  const max = base.itemMax ?? 80;
  const schema = (): z.ZodType =>
    z.array(
      z
        .string()
        .trim()
        .min(1, { error: 'has an empty item' })
        .max(max, { error: `has an item over ${max} characters` }),
    );
  return finish(base, schema, { widget: 'list' }, base.required ? undefined : []);
}

/** References to entries of another collection, by slug (checked across the site at build). */
export function relation<const N extends string, R extends boolean = false, M extends boolean = true>(
  base: Base<N, R> & { collection: string; multiple?: M; displayField?: string },
): Field<N, M extends true ? string[] : Opt<R, string>> {
  const multiple = base.multiple ?? true;
  // The field editors recognise an entry by in the CMS list (a helpline has a name, not a title).
  const shown = base.displayField ?? 'title';
  const slug = (): z.ZodType =>
    z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be the short name (slug) of an entry' });
  return finish(
    base,
    () => (multiple ? z.array(slug()) : slug()),
    {
      widget: 'relation',
      collection: base.collection,
      value_field: '{{slug}}',
      search_fields: [shown],
      display_fields: [shown],
      ...(multiple ? { multiple: true } : {}),
    },
    multiple && !base.required ? [] : undefined,
  );
}

/** An image file kept beside the content, optimised by Astro at build. */
export function image<const N extends string, R extends boolean = false>(
  base: Base<N, R>,
): Field<N, Opt<R, ImageMetadata>> {
  return finish(base, (ctx) => ctx.image(), {
    widget: 'image',
    choose_url: false,
  });
}

/** A group of fields stored together as one object. */
export function group<const N extends string, const F extends readonly Field[], R extends boolean = false>(
  base: Base<N, R> & { fields: F; collapsed?: boolean },
): Field<N, Opt<R, FieldsOutput<F>>> {
  return finish(base, (ctx) => objectSchema(base.fields, ctx), {
    widget: 'object',
    fields: base.fields.map((f) => f.cms),
    ...(base.collapsed ? { collapsed: true } : {}),
  });
}

/** A list of groups of fields (e.g. links with a label and a web address). */
export function groupList<const N extends string, const F extends readonly Field[]>(
  base: Base<N> & {
    fields: F;
    summary?: string;
    min?: number;
    /** A rule over each item's fields together: the field at fault and the problem, or undefined. */
    itemCheck?: (item: FieldsOutput<F>) => { field: string; problem: string } | undefined;
  },
): Field<N, FieldsOutput<F>[]> {
  const schema = (ctx: SchemaContext): z.ZodType => {
    const { itemCheck } = base;
    const item = itemCheck
      ? objectSchema(base.fields, ctx).superRefine((value, zctx) => {
          const problem = itemCheck(value);
          if (problem) zctx.addIssue({ code: 'custom', path: [problem.field], message: problem.problem });
        })
      : objectSchema(base.fields, ctx);
    const list = z.array(item as unknown as z.ZodObject);
    return base.min ? list.min(base.min, { error: `needs at least ${base.min}` }) : list;
  };
  return finish(
    base,
    schema,
    {
      widget: 'list',
      fields: base.fields.map((f) => f.cms),
      ...(base.summary ? { summary: base.summary } : {}),
      ...(base.min ? { min: base.min } : {}),
    },
    base.required ? undefined : [],
  );
}

/**
 * The Zod types of fields that do not use the schema context, made once. Astro calls a
 * collection's schema function again for every entry, to give each its own `image()`
 * (`getEntryData` in node_modules/astro/dist/content/utils.js), and making every field's Zod type
 * again each time cost about a second of a 1,000-post build. Zod types are immutable, so one can
 * sit in many objects. Only image fields (and lists or groups holding one) use the context.
 */
const contextFree = new WeakMap<Field, z.ZodType>();

/** Builds with `ctx`, noting whether the build asked it for anything (an image). */
function buildNotingContext<T>(
  ctx: SchemaContext,
  build: (ctx: SchemaContext) => T,
): { built: T; usedContext: boolean } {
  let usedContext = false;
  const built = build({
    image: () => {
      usedContext = true;
      return ctx.image();
    },
  });
  return { built, usedContext };
}

/** A field's Zod type, reused when the field did not use the context. */
function fieldType(field: Field, ctx: SchemaContext): z.ZodType {
  const kept = contextFree.get(field);
  if (kept) return kept;
  const { built, usedContext } = buildNotingContext(ctx, field.zod);
  if (!usedContext) contextFree.set(field, built);
  return built;
}

/** Builds a strict Zod object from declared fields: unknown keys are refused, not dropped. */
export function objectSchema<const F extends readonly Field[]>(
  fields: F,
  ctx: SchemaContext,
): z.ZodType<FieldsOutput<F>> {
  return z.strictObject(Object.fromEntries(fields.map((f) => [f.name, fieldType(f, ctx)]))) as unknown as z.ZodType<
    FieldsOutput<F>
  >;
}

/** The Markdown body field shown in the CMS (the body is not part of the frontmatter schema). */
export function markdownBody(base: Omit<Base, 'name'>): CmsField {
  return { name: 'body', label: base.label, hint: base.hint, widget: 'markdown', required: base.required ?? true };
}

/** A collection's declaration: its fields, plus any rule that spans several fields. */
export interface CollectionSchema<F extends readonly Field[] = readonly Field[]> {
  fields: F;
  /** Zod schema for Astro: the fields, strict, then the cross-field rules. */
  schema: (ctx: SchemaContext) => z.ZodType<FieldsOutput<F>>;
}

/** A rule over a whole entry, reported against one field. */
export interface EntryRule {
  field: string;
  message: string;
  check: (data: Record<string, unknown>) => boolean;
}

/**
 * A rule over a whole entry whose field and message depend on the entry (a schedule names the
 * date at fault): returns [field, problem], or undefined when the entry is fine.
 */
export type EntryCheck = (data: Record<string, unknown>) => [field: string, problem: string] | undefined;

/** The folder of the entry Astro is validating, during a call of `validatingIn`. */
let validatingFolder: string | undefined;

/**
 * Runs `parse` (the loader's call of Astro's `parseData` for an entry in `folder`) so that a schema
 * Astro asks for during the call can be one already made for that folder (see `defineSchema`).
 * Astro asks for it at once: `parseData` calls `getEntryData`, which calls the collection's schema
 * function before its first `await` (node_modules/astro/dist/content/content-layer.js and
 * content/utils.js). A schema asked for at any other time is made afresh.
 * @param folder The folder of the entry's file, as the path given to `parseData` names it.
 */
export function validatingIn<T>(folder: string, parse: () => T): T {
  validatingFolder = folder;
  try {
    return parse();
  } finally {
    validatingFolder = undefined;
  }
}

/** Declares a collection from its fields and cross-field rules. */
export function defineSchema<const F extends readonly Field[]>(
  fields: F,
  rules: (EntryRule | EntryCheck)[] = [],
): CollectionSchema<F> {
  /** The whole schema, once it is known that no field uses the context (see `fieldType`). */
  let contextFreeSchema: z.ZodType<FieldsOutput<F>> | undefined;
  /**
   * The whole schema for entries in one folder, when a field uses the context (an image). The
   * `image()` Astro's content layer gives each entry depends on the entry only through its file's
   * folder: it resolves a path relative to `path.dirname(entry._internal.filePath)`
   * (`getEntryData` in node_modules/astro/dist/content/utils.js). So the schema made for one entry
   * serves every entry in the same folder, and its Zod types are not made again for each post.
   */
  const byFolder = new Map<string, z.ZodType<FieldsOutput<F>>>();
  const build = (ctx: SchemaContext) =>
    objectSchema(fields, ctx).superRefine((data, zctx) => {
      for (const rule of rules) {
        const entry = data as Record<string, unknown>;
        if (typeof rule === 'function') {
          const problem = rule(entry);
          if (problem) zctx.addIssue({ code: 'custom', path: [problem[0]], message: problem[1] });
        } else if (!rule.check(entry)) {
          zctx.addIssue({ code: 'custom', path: [rule.field], message: rule.message });
        }
      }
    });
  return {
    fields,
    schema: (ctx) => {
      if (contextFreeSchema) return contextFreeSchema;
      const folder = validatingFolder;
      const kept = folder === undefined ? undefined : byFolder.get(folder);
      if (kept) return kept;
      const { built, usedContext } = buildNotingContext(ctx, build);
      if (!usedContext) contextFreeSchema = built;
      else if (folder !== undefined) byFolder.set(folder, built);
      return built;
    },
  };
}
