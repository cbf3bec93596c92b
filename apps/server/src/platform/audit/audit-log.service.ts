import type { AuditEntry, AuditListQuery, Page } from '@linli/contracts';
import { authorizeAtRoot } from '../access/account-scope.ts';
import type { Ctx } from '../context.ts';
import { macAlgorithm } from '../crypto/index.ts';
import { decodeCursor, encodeCursor } from '../pagination.ts';
import { listAuditEntries } from './audit.repository.ts';
import { appendAudit } from './audit.service.ts';
import { type AuditVerifyResult, verifyAuditChain } from './audit-verify.ts';

/** The auditor (assigned at the county root: the log is the whole county's) reads the log; the reading itself is audited (SEC-14), so nobody reads unseen. */
export async function listAuditLog(ctx: Ctx, query: AuditListQuery): Promise<Page<AuditEntry>> {
  authorizeAtRoot(ctx, 'audit.read');
  const cursor = decodeCursor(query.cursor, ['seq']);
  const rows = await listAuditEntries(ctx.db, query, cursor ? Number(cursor.seq) : null);
  const page = rows.slice(0, query.limit);
  await ctx.db
    .transaction()
    .execute((trx) =>
      appendAudit(trx, ctx, { action: 'audit.query', details: { filters: { ...query, cursor: undefined } } }),
    );
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      seq: Number(r.seq),
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      actorRoles: r.actor_roles,
      action: r.action,
      objectType: r.object_type,
      objectId: r.object_id,
      outcome: r.outcome,
      ip: r.ip,
      userAgent: r.user_agent,
      requestId: r.request_id,
      details: r.details ? JSON.parse(r.details) : null,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ seq: Number(last.seq) }) : null,
  };
}

export async function verifyAuditLog(ctx: Ctx): Promise<AuditVerifyResult> {
  authorizeAtRoot(ctx, 'audit.read');
  const result = await verifyAuditChain(ctx.db, ctx.keys, macAlgorithm(ctx.config.cryptoProfile));
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, ctx, {
      action: 'audit.verify',
      outcome: result.ok ? 'success' : 'failure',
      details: { ...result },
    }),
  );
  return result;
}
