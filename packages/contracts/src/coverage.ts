import { z } from 'zod';
import { IdSchema } from './common.ts';
import { RolloutStageSchema } from './compounds.ts';

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
