import type { CaseActionBody, CivicCaseAction, CivicCaseDetail, UnitRef } from '@linli/contracts';
import { authorize, requireActor } from '../../../platform/access/authorize.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { transact } from '../../../platform/transaction.ts';
import { caseRelations } from '../case-access.ts';
import { loadCaseFacts } from '../case-facts.repository.ts';
import { loadCaseDetail } from '../cases/case-detail.ts';
import { applyCaseAction, type PendingSms } from './case-action.runner.ts';

/**
 * Texts the unit's staff about an emergency, after the change committed (a text about a rolled-back change
 * would lie). A sender failure is logged, never turned into a failed request: the change and its in-app
 * notices stand.
 */
async function sendSms(ctx: Ctx, sms: PendingSms | null): Promise<void> {
  if (!sms) return;
  const users = await ctx.db
    .selectFrom('app_user')
    .select(['id', 'phone_cipher'])
    .where('id', 'in', sms.userIds)
    .where('phone_cipher', 'is not', null)
    .execute();
  for (const user of users) {
    if (!user.phone_cipher) continue;
    try {
      await ctx.sms.send(ctx.cipher.decrypt(user.phone_cipher), sms.text);
    } catch (error) {
      ctx.log.error({ err: error, userId: user.id }, 'emergency SMS not sent');
    }
  }
}

/**
 * `POST /civic-cases/:id/actions/:action`: one step of the 民情 loop under the client's If-Match version, in
 * one transaction, answered with the case as the user now sees it (abilities included) so the page redraws
 * from the answer — or null when the action took the user's own access away (a unit sending a case back). 409 CIVIC_CASE_TRANSITION / 403 / 409 REOPEN_WINDOW_PASSED / 412 / 400 per the rules.
 */
export async function takeCaseAction(
  ctx: Ctx,
  input: { caseId: string; action: CivicCaseAction; body: CaseActionBody; expectedVersion: number },
): Promise<CivicCaseDetail | null> {
  const actor = requireActor(ctx);
  const { detail, sms } = await transact(ctx, async (trx) => {
    const pending = await applyCaseAction(ctx, trx, actor, input);
    // A unit that sends a case back no longer reads it (PI-9): its answer is 204, not someone else's case.
    const facts = await loadCaseFacts(trx, input.caseId);
    const stillReads = facts !== undefined && caseRelations(actor, facts).has('reader');
    return { detail: stillReads ? await loadCaseDetail(ctx, trx, input.caseId) : null, sms: pending };
  });
  await sendSms(ctx, sms);
  return detail;
}

/**
 * `POST /civic-cases/bulk-dispatch`: dispatches each case to the chosen unit or to its routed one, each in its
 * own transaction so one case's refusal (wrong status, out of scope, unknown) never undoes the others; the
 * failures come back with their error codes.
 */
export async function bulkDispatch(
  ctx: Ctx,
  input: { caseIds: string[]; unit?: UnitRef | undefined },
): Promise<{ dispatched: string[]; failed: { id: string; code: string }[] }> {
  const actor = authorize(ctx, 'civic_case.dispatch');
  const body: CaseActionBody = input.unit ? { unit: input.unit } : {};
  const dispatched: string[] = [];
  const failed: { id: string; code: string }[] = [];
  for (const caseId of [...new Set(input.caseIds)]) {
    try {
      const sms = await transact(ctx, (trx) =>
        applyCaseAction(ctx, trx, actor, { caseId, action: 'dispatch', body, expectedVersion: null }),
      );
      await sendSms(ctx, sms);
      dispatched.push(caseId);
    } catch (error) {
      // The cases before this one are committed: report the failure with the rest rather than lose them.
      if (!(error instanceof AppError)) ctx.log.error({ err: error, caseId }, 'bulk dispatch failed on a case');
      const code = error instanceof AppError ? error.code : 'INTERNAL';
      // SEC-14: a refusal inside a batch is audited like one of a single request.
      if (code === 'FORBIDDEN') {
        await recordAudit(ctx, {
          action: 'access.denied',
          outcome: 'failure',
          objectType: 'civic_case',
          objectId: caseId,
          details: { code, route: '/civic-cases/bulk-dispatch' },
        });
      }
      failed.push({ id: caseId, code });
    }
  }
  return { dispatched, failed };
}
