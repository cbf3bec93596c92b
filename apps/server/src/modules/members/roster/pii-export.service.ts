import {
  CreatePiiExportRequestBodySchema,
  type MemberExportFilter,
  MemberExportFilterSchema,
  PiiExportDecisionBodySchema,
  type PiiExportRequest,
} from '@linli/contracts';
import type { z } from 'zod';
import type { Db } from '../../../db/database.ts';
import { assignmentsWith, authorize, can, minimalPrefixes } from '../../../platform/access/authorize.ts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { HOUR_MS, isoIn, isoNow } from '../../../platform/clock.ts';
import type { Actor, Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { type Trx, transact } from '../../../platform/transaction.ts';
import { resolveBranch, resolveCompound } from './member-places.ts';

/** PI-4: an approval is good for one export within this long. */
export const APPROVAL_VALID_MS = 24 * HOUR_MS;

/** The longest path every one of `paths` lies under ('/' when they share nothing). */
export function commonPath(paths: string[]): string {
  const [first, ...rest] = minimalPrefixes(paths);
  if (!first) return '/';
  let common = first;
  for (const path of rest) {
    while (!path.startsWith(common)) common = common.slice(0, common.lastIndexOf('/', common.length - 2) + 1);
  }
  return common || '/';
}

/** Where a request lies (who may approve it): the filter's branch or compound, else the caller's whole scope. */
async function requestPath(ctx: Ctx, actor: Actor, filter: MemberExportFilter): Promise<string> {
  const place = filter.branchId
    ? await resolveBranch(ctx.db, filter.branchId)
    : filter.compoundId
      ? await resolveCompound(ctx.db, filter.compoundId)
      : undefined;
  if (place) {
    authorize(ctx, 'member.read', place);
    return place.path;
  }
  return commonPath(assignmentsWith(actor, 'member.read').map((a) => a.scopePath));
}

/** Requests with the names of who asked and who decided. */
export function selectRequests(db: Db | Trx) {
  return db
    .selectFrom('pii_export_request as r')
    .innerJoin('app_user as requester', 'requester.id', 'r.requested_by')
    .leftJoin('app_user as decider', 'decider.id', 'r.decided_by')
    .selectAll('r')
    .select(['requester.display_name as requester_name', 'decider.display_name as decider_name']);
}
export type RequestRow = Awaited<ReturnType<ReturnType<typeof selectRequests>['executeTakeFirstOrThrow']>>;

/** An approval past its 24 hours reads as `expired`, whatever the stored status says. */
const effectiveStatus = (row: RequestRow, now: string): PiiExportRequest['status'] =>
  row.status === 'approved' && row.expires_at !== null && row.expires_at <= now ? 'expired' : row.status;

export function toPiiExportRequest(ctx: Ctx, row: RequestRow): PiiExportRequest {
  const status = effectiveStatus(row, isoNow(ctx.clock));
  return {
    id: row.id,
    kind: row.kind,
    filter: MemberExportFilterSchema.parse(JSON.parse(row.filter)),
    reason: row.reason,
    status,
    requestedById: row.requested_by,
    requestedByName: row.requester_name,
    requestedAt: row.requested_at,
    decidedById: row.decided_by,
    decidedByName: row.decider_name,
    decidedAt: row.decided_at,
    decisionNote: row.decision_note,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
    abilities: {
      decide:
        status === 'pending' &&
        row.requested_by !== ctx.actor?.userId &&
        can(ctx.actor, 'member.export_approve', { path: row.path }),
    },
  };
}

export async function getRequestRow(db: Db | Trx, id: string): Promise<RequestRow> {
  const row = await selectRequests(db).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { details: { object: 'pii_export_request' } });
  return row;
}

/**
 * PI-4: asks for an unmasked roster export. Anyone who may read the roster may ask; the request lies at the
 * filter's branch or compound (which must be in the caller's scope), else at the caller's scope, and waits for
 * a second person with `member.export_approve` there. Audited.
 */
export async function createPiiExportRequest(
  ctx: Ctx,
  input: z.input<typeof CreatePiiExportRequestBodySchema>,
): Promise<PiiExportRequest> {
  const actor = authorize(ctx, 'member.read');
  const body = CreatePiiExportRequestBodySchema.parse(input);
  const path = await requestPath(ctx, actor, body.filter);
  const id = newId();
  return transact(ctx, async (trx) => {
    await trx
      .insertInto('pii_export_request')
      .values({
        id,
        kind: 'member_roster',
        path,
        filter: JSON.stringify(body.filter),
        reason: body.reason,
        status: 'pending',
        requested_by: actor.userId,
        requested_at: isoNow(ctx.clock),
        decided_by: null,
        decided_at: null,
        decision_note: null,
        expires_at: null,
        used_at: null,
      })
      .execute();
    await appendAudit(trx, ctx, {
      action: 'member.export_request',
      objectType: 'pii_export_request',
      objectId: id,
      details: { filter: body.filter, reason: body.reason },
    });
    return toPiiExportRequest(ctx, await getRequestRow(trx, id));
  });
}

/**
 * The second person's decision (PI-4): `member.export_approve` over the request, never the requester (403
 * either way); only a pending request (409 otherwise). An approval is valid for 24 hours and one export.
 */
export async function decidePiiExportRequest(
  ctx: Ctx,
  id: string,
  input: z.input<typeof PiiExportDecisionBodySchema>,
): Promise<PiiExportRequest> {
  const body = PiiExportDecisionBodySchema.parse(input);
  const row = await getRequestRow(ctx.db, id);
  const actor = authorize(ctx, 'member.export_approve', row);
  if (row.requested_by === actor.userId) {
    throw new AppError('FORBIDDEN', { details: { permission: 'member.export_approve', reason: 'own_request' } });
  }
  return transact(ctx, async (trx) => {
    const approved = body.decision === 'approved';
    const result = await trx
      .updateTable('pii_export_request')
      .set({
        status: body.decision,
        decided_by: actor.userId,
        decided_at: isoNow(ctx.clock),
        decision_note: body.note || null,
        expires_at: approved ? isoIn(ctx.clock, APPROVAL_VALID_MS) : null,
        version: row.version + 1,
      })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new AppError('CONFLICT', { details: { reason: 'decided' } });
    await appendAudit(trx, ctx, {
      action: 'member.export_decision',
      objectType: 'pii_export_request',
      objectId: id,
      details: { decision: body.decision },
    });
    return toPiiExportRequest(ctx, await getRequestRow(trx, id));
  });
}

const notApproved = (reason: string): AppError =>
  new AppError('FORBIDDEN', { details: { permission: 'member.export_approve', reason } });

/**
 * Whether `approvalId` lets this caller export unmasked now: the caller's own request, approved, unexpired and
 * unused. Anything else is 403 — without an approval there is no unmasked export (PI-4).
 */
export async function checkApproval(
  ctx: Ctx,
  actor: Actor,
  approvalId: string,
): Promise<{ filter: MemberExportFilter }> {
  const row = await ctx.db.selectFrom('pii_export_request').selectAll().where('id', '=', approvalId).executeTakeFirst();
  if (!row || row.requested_by !== actor.userId) throw notApproved('not_your_approval');
  if (row.status !== 'approved') throw notApproved(row.status === 'used' ? 'used' : 'not_approved');
  if (row.expires_at === null || row.expires_at <= isoNow(ctx.clock)) throw notApproved('expired');
  return { filter: MemberExportFilterSchema.parse(JSON.parse(row.filter)) };
}

/** Spends the approval; a concurrent export that spent it first makes this one fail (403), file unsent. */
export async function consumeApproval(trx: Trx, ctx: Ctx, approvalId: string): Promise<void> {
  const now = isoNow(ctx.clock);
  const result = await trx
    .updateTable('pii_export_request')
    .set({ status: 'used', used_at: now })
    .where('id', '=', approvalId)
    .where('status', '=', 'approved')
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw notApproved('used');
}
