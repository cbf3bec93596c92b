import { z } from 'zod';
import { IdSchema, nameText } from './common.ts';
import { UpdateAbilitiesSchema } from './org-tree.ts';

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
