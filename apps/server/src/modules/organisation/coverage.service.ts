import { type Coverage, type CoverageQuerySchema, ROLLOUT_STAGES } from '@linli/contracts';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { authorize } from '../../platform/access/authorize.ts';
import type { Ctx } from '../../platform/context.ts';
import { pathStartsWith, toNumber } from '../../platform/sql-helpers.ts';
import { type CoverageScope, defaultCoverageScope, orgScope } from './coverage-scope.ts';
import { getOrgUnitRow } from './org-unit.service.ts';

/**
 * Compounds and compounds with a branch per rollout stage below `path`: one grouped count, never a row load.
 * `DISTINCT` keeps a compound counted once even if it ever had two branch nodes.
 */
const countByStage = (db: Db, path: string) =>
  db
    .selectFrom('compound')
    .leftJoin('org_unit as b', (join) => join.onRef('b.compound_id', '=', 'compound.id').on('b.kind', '=', 'branch'))
    .select([
      'compound.rollout_stage as stage',
      sql<string | number>`count(DISTINCT compound.id)`.as('total'),
      sql<string | number>`count(DISTINCT CASE WHEN b.id IS NOT NULL THEN compound.id END)`.as('with_branch'),
    ])
    .where(pathStartsWith('compound.path', path))
    .groupBy('compound.rollout_stage')
    .execute();

/**
 * Branch coverage (小区党组织覆盖率) by rollout stage. With `orgId`, that org's subtree (403 outside the
 * caller's `org.read` scope); without, the scope of the caller's widest `org.read` assignment — an org's
 * subtree, a compound alone, or the compound a grid lies in — so every role that reads the org sees its own
 * figure. The rate is withBranch / total as a fraction, and null when there are no compounds: a rate of
 * nothing is not 0 %.
 */
export async function getCoverage(ctx: Ctx, query: z.infer<typeof CoverageQuerySchema>): Promise<Coverage> {
  const actor = authorize(ctx, 'org.read');
  let scope: CoverageScope;
  if (query.orgId) {
    const org = await getOrgUnitRow(ctx.db, query.orgId);
    authorize(ctx, 'org.read', org);
    scope = await orgScope(ctx.db, org);
  } else {
    scope = await defaultCoverageScope(ctx.db, actor);
  }
  const rows = await countByStage(ctx.db, scope.countedPath);
  const byStage = ROLLOUT_STAGES.map((stage) => {
    const row = rows.find((r) => r.stage === stage);
    return { stage, total: toNumber(row?.total), withBranch: toNumber(row?.with_branch) };
  });
  const totalCompounds = byStage.reduce((sum, s) => sum + s.total, 0);
  const compoundsWithBranch = byStage.reduce((sum, s) => sum + s.withBranch, 0);
  return {
    orgId: scope.orgId,
    orgName: scope.orgName,
    scopeName: scope.scopeName,
    totalCompounds,
    compoundsWithBranch,
    coverageRate: totalCompounds === 0 ? null : Math.round((compoundsWithBranch / totalCompounds) * 10000) / 10000,
    byStage,
  };
}
