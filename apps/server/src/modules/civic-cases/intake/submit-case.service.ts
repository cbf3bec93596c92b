import type {
  FileCivicCaseBodySchema,
  PublicSubmitCivicCaseBodySchema,
  SubmitCivicCaseBodySchema,
  SubmittedCivicCase,
} from '@linli/contracts';
import type { z } from 'zod';
import { authorize } from '../../../platform/access/authorize.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { transact } from '../../../platform/transaction.ts';
import { createCase } from './case-create.ts';
import { filingPlace } from './file-case.place.ts';

type SubmitBody = z.infer<typeof SubmitCivicCaseBodySchema>;
type FileBody = z.infer<typeof FileCivicCaseBodySchema>;
type PublicBody = z.infer<typeof PublicSubmitCivicCaseBodySchema>;

/** An anonymous report answers without its id: nobody may open it by id, only by its tracking code. */
const answer = (created: SubmittedCivicCase, anonymous: boolean): SubmittedCivicCase => ({
  id: anonymous ? null : created.id,
  number: created.number,
  trackingCode: created.trackingCode,
  status: created.status,
});

/**
 * `POST /me/civic-cases`: a resident or member reports a problem. Any holder of `civic_case.report` may report in
 * any compound of the county — people report where they see the problem, not only where they live — and that
 * gives them no sight of the compound's other cases. Anonymous reports keep nothing of the reporter (PI-8).
 */
export async function reportCase(ctx: Ctx, body: SubmitBody): Promise<SubmittedCivicCase> {
  const actor = authorize(ctx, 'civic_case.report');
  return transact(ctx, async (trx) =>
    answer(
      await createCase(trx, ctx, {
        ...body,
        channel: 'h5',
        reporterUserId: actor.userId,
      }),
      body.anonymous,
    ),
  );
}

/**
 * `POST /civic-cases`: staff file a case on a resident's behalf (代办), from a household visit, a reception day,
 * the hotline, the suggestion box (always anonymous) or a meeting, with `civic_case.file` over the case's place.
 * The resident's name and phone are stored encrypted; a dispute (`kind: 'mediation'`) gets its mediation record.
 */
export async function fileCase(ctx: Ctx, body: FileBody): Promise<SubmittedCivicCase> {
  const { place, visit } = await filingPlace(ctx, body);
  const actor = authorize(ctx, 'civic_case.file', { path: place.path });
  const anonymous = body.anonymous || body.channel === 'suggestion_box';
  return transact(ctx, async (trx) => {
    const created = await createCase(trx, ctx, {
      ...body,
      place: place.casePlace,
      anonymous,
      reporterUserId: null,
      reporterName: body.reporterName,
      reporterPhone: body.reporterPhone,
      filedBy: actor.userId,
      visitId: visit?.id ?? null,
    });
    if (visit) {
      await trx
        .updateTable('household_visit')
        .set({ civic_case_id: created.id })
        .where('id', '=', visit.id)
        .where('civic_case_id', 'is', null)
        .execute();
    }
    return created;
  });
}

/**
 * `POST /public/civic-cases`: a report from someone without an account, anonymous by construction, only in
 * categories that allow it (422 otherwise), and without photos (an upload needs an account to own it until it
 * is attached). Whoever happens to be signed in, the case keeps no trace of them.
 */
export async function submitPublicCase(ctx: Ctx, body: PublicBody): Promise<SubmittedCivicCase> {
  if (body.photoIds.length > 0) {
    throw new AppError('VALIDATION_FAILED', { details: { issues: [{ path: 'photoIds', message: 'not_allowed' }] } });
  }
  const nobody: Ctx = { ...ctx, actor: null };
  return transact(ctx, async (trx) =>
    answer(await createCase(trx, nobody, { ...body, channel: 'h5', anonymous: true, reporterUserId: null }), true),
  );
}
