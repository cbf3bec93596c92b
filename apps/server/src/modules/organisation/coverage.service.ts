import { type Coverage, type CoverageQuerySchema, ROLLOUT_STAGES } from '@linli/contracts';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { authorize } from '../../platform/access/authorize.ts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { pathStartsWith, toNumber } from '../../platform/sql-helpers.ts';
import { listScopeRootRows, type OrgUnitRow } from './org-unit.repository.ts';
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

/** A compound's branch covers its own compound, whose path lies above the branch's. */
async function coveredPath(db: Db, org: OrgUnitRow): Promise<string> {
  if (org.compound_id === null) return org.path;
  const compound = await db.selectFrom('compound').select('path').where('id', '=', org.compound_id).executeTakeFirst();
  if (!compound) throw notFound('compound');
  return compound.path;
}

/**
 * Branch coverage (小区党组织覆盖率) for an org's subtree, by rollout stage. Without `orgId` it is the caller's
 * first scope root. The rate is withBranch / total as a fraction, and null when there are no compounds: a rate
 * of nothing is not 0 %.
 */
export async function getCoverage(ctx: Ctx, query: z.infer<typeof CoverageQuerySchema>): Promise<Coverage> {
  const actor = authorize(ctx, 'org.read');
  const org = query.orgId ? await getOrgUnitRow(ctx.db, query.orgId) : (await listScopeRootRows(ctx.db, actor))[0];
  if (!org) throw notFound('org_unit');
  authorize(ctx, 'org.read', org);
  const rows = await countByStage(ctx.db, await coveredPath(ctx.db, org));
  const byStage = ROLLOUT_STAGES.map((stage) => {
    const row = rows.find((r) => r.stage === stage);
    return { stage, total: toNumber(row?.total), withBranch: toNumber(row?.with_branch) };
  });
  const totalCompounds = byStage.reduce((sum, s) => sum + s.total, 0);
  const compoundsWithBranch = byStage.reduce((sum, s) => sum + s.withBranch, 0);
  return {
    orgId: org.id,
    orgName: org.name,
    totalCompounds,
    compoundsWithBranch,
    coverageRate: totalCompounds === 0 ? null : Math.round((compoundsWithBranch / totalCompounds) * 10000) / 10000,
    byStage,
  };
}
