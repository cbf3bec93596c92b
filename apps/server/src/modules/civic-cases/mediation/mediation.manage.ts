import type { AddMediationSessionBodySchema, Mediation, PutMediationBodySchema } from '@linli/contracts';
import type { z } from 'zod';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { isoNow, shanghaiDate } from '../../../platform/clock.ts';
import { assertUpdated } from '../../../platform/concurrency.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { type Trx, transact } from '../../../platform/transaction.ts';
import { appendMediationNote, managedMediationCase, readableMediationCase } from './mediation.access.ts';
import {
  ensureMediationRow,
  loadMediationRow,
  loadSessions,
  type MediationCase,
  parseParties,
  type StoredParty,
  toMediation,
} from './mediation.repository.ts';

export type PutMediationBody = z.infer<typeof PutMediationBodySchema>;
export type AddMediationSessionBody = z.infer<typeof AddMediationSessionBodySchema>;

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', { details: { issues: [{ path, message }] } });

/** The mediation as it now is, read inside `db` (the write's transaction, or the pool for a read). */
async function currentMediation(ctx: Ctx, db: Trx | Ctx['db'], caseId: string): Promise<Mediation> {
  return toMediation(ctx, caseId, await loadMediationRow(db, caseId), await loadSessions(db, caseId));
}

/** `GET /civic-cases/:id/mediation`: the case's readers see parties (phones masked), mediator, sessions, outcome. */
export async function getMediation(ctx: Ctx, caseId: string): Promise<Mediation> {
  await readableMediationCase(ctx, caseId);
  return currentMediation(ctx, ctx.db, caseId);
}

/** The mediator must be a user; households must be of the case's compound (a party is a neighbour). */
async function checkReferences(trx: Trx, c: MediationCase, body: PutMediationBody): Promise<string | null> {
  let mediatorName = body.mediatorName || null;
  if (body.mediatorUserId) {
    const user = await trx
      .selectFrom('app_user')
      .select('display_name')
      .where('id', '=', body.mediatorUserId)
      .executeTakeFirst();
    if (!user) throw invalid('body.mediatorUserId', 'user');
    mediatorName ??= user.display_name;
  }
  const householdIds = body.parties.flatMap((p) => (p.householdId ? [p.householdId] : []));
  if (householdIds.length > 0) {
    const found = await trx
      .selectFrom('household')
      .select('id')
      .where('id', 'in', householdIds)
      .where('compound_id', '=', c.compound_id)
      .execute();
    const known = new Set(found.map((h) => h.id));
    const index = body.parties.findIndex((p) => p.householdId && !known.has(p.householdId));
    if (index >= 0) throw invalid(`body.parties.${index}.householdId`, 'household');
  }
  return mediatorName;
}

/**
 * `PUT /civic-cases/:id/mediation` (If-Match; version 0 creates the record): parties and mediator. Each party's
 * phone is encrypted on its own inside the JSON (PI-3). A stale version is 412; the write is audited and noted
 * on the case's timeline.
 */
export async function putMediation(
  ctx: Ctx,
  caseId: string,
  body: PutMediationBody,
  expectedVersion: number,
): Promise<Mediation> {
  return transact(ctx, async (trx) => {
    const managed = await managedMediationCase(trx, ctx, caseId);
    const mediatorName = await checkReferences(trx, managed.c, body);
    const now = isoNow(ctx.clock);
    // Reads show phones masked, so an editor re-saving the list cannot send them back: a party sent without a
    // phone keeps the one stored for the same name and role.
    const stored = await trx
      .selectFrom('civic_mediation')
      .select('parties')
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    const previous = stored ? parseParties(stored.parties) : [];
    const parties: StoredParty[] = body.parties.map((p) => ({
      name: p.name,
      role: p.role,
      phoneCipher: p.phone
        ? ctx.cipher.encrypt(p.phone)
        : (previous.find((q) => q.name === p.name && q.role === p.role)?.phoneCipher ?? null),
      householdId: p.householdId ?? null,
    }));
    const values = {
      mediator_user_id: body.mediatorUserId ?? null,
      mediator_name: mediatorName,
      parties: JSON.stringify(parties),
      updated_at: now,
    };
    if (expectedVersion === 0) {
      const inserted = await trx
        .insertInto('civic_mediation')
        .values({
          ...values,
          case_id: caseId,
          outcome: 'pending',
          agreement_text: null,
          agreement_file_id: null,
          created_at: now,
        })
        .onConflict((oc) => oc.column('case_id').doNothing())
        .executeTakeFirst();
      assertUpdated(inserted.numInsertedOrUpdatedRows ?? 0);
    } else {
      const updated = await trx
        .updateTable('civic_mediation')
        .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
        .where('case_id', '=', caseId)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      assertUpdated(updated.numUpdatedRows);
    }
    await appendMediationNote(
      trx,
      managed,
      now,
      `调解记录已更新：当事人${parties.length}人，调解员${mediatorName ?? '未定'}`,
    );
    await appendAudit(trx, ctx, {
      action: 'civic_mediation.update',
      objectType: 'civic_mediation',
      objectId: caseId,
      details: { parties: parties.length, mediatorUserId: body.mediatorUserId ?? null, version: expectedVersion + 1 },
    });
    return currentMediation(ctx, trx, caseId);
  });
}

/**
 * `POST /civic-cases/:id/mediation/sessions`: records a session that was held (not a future one: 400 on
 * `heldOn`). Creates the record if the case had none; bumps its version; audited and noted on the timeline.
 */
export async function addMediationSession(ctx: Ctx, caseId: string, body: AddMediationSessionBody): Promise<Mediation> {
  return transact(ctx, async (trx) => {
    const managed = await managedMediationCase(trx, ctx, caseId);
    if (body.heldOn > shanghaiDate(ctx.clock.now())) throw invalid('body.heldOn', 'future');
    const now = isoNow(ctx.clock);
    await ensureMediationRow(trx, caseId, now);
    const id = newId();
    await trx
      .insertInto('civic_mediation_session')
      .values({
        id,
        case_id: caseId,
        held_on: body.heldOn,
        place: body.place || null,
        attendees: body.attendees || null,
        notes: body.notes,
        created_by: managed.actor.userId,
        created_at: now,
      })
      .execute();
    await trx
      .updateTable('civic_mediation')
      .set((eb) => ({ updated_at: now, version: eb('version', '+', 1) }))
      .where('case_id', '=', caseId)
      .execute();
    await appendMediationNote(
      trx,
      managed,
      now,
      `调解记录已更新：${body.heldOn} 调解一次${body.place ? `（${body.place}）` : ''}`,
    );
    await appendAudit(trx, ctx, {
      action: 'civic_mediation.session',
      objectType: 'civic_mediation',
      objectId: caseId,
      details: { sessionId: id, heldOn: body.heldOn },
    });
    return currentMediation(ctx, trx, caseId);
  });
}
