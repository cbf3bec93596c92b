import { MoveOrgUnitBodySchema, type OrgKind, type OrgUnit } from '@linli/contracts';
import { sql } from 'kysely';
import type { z } from 'zod';
import { authorize, requireActor } from '../../platform/access/authorize.ts';
import { appendAudit } from '../../platform/audit/audit.service.ts';
import { isoNow } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { pathStartsWith } from '../../platform/sql-helpers.ts';
import { type Trx, transact } from '../../platform/transaction.ts';
import { depthOf } from './compound-branch.ts';
import { canHoldChild } from './org-kinds.ts';
import { getOrgUnitRow, toOrgUnit } from './org-unit.service.ts';
import { invalidInput } from './organisation-errors.ts';

/**
 * Every table whose rows hang in the tree by a materialised `path`. A move rewrites all of them (and the role
 * assignments' `scope_path`) in one transaction, or scope checks would disagree with the tree.
 */
export const PATH_TABLES = [
  'org_unit',
  'compound',
  'grid',
  'duty_zone',
  'partner_unit',
  'venue',
  'branch_term',
  'resident_claim',
] as const;

/** Serialises tree moves on PostgreSQL, so two crossing moves cannot build a cycle between them. */
const MOVE_LOCK = 7402;

/**
 * `path = newPrefix || substr(path, len(oldPrefix) + 1)` for every row under `oldPrefix`: one statement per
 * table, so the subtree moves at once whatever its size. Returns the number of rows moved.
 */
export async function rewritePathPrefix(
  trx: Trx,
  table: (typeof PATH_TABLES)[number] | 'role_assignment',
  oldPrefix: string,
  newPrefix: string,
): Promise<number> {
  const column = table === 'role_assignment' ? 'scope_path' : 'path';
  const ref = sql.ref(column);
  const depthShift = depthOf(newPrefix) - depthOf(oldPrefix);
  const setDepth = table === 'org_unit' ? sql`, depth = depth + CAST(${depthShift} AS integer)` : sql``;
  const result = await sql`UPDATE ${sql.table(table)}
    SET ${ref} = CAST(${newPrefix} AS text) || substr(${ref}, CAST(${oldPrefix.length + 1} AS integer))${setDepth}
    WHERE ${pathStartsWith(column, oldPrefix)}`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

type MoveInput = z.input<typeof MoveOrgUnitBodySchema>;

/**
 * Moves a node and its whole subtree under `newParentId`. Needs `org.write` on both the node and the new
 * parent; a move under the node itself or its own descendant is 409 ORG_CYCLE; the kind must fit under the new
 * parent. A compound's branch follows its compound and is not moved here.
 */
export async function moveOrgUnit(ctx: Ctx, id: string, input: MoveInput): Promise<OrgUnit> {
  const body = MoveOrgUnitBodySchema.parse(input);
  requireActor(ctx);
  return transact(ctx, async (trx) => {
    if (ctx.dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(${MOVE_LOCK})`.execute(trx);
    const node = await getOrgUnitRow(trx, id);
    authorize(ctx, 'org.write', node);
    const newParent = await getOrgUnitRow(trx, body.newParentId);
    authorize(ctx, 'org.write', newParent);
    if (node.compound_id !== null) throw new AppError('CONFLICT', { details: { reason: 'compoundBranch' } });
    if (newParent.path.startsWith(node.path)) throw new AppError('ORG_CYCLE');
    if (!canHoldChild(newParent.kind as OrgKind, node.kind as OrgKind)) {
      throw invalidInput('body.newParentId', 'kindNotAllowedUnderParent');
    }
    if (node.parent_id === newParent.id) return toOrgUnit(node);

    const oldPrefix = node.path;
    const newPrefix = `${newParent.path}${node.id}/`;
    const moved: Record<string, number> = {};
    for (const table of PATH_TABLES) moved[table] = await rewritePathPrefix(trx, table, oldPrefix, newPrefix);
    moved.role_assignment = await rewritePathPrefix(trx, 'role_assignment', oldPrefix, newPrefix);
    await trx
      .updateTable('org_unit')
      .set({ parent_id: newParent.id, updated_at: isoNow(ctx.clock), version: sql`version + 1` })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx, {
      action: 'org.move',
      objectType: 'org_unit',
      objectId: id,
      details: { fromParentId: node.parent_id, toParentId: newParent.id, moved },
    });
    return toOrgUnit(await getOrgUnitRow(trx, id));
  });
}
