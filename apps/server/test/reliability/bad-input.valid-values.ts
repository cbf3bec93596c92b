import fc from 'fast-check';
import type { ZodType } from 'zod';
import { accepts, factsOf, type SchemaFacts } from './bad-input.schema-walk.ts';

/**
 * A VALID value for a zod schema, built from its definition, so that a probe can break one field at a time and
 * be sure the answer is about that field. Deterministic: the same schema always gives the same value. Where a
 * `.refine()` hides the rule (a grid code's check digit), the value may still fail; callers ask `accepts`.
 */

const SAMPLE_UUID = '0190b7a0-5e7c-7d2e-8a3b-4c5d6e7f8a9b';

const FORMAT_SAMPLES: Record<string, readonly string[]> = {
  uuid: [SAMPLE_UUID],
  guid: [SAMPLE_UUID],
  date: ['2026-03-02'],
  datetime: ['2026-03-02T08:00:00.000Z', '2026-03-02T08:00:00Z', '2026-03-02T08:00:00+08:00'],
  time: ['08:00:00'],
  email: ['probe@example.com'],
  url: ['https://example.com/a'],
};

/**
 * Text that passes the domain refinements zod cannot describe, tried after plain text: a resident ID with its
 * GB 11643 check digit, a 15-digit grid code (GB/T 10114 area code plus three non-zero segments).
 */
const DOMAIN_SAMPLES = ['11010519491231002X', '530102001001001'];

const clamp = (n: number, low: number, high: number): number => Math.min(Math.max(n, low), high);

function stringCandidates(facts: SchemaFacts): readonly string[] {
  const sampled = facts.format ? FORMAT_SAMPLES[facts.format] : undefined;
  if (sampled) return sampled;
  if (facts.pattern) {
    // fast-check writes strings for a regex; a fixed seed keeps the baseline the same on every run.
    return fc.sample(fc.stringMatching(facts.pattern), { numRuns: 40, seed: 7 });
  }
  const length = clamp(facts.minLength ?? 1, 1, facts.maxLength ?? 8);
  return ['甲'.repeat(length), 'x'.repeat(length), '1'.repeat(length), ...DOMAIN_SAMPLES];
}

function numberValue(facts: SchemaFacts): number {
  const step = facts.integer ? 1 : 0.5;
  let value = 1;
  if (facts.min !== undefined) value = facts.minInclusive ? facts.min : facts.min + step;
  else if (facts.max !== undefined) value = facts.maxInclusive ? facts.max : facts.max - step;
  if (facts.min !== undefined && facts.max !== undefined && value > facts.max) value = facts.max;
  if (facts.multipleOf) value = Math.ceil(value / facts.multipleOf) * facts.multipleOf;
  return facts.integer ? Math.ceil(value) : value;
}

const firstAccepted = (schema: ZodType, candidates: readonly unknown[]): unknown =>
  candidates.find((c) => accepts(schema, c)) ?? candidates[0];

/**
 * An object with every required key, plus each optional key that keeps it valid: optional keys are probes too,
 * but some objects forbid combinations (`workUnitId` xor `compoundId`), which only `accepts` knows.
 */
function objectValue(schema: ZodType, facts: SchemaFacts): Record<string, unknown> {
  const entries = Object.entries(facts.shape);
  const full = Object.fromEntries(entries.map(([key, field]) => [key, validValueOf(field)]));
  const value = Object.fromEntries(
    entries.filter(([, field]) => !factsOf(field).omittable).map(([key]) => [key, full[key]]),
  );
  if (accepts(schema, value)) {
    for (const [key] of entries) {
      if (!(key in value) && accepts(schema, { ...value, [key]: full[key] })) value[key] = full[key];
    }
    return value;
  }
  if (accepts(schema, full)) return full;
  // Some objects need one of two optional keys but not both: drop optional keys one at a time.
  const optional = entries.map(([key]) => key).filter((key) => !(key in value));
  const withoutOne = optional.map((key) => Object.fromEntries(Object.entries(full).filter(([k]) => k !== key)));
  return withoutOne.find((candidate) => accepts(schema, candidate)) ?? full;
}

function arrayValue(facts: SchemaFacts): unknown[] {
  if (!facts.element) return [];
  const length = clamp(facts.minLength ?? 1, 1, facts.maxLength ?? 1);
  return Array.from({ length }, () => validValueOf(facts.element as ZodType));
}

/** A value `schema` accepts where the definition says how to make one. */
export function validValueOf(schema: ZodType): unknown {
  const facts = factsOf(schema);
  switch (facts.kind) {
    case 'string':
      return firstAccepted(schema, stringCandidates(facts));
    case 'number':
      return numberValue(facts);
    case 'boolean':
      return true;
    case 'enum':
    case 'literal':
      return facts.choices[0];
    case 'object':
      return objectValue(facts.core, facts);
    case 'array':
      return arrayValue(facts);
    case 'tuple':
      return facts.items.map(validValueOf);
    case 'record':
      return facts.keyType && facts.valueType
        ? { [String(validValueOf(facts.keyType))]: validValueOf(facts.valueType) }
        : {};
    case 'union':
      return firstAccepted(schema, facts.options.map(validValueOf));
    case 'never':
      return undefined;
    default:
      return 'x';
  }
}

/**
 * A value as a query string or path carries it: every scalar becomes text and a list becomes a repeated key.
 * Objects have no query form here (no route nests them) and are dropped.
 */
export function toWireText(value: unknown): string | string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)));
  if (typeof value === 'object') return undefined;
  return String(value);
}

/** A whole query or params object in wire form: what Fastify hands the validator after parsing the URL. */
export function toWireObject(value: unknown): Record<string, string | string[]> {
  const wire: Record<string, string | string[]> = {};
  if (typeof value !== 'object' || value === null) return wire;
  for (const [key, field] of Object.entries(value)) {
    const text = toWireText(field);
    if (text !== undefined) wire[key] = text;
  }
  return wire;
}
