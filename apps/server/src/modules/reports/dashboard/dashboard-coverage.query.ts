import { type Dashboard, ROLLOUT_STAGES } from '@linli/contracts';
import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { pathStartsWith, toNumber } from '../../../platform/sql-helpers.ts';

/**
 * A compound "has a branch" when its branch org node exists; both the compound and the node count only if they
 * were created before `endInstant`, so a past period shows the coverage it had then. (The rollout stage has no
 * history: a compound is counted under its stage as it is now.)
 */
export const branchExists = (endInstant: string) =>
  sql<boolean>`EXISTS (SELECT 1 FROM org_unit b
    WHERE b.compound_id = c.id AND b.kind = 'branch' AND b.created_at < ${endInstant})`;

/**
 * Compounds and compounds with a branch per rollout stage below `path`, as at `endInstant` (the period's end,
 * exclusive): one grouped count over the compound path index, never a row load into JS. Every stage is listed,
 * with zeros where there is none.
 */
export async function coverageByStage(db: Db, path: string, endInstant: string): Promise<Dashboard['coverage']> {
  const result = await sql<{ stage: string; total: number | string; with_branch: number | string | null }>`
    SELECT c.rollout_stage AS stage, COUNT(*) AS total,
      SUM(CASE WHEN ${branchExists(endInstant)} THEN 1 ELSE 0 END) AS with_branch
    FROM compound c
    WHERE ${pathStartsWith('c.path', path)} AND c.created_at < ${endInstant}
    GROUP BY c.rollout_stage`.execute(db);
  return ROLLOUT_STAGES.map((stage) => {
    const row = result.rows.find((r) => r.stage === stage);
    return { stage, total: toNumber(row?.total), withBranch: toNumber(row?.with_branch) };
  });
}
