import { z } from 'zod';
import { DateOnlySchema, IdSchema, nameText } from './common.ts';
import { UpdateAbilitiesSchema } from './org-tree.ts';

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
