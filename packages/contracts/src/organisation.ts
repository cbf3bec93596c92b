import { z } from 'zod';
import {
  AbilitiesSchema,
  DateOnlySchema,
  IdSchema,
  LocationSchema,
  nameText,
  optionalText,
  PhoneSchema,
  TimestampSchema,
} from './common.ts';

// ---------- Org tree ----------

export const ORG_KINDS = [
  'county_committee',
  'organization_department',
  'party_committee',
  'working_committee',
  'general_branch',
  'branch',
  'party_group',
] as const;
export const OrgKindSchema = z.enum(ORG_KINDS);
export type OrgKind = z.infer<typeof OrgKindSchema>;

/** `organ`: a county government organ's Party organisation (can hold duty zones, 包联 compounds). */
export const OrgSectorSchema = z.enum(['organ', 'community', 'compound', 'enterprise', 'other']);
export type OrgSector = z.infer<typeof OrgSectorSchema>;

export const OrgUnitSchema = z.object({
  id: IdSchema,
  parentId: IdSchema.nullable(),
  kind: OrgKindSchema,
  sector: OrgSectorSchema,
  name: z.string(),
  compoundId: IdSchema.nullable(),
  sortOrder: z.number().int(),
  childCount: z.number().int(),
  version: z.number().int(),
});
export type OrgUnit = z.infer<typeof OrgUnitSchema>;
export const OrgUnitDetailSchema = OrgUnitSchema.extend({
  ancestors: z.array(z.object({ id: IdSchema, name: z.string(), kind: OrgKindSchema })),
  abilities: AbilitiesSchema,
});

export const OrgTreeQuerySchema = z.object({ parentId: IdSchema.optional() }).strict();
/** `GET /org-units`: the children of one node (or the caller's scope roots), unpaged — a tree level is small. */
export const OrgUnitListSchema = z.object({ items: z.array(OrgUnitSchema) });

export const CreateOrgUnitBodySchema = z
  .object({
    parentId: IdSchema,
    kind: OrgKindSchema,
    sector: OrgSectorSchema,
    name: nameText(80),
    compoundId: IdSchema.optional(),
    sortOrder: z.number().int().min(0).max(100000).optional(),
  })
  .strict();
export type CreateOrgUnitBody = z.infer<typeof CreateOrgUnitBodySchema>;

export const UpdateOrgUnitBodySchema = z
  .object({
    name: nameText(80).optional(),
    sector: OrgSectorSchema.optional(),
    sortOrder: z.number().int().min(0).max(100000).optional(),
  })
  .strict();
export const MoveOrgUnitBodySchema = z.object({ newParentId: IdSchema }).strict();

/**
 * The abilities of an object whose only next step is an edit (grids, duty zones, partner units, venues, terms):
 * `update` is true when the caller holds the object's write permission over it, the scope check its PATCH makes.
 */
export const UpdateAbilitiesSchema = z.object({ update: z.boolean() });
export type UpdateAbilities = z.infer<typeof UpdateAbilitiesSchema>;

// ---------- Compounds ----------

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

// ---------- Grids ----------

/**
 * 15-digit grid code: 6-digit GB/T 2260 area code + 3-digit street + 3-digit community + 3-digit sequence.
 * No segment after the area code may be 000.
 */
export const isValidGridCode = (code: string): boolean => {
  if (!/^\d{15}$/.test(code)) return false;
  const province = Number(code.slice(0, 2));
  const provinceOk = (province >= 11 && province <= 65) || province === 71 || province === 81 || province === 82;
  const segments = [code.slice(6, 9), code.slice(9, 12), code.slice(12, 15)];
  return provinceOk && code.slice(2, 6) !== '0000' && segments.every((s) => s !== '000');
};
export const GridCodeSchema = z.string().refine(isValidGridCode, { message: 'gridCode' });

export const GridSchema = z.object({
  id: IdSchema,
  code: z.string(),
  name: z.string(),
  orgId: IdSchema,
  orgName: z.string(),
  compoundId: IdSchema.nullable(),
  compoundName: z.string().nullable(),
  workers: z.array(z.object({ userId: IdSchema, displayName: z.string() })),
  version: z.number().int(),
});
export type Grid = z.infer<typeof GridSchema>;
export const GridListQuerySchema = z.object({
  q: z.string().trim().max(50).optional(),
  orgId: IdSchema.optional(),
  compoundId: IdSchema.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export const CreateGridBodySchema = z
  .object({ code: GridCodeSchema, name: nameText(80), orgId: IdSchema, compoundId: IdSchema.optional() })
  .strict();
export const UpdateGridBodySchema = z
  .object({ name: nameText(80).optional(), compoundId: IdSchema.nullable().optional() })
  .strict();
/** `GET /grids/:id` and the PATCH answer: the grid with what the caller may do next with it. */
export const GridDetailSchema = GridSchema.extend({ abilities: UpdateAbilitiesSchema });
export type GridDetail = z.infer<typeof GridDetailSchema>;

// ---------- Duty zones ----------

export const DutyZoneKindSchema = z.enum(['river', 'street']);
/** Optional GeoJSON geometry: a line along a river or street, or an area. */
export const GeometrySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('LineString'),
    coordinates: z
      .array(z.tuple([z.number(), z.number()]))
      .min(2)
      .max(5000),
  }),
  z.object({
    type: z.literal('Polygon'),
    coordinates: z
      .array(
        z
          .array(z.tuple([z.number(), z.number()]))
          .min(4)
          .max(5000),
      )
      .min(1)
      .max(20),
  }),
]);
export const DutyZoneSchema = z.object({
  id: IdSchema,
  kind: DutyZoneKindSchema,
  name: z.string(),
  description: z.string().nullable(),
  holderOrgId: IdSchema,
  holderOrgName: z.string(),
  geometry: GeometrySchema.nullable(),
  version: z.number().int(),
});
export type DutyZone = z.infer<typeof DutyZoneSchema>;
export const DutyZoneListQuerySchema = z.object({
  kind: DutyZoneKindSchema.optional(),
  holderOrgId: IdSchema.optional(),
  q: z.string().trim().max(50).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export const CreateDutyZoneBodySchema = z
  .object({
    kind: DutyZoneKindSchema,
    name: nameText(80),
    description: optionalText(500),
    holderOrgId: IdSchema,
    geometry: GeometrySchema.optional(),
  })
  .strict();
/** `PATCH /duty-zones/:id`: a new holder must again be an organ Party organisation; `description: ''` clears it. */
export const UpdateDutyZoneBodySchema = z
  .object({
    kind: DutyZoneKindSchema.optional(),
    name: nameText(80).optional(),
    description: optionalText(500),
    holderOrgId: IdSchema.optional(),
  })
  .strict();
export const DutyZoneDetailSchema = DutyZoneSchema.extend({ abilities: UpdateAbilitiesSchema });
export type DutyZoneDetail = z.infer<typeof DutyZoneDetailSchema>;

// ---------- Partner units ----------

export const PartnerUnitSchema = z.object({
  id: IdSchema,
  name: z.string(),
  contactName: z.string().nullable(),
  contactPhoneMasked: z.string().nullable(),
  resources: z.string().nullable(),
  compoundIds: z.array(IdSchema),
  version: z.number().int(),
});
export const PartnerUnitListQuerySchema = z.object({
  q: z.string().trim().max(50).optional(),
  compoundId: IdSchema.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export const CreatePartnerUnitBodySchema = z
  .object({
    name: nameText(100),
    contactName: nameText(40).optional(),
    contactPhone: PhoneSchema.optional(),
    resources: optionalText(1000),
    compoundIds: z.array(IdSchema).max(100).default([]),
    /** The registering organisation (scope follows it); defaults to the caller's first org-write scope. */
    orgId: IdSchema.optional(),
  })
  .strict();
/**
 * `PATCH /partner-units/:id`: `null` clears the contact name or phone, `resources: ''` clears the resources;
 * `compoundIds` replaces the linked compounds (each one added or removed must be in the caller's scope).
 */
export const UpdatePartnerUnitBodySchema = z
  .object({
    name: nameText(100).optional(),
    contactName: nameText(40).nullable().optional(),
    contactPhone: PhoneSchema.nullable().optional(),
    resources: optionalText(1000),
    compoundIds: z.array(IdSchema).max(100).optional(),
  })
  .strict();
export const PartnerUnitDetailSchema = PartnerUnitSchema.extend({ abilities: UpdateAbilitiesSchema });
export type PartnerUnitDetail = z.infer<typeof PartnerUnitDetailSchema>;

// ---------- Venues ----------

export const VenueSchema = z.object({
  id: IdSchema,
  compoundId: IdSchema,
  compoundName: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  areaSqm: z.number().int(),
  equipment: z.array(z.string()),
  version: z.number().int(),
});
export const VenueListQuerySchema = z.object({
  compoundId: IdSchema.optional(),
  q: z.string().trim().max(50).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export const CreateVenueBodySchema = z
  .object({
    compoundId: IdSchema,
    name: nameText(80),
    address: optionalText(200),
    areaSqm: z.number().int().min(1).max(100000),
    equipment: z.array(nameText(40)).max(50).default([]),
  })
  .strict();
/** `PATCH /venues/:id`: the venue stays in its compound; `address: ''` clears it, `equipment` replaces the list. */
export const UpdateVenueBodySchema = z
  .object({
    name: nameText(80).optional(),
    address: optionalText(200),
    areaSqm: z.number().int().min(1).max(100000).optional(),
    equipment: z.array(nameText(40)).max(50).optional(),
  })
  .strict();
export const VenueDetailSchema = VenueSchema.extend({ abilities: UpdateAbilitiesSchema });
export type VenueDetail = z.infer<typeof VenueDetailSchema>;

// ---------- Branch committee terms ----------

export const TERM_POSITIONS = ['secretary', 'deputy_secretary', 'organization', 'propaganda', 'discipline'] as const;
export const TermPositionSchema = z.enum(TERM_POSITIONS);
export const TermMemberInputSchema = z.object({ name: nameText(40), position: TermPositionSchema }).strict();
export const BranchTermSchema = z.object({
  id: IdSchema,
  branchOrgId: IdSchema,
  branchName: z.string(),
  electedOn: DateOnlySchema,
  startsOn: DateOnlySchema,
  endsOn: DateOnlySchema,
  members: z.array(z.object({ id: IdSchema, name: z.string(), position: TermPositionSchema })),
  version: z.number().int(),
});
/** `abilities.update`: the caller holds `org.write` over the term's branch, where terms are recorded. */
export const BranchTermDetailSchema = BranchTermSchema.extend({ abilities: UpdateAbilitiesSchema });
export type BranchTermDetail = z.infer<typeof BranchTermDetailSchema>;
export const BranchTermListQuerySchema = z.object({
  branchOrgId: IdSchema.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export const CreateBranchTermBodySchema = z
  .object({
    branchOrgId: IdSchema,
    electedOn: DateOnlySchema,
    startsOn: DateOnlySchema,
    endsOn: DateOnlySchema,
    members: z.array(TermMemberInputSchema).min(1).max(15),
  })
  .strict()
  .refine((t) => t.startsOn <= t.endsOn, { message: 'termDates', path: ['endsOn'] })
  .refine((t) => t.members.filter((m) => m.position === 'secretary').length === 1, {
    message: 'termSecretary',
    path: ['members'],
  });

/** Corrects a recorded term: dates and, when given, the whole member list (still exactly one secretary). */
export const UpdateBranchTermBodySchema = z
  .object({
    electedOn: DateOnlySchema.optional(),
    startsOn: DateOnlySchema.optional(),
    endsOn: DateOnlySchema.optional(),
    members: z.array(TermMemberInputSchema).min(1).max(15).optional(),
  })
  .strict()
  .refine((t) => !t.startsOn || !t.endsOn || t.startsOn <= t.endsOn, { message: 'termDates', path: ['endsOn'] })
  .refine((t) => !t.members || t.members.filter((m) => m.position === 'secretary').length === 1, {
    message: 'termSecretary',
    path: ['members'],
  });
export type UpdateBranchTermBody = z.infer<typeof UpdateBranchTermBodySchema>;

// ---------- Coverage ----------

export const CoverageQuerySchema = z.object({ orgId: IdSchema.optional() }).strict();
/**
 * `orgId`/`orgName`: the org node the figure is about — for a compound- or grid-scoped caller by default, the
 * compound's community (or town) node. `scopeName` says in words what was counted: the org's name for an org
 * subtree, the compound's name for one compound, the grid's name for a grid outside any compound.
 */
export const CoverageSchema = z.object({
  orgId: IdSchema,
  orgName: z.string(),
  scopeName: z.string().optional(),
  totalCompounds: z.number().int(),
  compoundsWithBranch: z.number().int(),
  /** null when there are no compounds in scope: a rate of nothing is not 0 %. */
  coverageRate: z.number().nullable(),
  byStage: z.array(z.object({ stage: RolloutStageSchema, total: z.number().int(), withBranch: z.number().int() })),
});
export type Coverage = z.infer<typeof CoverageSchema>;
