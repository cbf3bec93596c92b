import fc from 'fast-check';
import type { ZodType } from 'zod';
import { factsOf, type SchemaFacts } from './bad-input.schema-walk.ts';
import { toWireText, validValueOf } from './bad-input.valid-values.ts';

/**
 * fast-check arbitraries that break a VALID baseline at one place of its zod schema: drop a required key, add an
 * unknown one, the wrong type, a number out of range, a string too long or empty, an enum value that is not one,
 * a malformed uuid or date, an array too long or with wrong elements — plus hostile text that the schema allows
 * (NUL, lone surrogates, LIKE wildcards), since the database, not the validator, must survive those. Whether the
 * result is really invalid is not assumed: the caller asks the schema itself.
 */

/** How the location travels: JSON keeps types; a query string or a path carries only text. */
export type Wire = 'json' | 'text';

type Path = readonly (string | number)[];

export interface Mutant {
  /** Where and how the baseline was broken, e.g. `people.0.name: too long`. */
  label: string;
  input: unknown;
}

interface Change {
  kind: string;
  /** The new value at the path. */
  value: unknown;
}

interface Site {
  path: Path;
  schema: ZodType;
  facts: SchemaFacts;
  baseline: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function sitesOf(schema: ZodType, value: unknown, path: Path = []): Site[] {
  const facts = factsOf(schema);
  const sites: Site[] = [{ path, schema, facts, baseline: value }];
  const below = (inner: ZodType, innerValue: unknown, key: string | number) =>
    sites.push(...sitesOf(inner, innerValue, [...path, key]));
  if (facts.kind === 'object') {
    for (const [key, field] of Object.entries(facts.shape)) below(field, isRecord(value) ? value[key] : undefined, key);
  }
  if (facts.kind === 'array' && facts.element && Array.isArray(value) && value.length > 0) {
    below(facts.element, value[0], 0);
  }
  if (facts.kind === 'tuple' && Array.isArray(value)) {
    for (const [i, item] of facts.items.entries()) below(item, value[i], i);
  }
  if (facts.kind === 'record' && facts.valueType && isRecord(value)) {
    const first = Object.keys(value)[0];
    if (first !== undefined) below(facts.valueType, value[first], first);
  }
  return sites;
}

const SAMPLES_BY_TYPE: Record<string, unknown> = {
  string: 'x',
  number: 7,
  boolean: true,
  null: null,
  array: ['x'],
  object: { x: 1 },
};
const OWN_TYPE: Partial<Record<SchemaFacts['kind'], string>> = {
  string: 'string',
  number: 'number',
  boolean: 'boolean',
  object: 'object',
  record: 'object',
  array: 'array',
  tuple: 'array',
};

const wrongType = (facts: SchemaFacts): fc.Arbitrary<Change> =>
  fc
    .oneof(
      fc.constantFrom(...Object.entries(SAMPLES_BY_TYPE).filter(([type]) => type !== OWN_TYPE[facts.kind])),
      fc.jsonValue({ maxDepth: 2 }).map((v) => ['random json', v] as const),
    )
    .map(([type, value]) => ({ kind: `wrong type (${type})`, value }));

const FORMAT_BREAKERS: Record<string, readonly string[]> = {
  uuid: ['not-a-uuid', '0190b7a0-5e7c-7d2e-8a3b-4c5d6e7f8a9', '{0190b7a0-5e7c-7d2e-8a3b-4c5d6e7f8a9b}', '0'.repeat(32)],
  date: ['2026-02-30', '2026-13-01', '2026-3-1', '2026/03/01', '2026-03-01T00:00:00Z', '０２０２６-03-01'],
  datetime: ['2026-03-02', '2026-03-02T25:00:00Z', '2026-03-02 08:00:00', '2026-03-02T08:00:00', 'yesterday'],
  email: ['probe', 'probe@', '@example.com', 'a b@example.com'],
};

/** Characters that are valid text to zod but have hurt databases and LIKE patterns before. */
const HOSTILE_TEXT = ['\u0000', 'a\u0000b', '\ud800', '\udfff\ud800', '😀', '%', '_', '\\', "'; --", '\u202e', '\r\n'];

function stringChanges(facts: SchemaFacts): fc.Arbitrary<Change>[] {
  const changes: fc.Arbitrary<Change>[] = [];
  const { minLength = 0, maxLength } = facts;
  if (maxLength !== undefined) {
    changes.push(
      fc.integer({ min: maxLength + 1, max: maxLength + 64 }).map((n) => ({ kind: 'too long', value: 'x'.repeat(n) })),
    );
    changes.push(
      fc
        .string({ unit: 'grapheme', minLength: maxLength + 1, maxLength: maxLength + 8 })
        .map((value) => ({ kind: 'too long (unicode)', value })),
    );
  }
  if (minLength > 0) changes.push(fc.constant({ kind: 'empty', value: '' }));
  if (minLength > 1) changes.push(fc.constant({ kind: 'too short', value: 'x'.repeat(minLength - 1) }));
  if (minLength > 0 && facts.overwrites) {
    changes.push(fc.constantFrom(' ', '\t\n', '\u3000').map((value) => ({ kind: 'whitespace only', value })));
  }
  const breakers = facts.format ? FORMAT_BREAKERS[facts.format] : undefined;
  if (breakers) changes.push(fc.constantFrom(...breakers).map((value) => ({ kind: `bad ${facts.format}`, value })));
  if (facts.format || facts.pattern || facts.refined) {
    changes.push(fc.string({ maxLength: 40 }).map((value) => ({ kind: `not a ${facts.format ?? 'match'}`, value })));
  } else {
    const fit = (text: string) => text.padEnd(minLength, 'x').slice(0, maxLength ?? text.length + minLength);
    changes.push(fc.constantFrom(...HOSTILE_TEXT).map((text) => ({ kind: 'hostile text', value: fit(text) })));
    changes.push(
      fc
        .string({ unit: 'binary', minLength, maxLength: Math.max(minLength, Math.min(maxLength ?? 64, 64)) })
        .map((value) => ({ kind: 'random text', value })),
    );
  }
  return changes;
}

const TEXT_NUMBER_BREAKERS = ['abc', '', ' ', 'NaN', 'Infinity', '-Infinity', '1e309', '0x10', '1_000', '1,5', '١٢'];

function numberChanges(facts: SchemaFacts, wire: Wire): fc.Arbitrary<Change>[] {
  const edges: number[] = [1e21, -1e21, Number.MAX_SAFE_INTEGER + 2, -0];
  if (facts.min !== undefined) edges.push(facts.minInclusive ? facts.min - (facts.integer ? 1 : 1e-6) : facts.min);
  if (facts.max !== undefined) edges.push(facts.maxInclusive ? facts.max + (facts.integer ? 1 : 1e-6) : facts.max);
  if (facts.integer) edges.push((facts.min ?? 0) + 0.5);
  const changes: fc.Arbitrary<Change>[] = [
    fc.constantFrom(...edges).map((value) => ({ kind: 'out of range', value })),
    fc.double({ noNaN: true }).map((value) => ({ kind: 'random number', value })),
  ];
  if (wire === 'text') {
    changes.push(fc.constantFrom(...TEXT_NUMBER_BREAKERS).map((value) => ({ kind: 'not a number', value })));
  }
  return changes;
}

function choiceChanges(facts: SchemaFacts): fc.Arbitrary<Change>[] {
  const first = String(facts.choices[0] ?? '');
  return [
    fc
      .constantFrom(first.toUpperCase(), `${first} `, '', `${first}\u0000`)
      .map((value) => ({ kind: 'near-miss choice', value })),
    fc
      .string({ maxLength: 20 })
      .filter((s) => !facts.choices.includes(s))
      .map((value) => ({ kind: 'not a choice', value })),
  ];
}

function listChanges(site: Site): fc.Arbitrary<Change>[] {
  const { facts } = site;
  const item = facts.element ? validValueOf(facts.element) : 'x';
  const changes: fc.Arbitrary<Change>[] = [];
  if (facts.maxLength !== undefined) {
    const n = facts.maxLength;
    changes.push(
      fc.integer({ min: n + 1, max: n + 5 }).map((len) => ({ kind: 'too many items', value: Array(len).fill(item) })),
    );
  }
  if ((facts.minLength ?? 0) > 0) changes.push(fc.constant({ kind: 'too few items', value: [] }));
  if (facts.element) {
    const inner = factsOf(facts.element);
    changes.push(wrongType(inner).map((c) => ({ kind: `item ${c.kind}`, value: [c.value] })));
  }
  if (facts.kind === 'tuple') {
    const tuple = Array.isArray(site.baseline) ? site.baseline : [];
    changes.push(
      fc.constantFrom(tuple.slice(1), [...tuple, 0]).map((value) => ({ kind: 'wrong tuple length', value })),
    );
  }
  return changes;
}

function objectChanges(site: Site): fc.Arbitrary<Change>[] {
  const { facts } = site;
  const required = Object.entries(facts.shape)
    .filter(([, field]) => !factsOf(field).omittable)
    .map(([key]) => key);
  const base = isRecord(site.baseline) ? site.baseline : {};
  const changes: fc.Arbitrary<Change>[] = [];
  // A non-strict object drops unknown keys by design: only a strict one must refuse them.
  if (facts.strict) {
    changes.push(
      fc
        .tuple(fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue({ maxDepth: 1 }))
        .filter(([key]) => !(key in facts.shape) && key !== '__proto__')
        .map(([key, value]) => ({ kind: `unknown key ${JSON.stringify(key)}`, value: { ...base, [key]: value } })),
    );
  }
  if (required.length > 0) {
    changes.push(
      fc.constantFrom(...required).map((key) => {
        const rest = { ...base };
        delete rest[key];
        return { kind: `missing ${key}`, value: rest };
      }),
    );
  }
  return changes;
}

function changesAt(site: Site, wire: Wire): fc.Arbitrary<Change>[] {
  const { facts } = site;
  const changes: fc.Arbitrary<Change>[] = [];
  if (wire === 'json') {
    changes.push(wrongType(facts));
    if (!facts.nullable) changes.push(fc.constant({ kind: 'null', value: null }));
  } else if (site.path.length > 0 && facts.kind !== 'array') {
    // A URL carries only text: the one wrong type it can carry is a list, by repeating the key.
    changes.push(fc.constant({ kind: 'repeated key (array for a scalar)', value: [site.baseline, site.baseline] }));
  }
  if (facts.kind === 'string') changes.push(...stringChanges(facts));
  if (facts.kind === 'number') changes.push(...numberChanges(facts, wire));
  if (facts.kind === 'enum' || facts.kind === 'literal') changes.push(...choiceChanges(facts));
  if (facts.kind === 'array' || facts.kind === 'tuple') changes.push(...listChanges(site));
  if (facts.kind === 'object' || facts.kind === 'record') changes.push(...objectChanges(site));
  return changes;
}

/** A copy of `root` with `change` made at `path` (the path is created where it is missing). */
function applyChange(root: unknown, path: Path, change: Change): unknown {
  if (path.length === 0) return change.value;
  const copy: unknown = structuredClone(root ?? {});
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string | number, unknown>;
  }
  node[path[path.length - 1] as string | number] = change.value;
  return copy;
}

/** Query strings and paths carry text: every changed value is sent as the URL would carry it. */
function asWire(input: unknown, wire: Wire): unknown {
  if (wire === 'json') return input;
  if (!isRecord(input)) return toWireText(input) ?? '';
  return Object.fromEntries(Object.entries(input).map(([key, value]) => [key, toWireText(value) ?? '']));
}

/** A copy of `root` with `value` at `path`. */
export const replaceAt = (root: unknown, path: Path, value: unknown): unknown =>
  applyChange(root, path, { kind: 'set', value });

const pathText = (path: Path): string => (path.length === 0 ? '(whole)' : path.join('.'));

/**
 * Inputs that differ from `baseline` at one place of `schema`, labelled with the place and the kind of break;
 * undefined when the schema leaves nothing to break (a query of optional, non-strict fields has no root change).
 */
export function mutantsOf(schema: ZodType, baseline: unknown, wire: Wire): fc.Arbitrary<Mutant> | undefined {
  const sites = sitesOf(schema, baseline)
    .map((site) => ({ site, changes: changesAt(site, wire) }))
    .filter(({ changes }) => changes.length > 0);
  if (sites.length === 0) return undefined;
  return fc.constantFrom(...sites).chain(({ site, changes }) =>
    fc.oneof(...changes).map((change) => ({
      label: `${pathText(site.path)}: ${change.kind}`,
      input: asWire(applyChange(baseline, site.path, change), wire),
    })),
  );
}
