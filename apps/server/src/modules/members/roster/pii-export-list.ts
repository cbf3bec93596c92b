import type { Page, PiiExportRequest, PiiExportRequestListQuerySchema } from '@linli/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { z } from 'zod';
import { can, inScope, requireActor } from '../../../platform/access/authorize.ts';
import { isoNow } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { decodeCursor, encodeCursor } from '../../../platform/pagination.ts';
import { selectRequests, toPiiExportRequest } from './pii-export.service.ts';

type ListQuery = z.infer<typeof PiiExportRequestListQuerySchema>;

/** The stored status a listed status stands for: `approved` and `expired` are told apart by the clock. */
function statusCondition(status: ListQuery['status'], now: string): Expression<SqlBool> | undefined {
  if (status === undefined) return undefined;
  if (status === 'expired') return sql<SqlBool>`(r.status = 'approved' AND r.expires_at <= ${now})`;
  if (status === 'approved') return sql<SqlBool>`(r.status = 'approved' AND r.expires_at > ${now})`;
  return sql<SqlBool>`r.status = ${status}`;
}

/**
 * PI-4 requests the caller may see, newest first: their own, and those lying in their `member.export_approve`
 * scope (the ones they may decide). Needs `member.read` or `member.export_approve` somewhere, else 403.
 */
export async function listPiiExportRequests(ctx: Ctx, query: ListQuery): Promise<Page<PiiExportRequest>> {
  const actor = requireActor(ctx);
  if (!can(actor, 'member.read') && !can(actor, 'member.export_approve')) {
    throw new AppError('FORBIDDEN', { details: { permission: 'member.read' } });
  }
  const after = decodeCursor(query.cursor, ['k', 'id']);
  const now = isoNow(ctx.clock);
  const where: Expression<SqlBool>[] = [
    sql<SqlBool>`(r.requested_by = ${actor.userId} OR ${inScope(actor, 'member.export_approve', 'r.path')})`,
  ];
  const status = statusCondition(query.status, now);
  if (status) where.push(status);
  if (after)
    where.push(sql<SqlBool>`(r.requested_at < ${after.k} OR (r.requested_at = ${after.k} AND r.id < ${after.id}))`);
  const rows = await selectRequests(ctx.db)
    .where((eb) => eb.and(where))
    .orderBy('r.requested_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => toPiiExportRequest(ctx, row)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ k: last.requested_at, id: last.id }) : null,
  };
}
