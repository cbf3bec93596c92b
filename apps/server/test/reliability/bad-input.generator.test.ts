import { CompoundListQuerySchema, CreateCompoundBodySchema, IdParamsSchema, PhoneSchema } from '@linli/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { z } from 'zod';
import { type Mutant, mutantsOf, type Wire } from './bad-input.invalid-values.ts';
import { type Probe, refusalReason } from './bad-input.probe.ts';
import type { ProbedRoute } from './bad-input.route-table.ts';
import { accepts } from './bad-input.schema-walk.ts';
import { toWireObject, validValueOf } from './bad-input.valid-values.ts';

const sampleMutants = (schema: ZodType, baseline: unknown, wire: Wire, numRuns: number): Mutant[] => {
  const mutants = mutantsOf(schema, baseline, wire);
  return mutants ? fc.sample(mutants, { numRuns, seed: 42 }) : [];
};

/**
 * The bad-input generator itself: its baselines must be valid (or a broken field proves nothing), its mutants
 * must mostly be invalid and cover each kind of break, and the refusal it predicts must follow the schema.
 */
describe('bad-input generator', () => {
  it('builds a valid value for strings, formats, numbers, enums, lists, unions and refinements', () => {
    const schemas = [
      CreateCompoundBodySchema,
      CompoundListQuerySchema,
      IdParamsSchema,
      PhoneSchema,
      z.object({ day: z.iso.date(), at: z.iso.datetime(), id: z.uuid() }).strict(),
      z.object({ n: z.number().int().min(5).max(7), share: z.number().gt(0).lt(1), step: z.number().multipleOf(5) }),
      z.object({ tags: z.array(z.string().max(3)).min(2).max(4), pair: z.tuple([z.number(), z.string()]) }),
      z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('a'), a: z.string() }),
        z.object({ kind: z.literal('b') }),
      ]),
      z.object({ note: z.string().nullable().optional(), limit: z.coerce.number().default(20) }),
      z.record(z.string().max(10), z.boolean()),
      z
        .object({ workUnitId: z.uuid().optional(), compoundId: z.uuid().optional() })
        .refine((q) => (q.workUnitId === undefined) !== (q.compoundId === undefined)),
      z.object({ idNumber: z.string().refine((v) => /^\d{17}[\dX]$/.test(v)) }),
    ];
    expect(schemas.flatMap((schema, i) => (accepts(schema, validValueOf(schema)) ? [] : [i]))).toEqual([]);
  });

  it('breaks a valid body in ways the schema refuses: missing keys, unknown keys, wrong types, bad formats, lengths', () => {
    const baseline = validValueOf(CreateCompoundBodySchema);
    const mutants = sampleMutants(CreateCompoundBodySchema, baseline, 'json', 400);
    const refused = mutants.filter((m) => !accepts(CreateCompoundBodySchema, m.input));
    // Hostile-but-valid text and `-0` are meant to pass: they probe the database, not the validator.
    expect(refused.length / mutants.length).toBeGreaterThan(0.8);
    const labels = refused.map((m) => m.label).join('\n');
    for (const kind of ['missing name', 'unknown key', 'wrong type', 'too long', 'empty', 'bad uuid', 'out of range']) {
      expect(labels).toContain(kind);
    }
  });

  it('keeps query mutants in wire form: text, or a list of text for a repeated key', () => {
    const baseline = toWireObject(validValueOf(CompoundListQuerySchema));
    expect(accepts(CompoundListQuerySchema, baseline)).toBe(true);
    const mutants = sampleMutants(CompoundListQuerySchema, baseline, 'text', 200);
    const isText = (v: unknown) => typeof v === 'string' || (Array.isArray(v) && v.every((i) => typeof i === 'string'));
    const isWire = (input: unknown) =>
      isText(input) || (typeof input === 'object' && input !== null && Object.values(input).every(isText));
    expect(mutants.filter((m) => !isWire(m.input))).toEqual([]);
    expect(mutants.filter((m) => !accepts(CompoundListQuerySchema, m.input)).length).toBeGreaterThan(150);
  });

  it('predicts a refusal from the very schema the route validates with, and from broken framing', () => {
    const route: ProbedRoute = {
      key: 'POST /x/:id',
      method: 'POST',
      url: '/x/:id',
      paramNames: ['id'],
      body: z.object({ name: z.string().max(3) }).strict(),
      params: IdParamsSchema,
      open311: false,
      multipart: false,
      rateLimited: false,
      idempotency: false,
      takesBody: true,
      caller: 'county_admin',
    };
    const probe = (payload: string, id = '0190b7a0-5e7c-7d2e-8a3b-4c5d6e7f8a9b', framing?: string): Probe => ({
      name: 'p',
      pathParams: { id },
      query: '',
      payload,
      headers: { 'content-type': 'application/json' },
      ...(framing ? { framing } : {}),
    });
    expect(refusalReason(route, probe('{"name":"abc"}'))).toBeUndefined();
    expect(refusalReason(route, probe('{"name":"abcd"}'))).toBe('body refused by schema');
    expect(refusalReason(route, probe('{"name":"abc"}', '%FF'))).toBe('params refused by schema');
    expect(refusalReason(route, probe('{"name":"abc"}', undefined, 'a wrong Content-Length'))).toBe(
      'a wrong Content-Length',
    );
  });
});
