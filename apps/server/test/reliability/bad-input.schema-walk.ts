import type { ZodType } from 'zod';

/**
 * Reads zod 4's schema definitions (`schema._zod.def`) for the bad-input probes. zod exports no walker, so this
 * names the few fields the probes need; everything else in a definition is ignored.
 */

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  length?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}

interface SchemaDef {
  type: string;
  format?: string;
  pattern?: RegExp;
  shape?: Record<string, ZodType>;
  catchall?: ZodType;
  innerType?: ZodType;
  element?: ZodType;
  in?: ZodType;
  options?: readonly ZodType[];
  items?: readonly ZodType[];
  keyType?: ZodType;
  valueType?: ZodType;
  entries?: Record<string, string | number>;
  values?: readonly unknown[];
  checks?: readonly { _zod: { def: CheckDef } }[];
}

/** A route's `schema.body` (etc.) is typed `unknown` by Fastify: only zod schemas are walked. */
export const isZodSchema = (value: unknown): value is ZodType =>
  typeof value === 'object' && value !== null && '_zod' in value && 'safeParse' in value;

const defOf = (schema: ZodType): SchemaDef => schema._zod.def as unknown as SchemaDef;

/** Whether `value` is what the schema accepts, exactly as the server's validator decides it. */
export const accepts = (schema: ZodType, value: unknown): boolean => schema.safeParse(value).success;

type SchemaKind =
  | 'string'
  | 'number'
  | 'boolean'
  | 'enum'
  | 'literal'
  | 'object'
  | 'array'
  | 'tuple'
  | 'record'
  | 'union'
  | 'unknown'
  | 'never';

/** What a client must send at one place of a schema, with the wrappers (optional, default, pipe…) peeled off. */
export interface SchemaFacts {
  kind: SchemaKind;
  /** The innermost schema, whose definition these facts describe. */
  core: ZodType;
  /** The field may be left out (optional or defaulted). */
  omittable: boolean;
  nullable: boolean;
  minLength?: number;
  maxLength?: number;
  /** `uuid`, `date`, `datetime`, `email`, `regex`… */
  format?: string;
  pattern?: RegExp;
  /** `.trim()` and friends: whitespace may collapse to nothing before the length checks. */
  overwrites: boolean;
  /** A `.refine()`: the value must also pass code the probes cannot read. */
  refined: boolean;
  min?: number;
  minInclusive: boolean;
  max?: number;
  maxInclusive: boolean;
  integer: boolean;
  multipleOf?: number;
  /** Enum members or literal values. */
  choices: readonly unknown[];
  shape: Record<string, ZodType>;
  strict: boolean;
  element?: ZodType;
  items: readonly ZodType[];
  options: readonly ZodType[];
  keyType?: ZodType;
  valueType?: ZodType;
}

const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'catch', 'readonly', 'nonoptional']);
const KINDS: Record<string, SchemaKind> = {
  string: 'string',
  number: 'number',
  int: 'number',
  boolean: 'boolean',
  enum: 'enum',
  literal: 'literal',
  object: 'object',
  array: 'array',
  tuple: 'tuple',
  record: 'record',
  union: 'union',
  never: 'never',
};

/** The schema a client's value meets first: wrappers peeled, and a pipe's input side (what is sent, not made). */
function peel(schema: ZodType): ZodType {
  let core = schema;
  for (;;) {
    const def = defOf(core);
    if (def.type === 'pipe' && def.in) core = def.in;
    else if (def.type === 'lazy') core = (def as unknown as { getter: () => ZodType }).getter();
    else if (WRAPPERS.has(def.type) && def.innerType) core = def.innerType;
    else return core;
  }
}

function applyCheck(facts: SchemaFacts, check: CheckDef): void {
  if (check.check === 'min_length') facts.minLength = check.minimum;
  if (check.check === 'max_length') facts.maxLength = check.maximum;
  if (check.check === 'length_equals') {
    facts.minLength = check.length;
    facts.maxLength = check.length;
  }
  if (check.check === 'string_format') {
    facts.format = check.format;
    facts.pattern = check.pattern;
  }
  if (check.check === 'overwrite') facts.overwrites = true;
  if (check.check === 'custom') facts.refined = true;
  if (check.check === 'greater_than') {
    facts.min = check.value;
    facts.minInclusive = check.inclusive === true;
  }
  if (check.check === 'less_than') {
    facts.max = check.value;
    facts.maxInclusive = check.inclusive === true;
  }
  if (check.check === 'number_format') facts.integer = true;
  if (check.check === 'multiple_of') facts.multipleOf = check.value;
}

/** The facts of one schema position; unknown definition types read as `unknown` (anything goes there). */
export function factsOf(schema: ZodType): SchemaFacts {
  const core = peel(schema);
  const def = defOf(core);
  const facts: SchemaFacts = {
    kind: KINDS[def.type] ?? 'unknown',
    core,
    omittable: accepts(schema, undefined),
    nullable: accepts(schema, null),
    overwrites: false,
    refined: false,
    minInclusive: true,
    maxInclusive: true,
    integer: def.type === 'int',
    choices: def.entries ? Object.values(def.entries) : (def.values ?? []),
    shape: def.shape ?? {},
    strict: def.catchall !== undefined && defOf(def.catchall).type === 'never',
    items: def.items ?? [],
    options: def.options ?? [],
    ...(def.element ? { element: def.element } : {}),
    ...(def.keyType ? { keyType: def.keyType } : {}),
    ...(def.valueType ? { valueType: def.valueType } : {}),
  };
  // A format schema (`z.uuid()`, `z.iso.date()`) carries its format on its own definition, not as a check.
  if (def.format)
    applyCheck(facts, { check: 'string_format', format: def.format, ...(def.pattern ? { pattern: def.pattern } : {}) });
  for (const check of def.checks ?? []) applyCheck(facts, check._zod.def);
  return facts;
}
