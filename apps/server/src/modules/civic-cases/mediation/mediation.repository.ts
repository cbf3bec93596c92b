import type { Mediation } from '@linli/contracts';
import type { Db } from '../../../db/database.ts';
import type { Ctx } from '../../../platform/context.ts';
import { maskPhone } from '../../../platform/crypto/index.ts';
import type { Trx } from '../../../platform/transaction.ts';

/** A party as stored: the phone encrypted on its own inside the JSON (PI-3), never in clear. */
export interface StoredParty {
  name: string;
  role: 'applicant' | 'respondent' | 'other';
  phoneCipher: string | null;
  householdId: string | null;
}

/** The case facts mediation needs: what it is, where it hangs, and whether its loop is still running. */
export const loadMediationCase = (db: Db | Trx, caseId: string) =>
  db
    .selectFrom('civic_case')
    .select(['id', 'number', 'title', 'kind', 'status', 'path', 'compound_id'])
    .where('id', '=', caseId)
    .executeTakeFirst();
export type MediationCase = NonNullable<Awaited<ReturnType<typeof loadMediationCase>>>;

/** The case's mediation record, or undefined before anyone has written it. */
export const loadMediationRow = (db: Db | Trx, caseId: string) =>
  db.selectFrom('civic_mediation').selectAll().where('case_id', '=', caseId).executeTakeFirst();
export type MediationRow = NonNullable<Awaited<ReturnType<typeof loadMediationRow>>>;

/** The sessions held, in the order they were held. */
export const loadSessions = (db: Db | Trx, caseId: string) =>
  db
    .selectFrom('civic_mediation_session')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('held_on')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
export type SessionRow = Awaited<ReturnType<typeof loadSessions>>[number];

/** The stored parties JSON (written only by `putMediation`, so its shape is ours). */
export const parseParties = (json: string): StoredParty[] => JSON.parse(json) as StoredParty[];

/** A party's phone as every reader sees it: decrypted only to be masked. */
export const maskedPhone = (ctx: Pick<Ctx, 'cipher'>, party: StoredParty): string | null =>
  party.phoneCipher ? maskPhone(ctx.cipher.decrypt(party.phoneCipher)) : null;

/**
 * Creates the case's empty mediation record if there is none yet (a dispute case filed without parties), so
 * sessions and outcomes always hang on one row. Returns the row as it now is.
 */
export async function ensureMediationRow(trx: Trx, caseId: string, now: string): Promise<MediationRow> {
  await trx
    .insertInto('civic_mediation')
    .values({
      case_id: caseId,
      mediator_user_id: null,
      mediator_name: null,
      parties: '[]',
      outcome: 'pending',
      agreement_text: null,
      agreement_file_id: null,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('case_id').doNothing())
    .execute();
  const row = await loadMediationRow(trx, caseId);
  if (!row) throw new Error('mediation row vanished inside its transaction');
  return row;
}

/** The `Mediation` DTO; a case without a record yet reads as pending with no parties at version 0. */
export function toMediation(
  ctx: Pick<Ctx, 'cipher'>,
  caseId: string,
  row: MediationRow | undefined,
  sessions: SessionRow[],
): Mediation {
  return {
    caseId,
    mediatorName: row?.mediator_name ?? null,
    mediatorUserId: row?.mediator_user_id ?? null,
    parties: (row ? parseParties(row.parties) : []).map((p) => ({
      name: p.name,
      role: p.role,
      phone: maskedPhone(ctx, p),
      householdId: p.householdId,
    })),
    outcome: row?.outcome ?? 'pending',
    agreementText: row?.agreement_text ?? null,
    agreementFileId: row?.agreement_file_id ?? null,
    sessions: sessions.map((s) => ({
      id: s.id,
      heldOn: s.held_on,
      place: s.place,
      attendees: s.attendees,
      notes: s.notes,
      createdAt: s.created_at,
    })),
    version: row?.version ?? 0,
  };
}
