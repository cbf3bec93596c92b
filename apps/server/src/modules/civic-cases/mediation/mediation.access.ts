import type { Role } from '@linli/contracts';
import { assignmentsWith, requireActor } from '../../../platform/access/authorize.ts';
import type { Actor, Ctx } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors/app-error.ts';
import type { Trx } from '../../../platform/transaction.ts';
import { caseRelations } from '../case-access.ts';
import { appendCaseEvent } from '../case-events.ts';
import { loadCaseFacts } from '../case-facts.repository.ts';
import { isOpenStatus } from '../workflow/civic-case-status.ts';
import { loadMediationCase, type MediationCase } from './mediation.repository.ts';

/** Only dispute cases (kind `mediation`) have a mediation; any other case answers 404 and says why. */
function requireMediationKind(c: MediationCase): void {
  if (c.kind !== 'mediation') {
    throw new AppError('NOT_FOUND', { details: { what: 'civic_mediation', reason: 'not_a_mediation_case' } });
  }
}

/**
 * The case behind a mediation read: 404 when there is no such case, 403 when the caller may not open it (the
 * case's readers read its mediation), 404 when it is not a dispute case.
 */
export async function readableMediationCase(ctx: Ctx, caseId: string): Promise<MediationCase> {
  const actor = requireActor(ctx);
  const c = await loadMediationCase(ctx.db, caseId);
  const facts = c ? await loadCaseFacts(ctx.db, caseId) : undefined;
  if (!c || !facts) throw notFound('civic_case');
  if (!caseRelations(actor, facts).has('reader')) {
    throw new AppError('FORBIDDEN', { details: { permission: 'civic_case.read' } });
  }
  requireMediationKind(c);
  return c;
}

export interface ManagedCase {
  actor: Actor;
  role: Role;
  c: MediationCase;
}

/**
 * The case behind a mediation write, locked in the caller's transaction (on PostgreSQL) so its events keep
 * their order: 404 / 403 (`mediation.manage` over the case's place) / 404 (not a dispute case), and 409 once the
 * loop has ended (closed or voided) — the record is then history.
 */
export async function managedMediationCase(trx: Trx, ctx: Ctx, caseId: string): Promise<ManagedCase> {
  const actor = requireActor(ctx);
  const c = await trx
    .selectFrom('civic_case')
    .select(['id', 'number', 'title', 'kind', 'status', 'path', 'compound_id'])
    .where('id', '=', caseId)
    .$if(ctx.dialect === 'postgres', (q) => q.forUpdate())
    .executeTakeFirst();
  if (!c) throw notFound('civic_case');
  const role = assignmentsWith(actor, 'mediation.manage').find((a) => c.path.startsWith(a.scopePath))?.role;
  if (!role) throw new AppError('FORBIDDEN', { details: { permission: 'mediation.manage' } });
  requireMediationKind(c);
  if (!isOpenStatus(c.status)) throw new AppError('CONFLICT', { details: { status: c.status } });
  return { actor, role, c };
}

/**
 * Every mediation write shows on the case's timeline as an internal `comment`, so staff reading the case see
 * the mediation's course without opening it; the case's `updated_at` moves with it.
 */
export async function appendMediationNote(
  trx: Trx,
  managed: ManagedCase,
  at: string,
  note: string,
  files?: { ids: string[]; kind: 'agreement' },
): Promise<void> {
  await trx.updateTable('civic_case').set({ updated_at: at }).where('id', '=', managed.c.id).execute();
  await appendCaseEvent(trx, {
    caseId: managed.c.id,
    type: 'comment',
    from: managed.c.status,
    to: managed.c.status,
    actor: { userId: managed.actor.userId, name: managed.actor.displayName, role: managed.role },
    at,
    internalNote: note,
    data: { mediation: true },
    ...(files ? { files } : {}),
  });
}
