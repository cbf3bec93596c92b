import { createHash } from 'node:crypto';
import { DOCX_MEDIA_TYPE, type Mediation, type MediationOutcomeBodySchema } from '@linli/contracts';
import type { z } from 'zod';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { isoNow, shanghaiDate } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { attachPhotos } from '../../../platform/files/files.service.ts';
import { insertStoredFile } from '../../../platform/files/stored-file.repository.ts';
import { newId } from '../../../platform/ids.ts';
import { type Trx, transact } from '../../../platform/transaction.ts';
import { CIVIC_CASE_FILE_OWNER } from '../case-file-owners.ts';
import { appendMediationNote, type ManagedCase, managedMediationCase } from './mediation.access.ts';
import {
  ensureMediationRow,
  loadSessions,
  type MediationRow,
  maskedPhone,
  parseParties,
  toMediation,
} from './mediation.repository.ts';
import { buildAgreementDocx } from './mediation-agreement.docx.ts';

export type MediationOutcomeBody = z.infer<typeof MediationOutcomeBodySchema>;

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', { details: { issues: [{ path, message }] } });

/** An agreement comes from text or from an upload, never both, and only with an agreed outcome. */
function checkBody(body: MediationOutcomeBody): void {
  const text = body.agreementText ? body.agreementText.trim() : '';
  if (text && body.agreementFileId) throw invalid('body.agreementFileId', 'one_of');
  if (body.outcome === 'failed' && (text || body.agreementFileId)) {
    throw invalid(text ? 'body.agreementText' : 'body.agreementFileId', 'agreed_only');
  }
}

/** Generates the 调解协议书 from the record and stores it as the case's document, readable like the case. */
async function storeGeneratedAgreement(
  trx: Trx,
  ctx: Ctx,
  managed: ManagedCase,
  row: MediationRow,
  text: string,
  now: string,
): Promise<string> {
  const parties = parseParties(row.parties);
  if (parties.length < 2) throw new AppError('CONFLICT', { details: { missing: 'parties' } });
  const sessions = await loadSessions(trx, managed.c.id);
  const content = await buildAgreementDocx({
    caseNumber: managed.c.number,
    caseTitle: managed.c.title,
    parties: parties.map((p) => ({ name: p.name, role: p.role, phone: maskedPhone(ctx, p) })),
    mediatorName: row.mediator_name,
    sessions: sessions.map((s) => ({ heldOn: s.held_on, place: s.place, attendees: s.attendees })),
    agreementText: text,
    madeOn: shanghaiDate(new Date(now)),
  });
  const fileId = newId();
  await insertStoredFile(
    trx,
    {
      id: fileId,
      purpose: 'document',
      owner_type: CIVIC_CASE_FILE_OWNER,
      owner_id: managed.c.id,
      path: managed.c.path,
      file_name: `调解协议书-${managed.c.number}.docx`,
      media_type: DOCX_MEDIA_TYPE,
      byte_size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      created_at: now,
      created_by: managed.actor.userId,
    },
    content,
  );
  return fileId;
}

const outcomeNote = (body: MediationOutcomeBody, generated: boolean): string => {
  if (body.outcome === 'failed') return '调解记录已更新：调解未成';
  if (generated) return '调解记录已更新：达成调解协议，已生成调解协议书';
  return body.agreementFileId ? '调解记录已更新：达成调解协议，已上传调解协议书' : '调解记录已更新：达成调解协议';
};

/**
 * `POST /civic-cases/:id/mediation/outcome`: agreed or failed. With `agreementText` the 调解协议书 is generated
 * (Word) and stored as a document of the case; with `agreementFileId` the caller's own unattached upload becomes
 * the agreement (400 otherwise). An agreement, once reached, is final (409); a failed mediation may be retried.
 * The file shows on the timeline's note; audited.
 */
export async function recordMediationOutcome(ctx: Ctx, caseId: string, body: MediationOutcomeBody): Promise<Mediation> {
  checkBody(body);
  return transact(ctx, async (trx) => {
    const managed = await managedMediationCase(trx, ctx, caseId);
    const now = isoNow(ctx.clock);
    const row = await ensureMediationRow(trx, caseId, now);
    if (row.outcome === 'agreed') throw new AppError('CONFLICT', { details: { outcome: row.outcome } });
    const text = body.agreementText?.trim() || null;
    let fileId: string | null = null;
    if (text) fileId = await storeGeneratedAgreement(trx, ctx, managed, row, text, now);
    if (body.agreementFileId) {
      await attachPhotos(trx, ctx, [body.agreementFileId], {
        ownerType: CIVIC_CASE_FILE_OWNER,
        ownerId: caseId,
        path: managed.c.path,
        field: 'body.agreementFileId',
      });
      fileId = body.agreementFileId;
    }
    await trx
      .updateTable('civic_mediation')
      .set((eb) => ({
        outcome: body.outcome,
        agreement_text: text,
        agreement_file_id: fileId,
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('case_id', '=', caseId)
      .execute();
    await appendMediationNote(
      trx,
      managed,
      now,
      outcomeNote(body, text !== null),
      fileId ? { ids: [fileId], kind: 'agreement' } : undefined,
    );
    await appendAudit(trx, ctx, {
      action: 'civic_mediation.outcome',
      objectType: 'civic_mediation',
      objectId: caseId,
      details: { outcome: body.outcome, agreementFileId: fileId, generated: text !== null },
    });
    const updated = { ...row, outcome: body.outcome, agreement_text: text, agreement_file_id: fileId };
    return toMediation(ctx, caseId, { ...updated, version: row.version + 1 }, await loadSessions(trx, caseId));
  });
}
