import { MoveOrgUnitBodySchema, type OrgKind, type OrgUnit } from '@linli/contracts';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Dialect } from '../../db/database.ts';
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
 * Every column that hangs rows in the tree by a materialised path: `path`, or a name ending in `_path`
 * (`role_assignment.scope_path`, a member's `home_path` and `residence_path`, …), read from the live schema so
 * a module's new table can never be forgotten by a move. A move rewrites all of them in one transaction, or
 * scope checks would disagree with the tree.
 */
export async function pathColumns(trx: Trx, dialect: Dialect): Promise<Array<{ table: string; column: string }>> {
  const rows =
    dialect === 'postgres'
      ? await sql<{ table: string; column: string }>`
          SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
          WHERE table_schema = current_schema() AND (column_name = 'path' OR right(column_name, 5) = '_path')
          ORDER BY table_name, column_name`.execute(trx)
      : await sql<{ table: string; column: string }>`
          SELECT m.name AS "table", c.name AS "column" FROM sqlite_master m, pragma_table_info(m.name) c
          WHERE m.type = 'table' AND (c.name = 'path' OR substr(c.name, -5) = '_path')
          ORDER BY m.name, c.name`.execute(trx);
  return rows.rows;
}

/** Serialises tree moves on PostgreSQL, so two crossing moves cannot build a cycle between them. */
const MOVE_LOCK = 7402;

/**
 * `column = newPrefix || substr(column, len(oldPrefix) + 1)` for every row under `oldPrefix`: one statement per
 * column, so the subtree moves at once whatever its size. Returns the number of rows moved.
 */
export async function rewritePathPrefix(
  trx: Trx,
  target: { table: string; column: string },
  oldPrefix: string,
  newPrefix: string,
): Promise<number> {
  const ref = sql.ref(target.column);
  const depthShift = depthOf(newPrefix) - depthOf(oldPrefix);
  const setDepth =
    target.table === 'org_unit' && target.column === 'path'
      ? sql`, depth = depth + CAST(${depthShift} AS integer)`
      : sql``;
  const result = await sql`UPDATE ${sql.table(target.table)}
    SET ${ref} = CAST(${newPrefix} AS text) || substr(${ref}, CAST(${oldPrefix.length + 1} AS integer))${setDepth}
    WHERE ${pathStartsWith(target.column, oldPrefix)}`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/** Rewrites every path column under `oldPrefix`; answers the rows moved per `table.column` that had any. */
export async function rewriteSubtree(trx: Trx, dialect: Dialect, oldPrefix: string, newPrefix: string) {
  const moved: Record<string, number> = {};
  for (const target of await pathColumns(trx, dialect)) {
    const n = await rewritePathPrefix(trx, target, oldPrefix, newPrefix);
    if (n > 0) moved[`${target.table}.${target.column}`] = n;
  }
  return moved;
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
    const moved = await rewriteSubtree(trx, ctx.dialect, oldPrefix, newPrefix);
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
