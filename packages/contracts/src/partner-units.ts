import { z } from 'zod';
import { IdSchema, nameText, optionalText, PhoneSchema } from './common.ts';
import { UpdateAbilitiesSchema } from './org-tree.ts';

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
