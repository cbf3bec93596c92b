import { z } from 'zod';
import { IdSchema, nameText, optionalText } from './common.ts';
import { UpdateAbilitiesSchema } from './org-tree.ts';

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
