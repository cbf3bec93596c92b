import { z } from 'zod';
import { AbilitiesSchema, IdSchema, nameText } from './common.ts';

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
