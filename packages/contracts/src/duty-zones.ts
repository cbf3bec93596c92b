import { z } from 'zod';
import { IdSchema, nameText, optionalText } from './common.ts';
import { UpdateAbilitiesSchema } from './org-tree.ts';

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
