import { z } from 'zod';
import { AbilitiesSchema, IdSchema, LocationSchema, nameText, PhoneSchema, TimestampSchema } from './common.ts';

export const ROLLOUT_STAGES = ['pilot', 'validation', 'rollout'] as const;
export const RolloutStageSchema = z.enum(ROLLOUT_STAGES);
export type RolloutStage = z.infer<typeof RolloutStageSchema>;

export const CompoundSchema = z.object({
  id: IdSchema,
  name: z.string(),
  /** The community (or town) Party organisation the compound belongs to. */
  orgId: IdSchema,
  orgName: z.string(),
  townName: z.string().nullable(),
  address: z.string(),
  householdCount: z.number().int(),
  buildingCount: z.number().int(),
  rolloutStage: RolloutStageSchema,
  location: LocationSchema.nullable(),
  branchOrgId: IdSchema.nullable(),
  createdAt: TimestampSchema,
  version: z.number().int(),
});
export type Compound = z.infer<typeof CompoundSchema>;

export const CompoundListQuerySchema = z.object({
  q: z.string().trim().max(50).optional(),
  orgId: IdSchema.optional(),
  rolloutStage: RolloutStageSchema.optional(),
  hasBranch: z.enum(['true', 'false']).optional(),
  sort: z.enum(['name', 'createdAt', 'householdCount']).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export type CompoundListQuery = z.infer<typeof CompoundListQuerySchema>;
/** `GET /compounds/export`: the list filters and sort, without paging (the file holds every row in scope). */
export const CompoundExportQuerySchema = CompoundListQuerySchema.omit({ cursor: true, limit: true });
export type CompoundExportQuery = z.infer<typeof CompoundExportQuerySchema>;

export const COMPOUND_PARTY_KINDS = [
  'branch',
  'owners_committee',
  'supervisory_committee',
  'property_company',
] as const;
export const CompoundPartyKindSchema = z.enum(COMPOUND_PARTY_KINDS);
export type CompoundPartyKind = z.infer<typeof CompoundPartyKindSchema>;

/**
 * A person on a compound party. When editing, `id` names a person already on the party: a missing `phone` then
 * keeps the stored number (the client only ever sees it masked), and `phone: null` clears it.
 */
export const PartyPersonInputSchema = z
  .object({
    id: IdSchema.optional(),
    name: nameText(40),
    position: nameText(40),
    phone: PhoneSchema.nullable().optional(),
  })
  .strict();
export const CompoundPartyInputSchema = z
  .object({
    kind: CompoundPartyKindSchema,
    name: nameText(100),
    people: z.array(PartyPersonInputSchema).max(50).default([]),
  })
  .strict();
export type CompoundPartyInput = z.infer<typeof CompoundPartyInputSchema>;
/** `PUT /compounds/:id/parties/:kind` replaces that party's name and people; `If-Match: "v0"` creates it. */
export const ReplaceCompoundPartyBodySchema = CompoundPartyInputSchema.omit({ kind: true }).strict();
export type ReplaceCompoundPartyBody = z.infer<typeof ReplaceCompoundPartyBodySchema>;
export const CompoundPartyParamsSchema = z.object({ id: IdSchema, kind: CompoundPartyKindSchema }).strict();

export const CreateCompoundBodySchema = z
  .object({
    name: nameText(80),
    orgId: IdSchema,
    address: nameText(200),
    householdCount: z.number().int().min(0).max(100000),
    buildingCount: z.number().int().min(0).max(1000),
    rolloutStage: RolloutStageSchema,
    location: LocationSchema.optional(),
    /** Creating the four parties with the compound; a `branch` party also creates the branch org node. */
    parties: z.array(CompoundPartyInputSchema).max(4).default([]),
  })
  .strict();
export type CreateCompoundBody = z.infer<typeof CreateCompoundBodySchema>;

/** `location: null` clears the map point. */
export const UpdateCompoundBodySchema = CreateCompoundBodySchema.omit({ parties: true, orgId: true })
  .partial()
  .extend({ location: LocationSchema.nullable().optional() })
  .strict();

export const PartyPersonSchema = z.object({
  id: IdSchema,
  name: z.string(),
  position: z.string(),
  phoneMasked: z.string().nullable(),
  /** Other parties of the same compound this person also sits on (交叉任职). */
  alsoIn: z.array(CompoundPartyKindSchema),
});
export const CompoundPartySchema = z.object({
  id: IdSchema,
  compoundId: IdSchema,
  kind: CompoundPartyKindSchema,
  name: z.string(),
  orgId: IdSchema.nullable(),
  people: z.array(PartyPersonSchema),
  version: z.number().int(),
});
export type CompoundParty = z.infer<typeof CompoundPartySchema>;

export const CompoundDetailSchema = CompoundSchema.extend({
  parties: z.array(CompoundPartySchema),
  gridCount: z.number().int(),
  venueCount: z.number().int(),
  abilities: AbilitiesSchema,
});
export type CompoundDetail = z.infer<typeof CompoundDetailSchema>;
