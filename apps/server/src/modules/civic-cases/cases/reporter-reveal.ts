import type { RevealedReporterSchema, RevealReporterBodySchema } from '@linli/contracts';
import type { z } from 'zod';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { toBool } from '../../../platform/sql-helpers.ts';
import { transact } from '../../../platform/transaction.ts';
import { caseAccess } from './case-detail.ts';
import { readReporter } from './reporter.repository.ts';

/**
 * `POST /civic-cases/:id/reporter` (PI-3): the reporter's name and phone in clear, for the dispatcher or the lead
 * unit who must call them back, with a stated reason. One `civic_case.reveal_reporter` audit row records the
 * reason and never the values, in the same transaction as the read. An anonymous case stores nobody (PI-8):
 * 404 with `reason: 'anonymous'`. The route rate-limits it per user (SEC-22).
 */
export async function revealReporter(
  ctx: Ctx,
  caseId: string,
  body: z.infer<typeof RevealReporterBodySchema>,
): Promise<z.infer<typeof RevealedReporterSchema>> {
  return transact(ctx, async (trx) => {
    const { row, relations } = await caseAccess(ctx, trx, caseId);
    if (!relations.has('dispatcher') && !relations.has('handler')) {
      throw new AppError('FORBIDDEN', { details: { permission: 'civic_case.dispatch' } });
    }
    if (toBool(row.anonymous)) {
      throw new AppError('NOT_FOUND', { details: { what: 'reporter', reason: 'anonymous' } });
    }
    const revealed = await readReporter(ctx, trx, row);
    await appendAudit(trx, ctx, {
      action: 'civic_case.reveal_reporter',
      objectType: 'civic_case',
      objectId: caseId,
      details: { reason: body.reason, fields: ['name', 'phone'] },
    });
    return revealed;
  });
}
