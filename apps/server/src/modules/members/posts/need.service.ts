import type { CreateNeedBody, Need, NeedDetail, NeedListQuery, Page, UpdateNeedBody } from '@linli/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { authorize, can, inScope, requireActor } from '../../../platform/access/authorize.ts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { isoNow } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import { decodeKeyset, keysetCursor } from '../../../platform/keyset-paging.ts';
import { toPage } from '../../../platform/pagination.ts';
import { type Trx, transact } from '../../../platform/transaction.ts';
import { definedColumns, updateAtVersion } from '../../../platform/versioned-update.ts';
import { findSelfMember } from '../member-access.ts';
import { findNeedRow, listNeedRows, NEED_SORT, type NeedRow, toNeed } from './need.repository.ts';
import {
  authorizeCompoundRead,
  canManage,
  canSeeAsMember,
  getCompound,
  notFoundObject,
  requireActiveCategory,
  requireHouseholdIn,
} from './posts-shared.ts';

/** The need or 404. */
export async function getNeedRow(db: Db | Trx, id: string): Promise<NeedRow> {
  const row = await findNeedRow(db, id);
  if (!row) throw notFoundObject('need');
  return row;
}

/** A need with what the caller may do: managers edit and move it, a member of its compound claims an open one. */
export async function loadNeedDetail(ctx: Ctx, db: Db | Trx, row: NeedRow): Promise<NeedDetail> {
  const manager = canManage(ctx.actor, row.path);
  const self = canSeeAsMember(ctx.actor, row.path) ? await findSelfMember(ctx, db) : undefined;
  return {
    ...toNeed(row, ctx.actor?.userId ?? null),
    abilities: {
      update: manager,
      setStatus: manager,
      claim: row.status === 'open' && self !== undefined && self.residenceCompoundId === row.compound_id,
    },
  };
}

/** One page of needs `visible` admits, newest first. */
export async function pageOfNeeds(
  ctx: Ctx,
  visible: Expression<SqlBool>,
  query: Omit<NeedListQuery, 'cursor'> & { cursor?: string | undefined },
): Promise<Page<Need>> {
  const after = decodeKeyset(query.cursor, NEED_SORT);
  const rows = await listNeedRows(ctx.db, visible, query, after);
  const userId = ctx.actor?.userId ?? null;
  return toPage(
    rows,
    query.limit,
    (r) => toNeed(r, userId),
    (r) => keysetCursor(NEED_SORT, r.created_at, r.id),
  );
}

/** The needs lists (需求清单) of the compounds the caller manages or lives in as a member. */
export async function listNeeds(ctx: Ctx, query: NeedListQuery): Promise<Page<Need>> {
  const actor = requireActor(ctx);
  if (!can(actor, 'member.self')) authorize(ctx, 'post.manage');
  const visible = sql<SqlBool>`(${inScope(actor, 'post.manage', 'need.path')} OR ${inScope(actor, 'member.self', 'need.path')})`;
  return pageOfNeeds(ctx, visible, query);
}

/** One need, for its compound's managers and members (403 for anyone else). */
export async function getNeed(ctx: Ctx, id: string): Promise<NeedDetail> {
  requireActor(ctx);
  const row = await getNeedRow(ctx.db, id);
  authorizeCompoundRead(ctx, row.path);
  return loadNeedDetail(ctx, ctx.db, row);
}

/**
 * The branch lists a need of its compound (`post.manage`): an active category, optionally a household of the
 * same compound the need is for. Members of the compound then claim it.
 */
export async function createNeed(ctx: Ctx, body: CreateNeedBody): Promise<NeedDetail> {
  const actor = requireActor(ctx);
  const compound = await getCompound(ctx.db, body.compoundId);
  authorize(ctx, 'post.manage', compound);
  await requireActiveCategory(ctx.db, body.categoryId);
  if (body.householdId) await requireHouseholdIn(ctx.db, compound.id, body.householdId, 'householdId');
  return transact(ctx, async (trx) => {
    const id = newId();
    const now = isoNow(ctx.clock);
    await trx
      .insertInto('need')
      .values({
        id,
        compound_id: compound.id,
        path: compound.path,
        category_id: body.categoryId,
        title: body.title,
        description: body.description,
        household_id: body.householdId ?? null,
        due_on: body.dueOn ?? null,
        status: 'open',
        claimed_by_member_id: null,
        claimed_at: null,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(trx, ctx, {
      action: 'need.create',
      objectType: 'need',
      objectId: id,
      details: { compoundId: compound.id, title: body.title, householdId: body.householdId ?? null },
    });
    return loadNeedDetail(ctx, trx, await getNeedRow(trx, id));
  });
}

/** Edits a need's text, category, household and due date at the version read (REL-7); status moves elsewhere. */
export async function updateNeed(
  ctx: Ctx,
  id: string,
  body: UpdateNeedBody,
  expectedVersion: number,
): Promise<NeedDetail> {
  requireActor(ctx);
  const row = await getNeedRow(ctx.db, id);
  authorize(ctx, 'post.manage', row);
  if (body.categoryId !== undefined && body.categoryId !== row.category_id) {
    await requireActiveCategory(ctx.db, body.categoryId);
  }
  if (body.householdId) await requireHouseholdIn(ctx.db, row.compound_id, body.householdId, 'householdId');
  return transact(ctx, async (trx) => {
    await updateAtVersion(trx, ctx, {
      table: 'need',
      id,
      expectedVersion,
      changes: definedColumns(body, {
        categoryId: 'category_id',
        title: 'title',
        description: 'description',
        householdId: 'household_id',
        dueOn: 'due_on',
      }),
    });
    await appendAudit(trx, ctx, {
      action: 'need.update',
      objectType: 'need',
      objectId: id,
      details: { compoundId: row.compound_id, fields: Object.keys(body) },
    });
    return loadNeedDetail(ctx, trx, await getNeedRow(trx, id));
  });
}
