import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { macAlgorithm } from '../crypto/index.ts';
import { newId } from '../ids.ts';
import { chainMac, GENESIS_MAC } from './audit-chain.ts';

export interface AuditEvent {
  /** Dotted verb, e.g. `auth.login`, `compound.create`, `access.denied`. */
  action: string;
  objectType?: string;
  objectId?: string;
  outcome?: 'success' | 'failure';
  /** Never passwords, codes, tokens or unmasked ID/phone numbers (SEC-15). */
  details?: Record<string, unknown>;
  /** For events before a session exists (a failed login): who it was about. */
  actorId?: string | null;
  actorName?: string | null;
}

/**
 * Appends one hash-chained audit entry inside the caller's transaction, so the business write and its audit
 * record commit or roll back together (SEC-17). On PostgreSQL an advisory lock serialises the chain.
 */
export async function appendAudit(trx: Transaction<DB> | Db, ctx: Ctx, event: AuditEvent): Promise<void> {
  if (ctx.dialect === 'postgres') {
    await sql`SELECT pg_advisory_xact_lock(7401)`.execute(trx);
  }
  const last = await trx
    .selectFrom('audit_log')
    .select(['seq', 'mac'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const actor = ctx.actor;
  const row = {
    id: newId(),
    seq: Number(last?.seq ?? 0) + 1,
    at: isoNow(ctx.clock),
    actor_id: event.actorId !== undefined ? event.actorId : (actor?.userId ?? null),
    actor_name: event.actorName !== undefined ? event.actorName : (actor?.displayName ?? null),
    actor_roles: actor ? [...new Set(actor.assignments.map((a) => a.role))].join(',') || null : null,
    action: event.action,
    object_type: event.objectType ?? null,
    object_id: event.objectId ?? null,
    outcome: event.outcome ?? 'success',
    ip: ctx.request.ip,
    user_agent: ctx.request.userAgent?.slice(0, 300) ?? null,
    request_id: ctx.request.requestId,
    details: event.details ? JSON.stringify(event.details) : null,
  };
  const prevMac = last?.mac ?? GENESIS_MAC;
  const mac = chainMac(ctx.keys.derive('audit-mac'), macAlgorithm(ctx.config.cryptoProfile), prevMac, row);
  await trx
    .insertInto('audit_log')
    .values({ ...row, prev_mac: prevMac, mac })
    .execute();
}

/** For events with no business write to join (a denied request, a failed login): its own transaction. */
export async function recordAudit(ctx: Ctx, event: AuditEvent): Promise<void> {
  await ctx.db.transaction().execute((trx) => appendAudit(trx, ctx, event));
}
