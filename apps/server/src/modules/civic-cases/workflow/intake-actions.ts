import { sql } from 'kysely';
import { can } from '../../../platform/access/authorize.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { appendCaseEvent } from '../case-events.ts';
import type { ActionEffect, ActionHandler, ActionRun, CasePatch } from './action-types.ts';
import { invalidField, required } from './action-types.ts';
import { leaveTiming } from './case-steps.ts';
import { isOpenStatus } from './civic-case-status.ts';

/** A corrected category must exist and be in use; the urgency is free to change. */
async function reclassify(run: ActionRun): Promise<{ patch: CasePatch; data: Record<string, unknown> }> {
  const { body, row } = run;
  const patch: CasePatch = {};
  const data: Record<string, unknown> = {};
  if (body.categoryId !== undefined && body.categoryId !== row.category_id) {
    const category = await run.trx
      .selectFrom('civic_category')
      .select('id')
      .where('id', '=', body.categoryId)
      .where('active', '=', 1)
      .executeTakeFirst();
    if (!category) throw invalidField('categoryId', 'category');
    patch.category_id = body.categoryId;
    data.categoryId = { from: row.category_id, to: body.categoryId };
  }
  if (body.urgency !== undefined && body.urgency !== row.urgency) {
    patch.urgency = body.urgency;
    data.urgency = { from: row.urgency, to: body.urgency };
  }
  return { patch, data };
}

/** 归纳: the dispatcher sorts the report (category, urgency) before deciding on it. */
const triage: ActionHandler = async (run) => reclassify(run);

/** 受理/立案: the case is taken on; the category and urgency may be corrected on the way. */
const accept: ActionHandler = async (run) => {
  const { patch, data } = await reclassify(run);
  return { patch: { ...patch, accepted_at: run.at }, data };
};

/**
 * 作废 with a reason. Reasons the metric settings exclude (a duplicate, out of scope) leave the case out of the
 * counts; the others (insufficient, not responsible, referred) still count as received.
 */
const voidCase: ActionHandler = async (run) => {
  const reason = required(run.body.voidReason, 'voidReason');
  return voided(run, reason, {});
};

function voided(run: ActionRun, reason: NonNullable<ActionRun['body']['voidReason']>, extra: CasePatch): ActionEffect {
  const excluded = run.settings.excludedVoidReasons.includes(reason);
  return {
    patch: { ...extra, end_type: 'voided', void_reason: reason, excluded: excluded ? 1 : 0 },
    step: leaveTiming(),
    data: { voidReason: reason, excluded },
  };
}

/**
 * 合并: the case duplicates another open case the dispatcher also answers for. It is voided as a duplicate and
 * linked to the survivor; its followers (and its reporter) follow the survivor instead, and both timelines say so.
 */
const merge: ActionHandler = async (run) => {
  const intoId = required(run.body.intoCaseId, 'intoCaseId');
  if (intoId === run.row.id) throw invalidField('intoCaseId', 'self');
  const target = await run.trx
    .selectFrom('civic_case')
    .select(['id', 'number', 'path', 'status', 'reporter_user_id'])
    .where('id', '=', intoId)
    .executeTakeFirst();
  if (!target) throw invalidField('intoCaseId', 'case');
  if (!can(run.actor, 'civic_case.dispatch', { path: target.path })) {
    throw new AppError('FORBIDDEN', { details: { permission: 'civic_case.dispatch', field: 'intoCaseId' } });
  }
  if (!isOpenStatus(target.status)) throw new AppError('CONFLICT', { details: { reason: 'merge_target_not_open' } });
  const effect = voided(run, 'duplicate', { merged_into_id: target.id, follower_count: 0 });
  return {
    ...effect,
    data: { ...effect.data, intoCaseId: target.id, intoNumber: target.number },
    afterUpdate: async () => {
      const moved = await moveFollowers(run, target);
      await run.trx
        .updateTable('civic_case')
        .set({ follower_count: moved.total, version: sql`version + 1`, updated_at: run.at })
        .where('id', '=', target.id)
        .execute();
      // The survivor keeps its status and its facts: its `merge` counts nothing in the 民情 tally (`eventFacts`).
      await appendCaseEvent(run.trx, {
        caseId: target.id,
        type: 'merge',
        from: target.status,
        to: target.status,
        actor: run.eventActor,
        at: run.at,
        data: { mergedCaseId: run.row.id, mergedNumber: run.row.number, followersAdded: moved.added },
      });
    },
  };
};

/** Followers of the merged case (and its reporter) now follow the survivor; returns the survivor's new count. */
async function moveFollowers(
  run: ActionRun,
  target: { id: string; reporter_user_id: string | null },
): Promise<{ added: number; total: number }> {
  const { trx, row } = run;
  const followers = await trx
    .selectFrom('civic_case_follower')
    .select('user_id')
    .where('case_id', '=', row.id)
    .execute();
  const already = new Set(
    (await trx.selectFrom('civic_case_follower').select('user_id').where('case_id', '=', target.id).execute()).map(
      (f) => f.user_id,
    ),
  );
  const candidates = [...followers.map((f) => f.user_id), ...(row.reporter_user_id ? [row.reporter_user_id] : [])];
  const added = [...new Set(candidates)].filter((u) => !already.has(u) && u !== target.reporter_user_id);
  if (added.length > 0) {
    await trx
      .insertInto('civic_case_follower')
      .values(added.map((userId) => ({ case_id: target.id, user_id: userId, created_at: run.at })))
      .execute();
  }
  await trx.deleteFrom('civic_case_follower').where('case_id', '=', row.id).execute();
  return { added: added.length, total: already.size + added.length };
}

export const intakeActions = { triage, accept, void: voidCase, merge } as const;
