import { LEDGER_USES_PERIOD, type LedgerKind, type LedgerQuery } from '@linli/contracts';
import { shanghaiDate } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { assertPeriod } from '../../civic-cases/index.ts';
import { type ReportScope, resolveReportScope } from '../report-scope.ts';
import type { LedgerSource } from './ledger-types.ts';

export interface LedgerRequest {
  scope: ReportScope;
  /** Null for the registers as they stand (organisation, members, report-ins). */
  period: { from: string; to: string } | null;
}

const required = (path: string): AppError =>
  new AppError('VALIDATION_FAILED', { details: { issues: [{ path, message: 'required' }] } });

/**
 * The scope (403 outside the caller's `ledger.export` assignments; a grid worker or a resident holds none) and,
 * for the ledgers picked by period, the period (400 when missing, reversed or longer than five years). A
 * register as it stands takes no period, but dates given to it must still make a valid one (never a silent 200).
 */
export async function resolveLedgerRequest(ctx: Ctx, kind: LedgerKind, query: LedgerQuery): Promise<LedgerRequest> {
  const scope = await resolveReportScope(ctx, query, 'ledger.export');
  const { from, to } = query;
  if (LEDGER_USES_PERIOD[kind]) {
    if (!from) throw required('from');
    if (!to) throw required('to');
  }
  if (from && to) assertPeriod({ from, to });
  else if (from || to) throw required(from ? 'to' : 'from');
  return { scope, period: LEDGER_USES_PERIOD[kind] && from && to ? { from, to } : null };
}

/** What every ledger definition reads from. */
export const ledgerSource = (ctx: Ctx, request: LedgerRequest): LedgerSource => ({
  db: ctx.db,
  cipher: ctx.cipher,
  scope: request.scope,
  period: request.period,
  today: shanghaiDate(ctx.clock.now()),
});
