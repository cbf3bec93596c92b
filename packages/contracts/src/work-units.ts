import { z } from 'zod';
import { IdSchema, nameText, optionalText, PageQuerySchema, PhoneSchema } from './common.ts';

/** Work units (工作单位) and their Party organisations, which may lie outside the county. */

export const WorkUnitSchema = z.object({
  id: IdSchema,
  name: z.string(),
  /** The unit's Party organisation by name ('' when not known yet): it may lie outside the county. */
  partyOrgName: z.string(),
  /** Set when that organisation is in the county's tree. */
  partyOrgId: IdSchema.nullable(),
  contactName: z.string().nullable(),
  contactPhoneMasked: z.string().nullable(),
  address: z.string().nullable(),
  version: z.number().int(),
});
export type WorkUnit = z.infer<typeof WorkUnitSchema>;

export const WorkUnitDetailSchema = WorkUnitSchema.extend({ abilities: z.object({ update: z.boolean() }) });
export type WorkUnitDetail = z.infer<typeof WorkUnitDetailSchema>;

export const WorkUnitListQuerySchema = z
  .object({ q: z.string().trim().max(50).optional(), ...PageQuerySchema.shape })
  .strict();
export type WorkUnitListQuery = z.infer<typeof WorkUnitListQuerySchema>;

/**
 * `POST /work-units` (`work_unit.write`). Its Party organisation is given by `partyOrgId` (an org unit of the
 * county; the name defaults to that unit's) or by `partyOrgName` alone (`workUnitPartyOrg` when neither).
 * A second unit of the same name → 409 DUPLICATE.
 */
export const CreateWorkUnitBodySchema = z
  .object({
    name: nameText(100),
    partyOrgName: nameText(100).optional(),
    partyOrgId: IdSchema.optional(),
    contactName: nameText(40).optional(),
    contactPhone: PhoneSchema.optional(),
    address: optionalText(200),
  })
  .strict()
  .refine((b) => b.partyOrgName !== undefined || b.partyOrgId !== undefined, {
    message: 'workUnitPartyOrg',
    path: ['partyOrgName'],
  });
export type CreateWorkUnitBody = z.infer<typeof CreateWorkUnitBodySchema>;

/** `PATCH /work-units/:id` with `If-Match`; `null` clears an optional field. */
export const UpdateWorkUnitBodySchema = z
  .object({
    name: nameText(100).optional(),
    partyOrgName: nameText(100).optional(),
    partyOrgId: IdSchema.nullable().optional(),
    contactName: nameText(40).nullable().optional(),
    contactPhone: PhoneSchema.nullable().optional(),
    address: z.string().trim().max(200).nullable().optional(),
  })
  .strict();
export type UpdateWorkUnitBody = z.infer<typeof UpdateWorkUnitBodySchema>;
