import type { Db } from '../../../db/database.ts';
import { DAY_MS, shanghaiDate } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { JobHandler, JobHandlers } from '../../../platform/jobs/index.ts';
import type { Trx } from '../../../platform/transaction.ts';
import { monthPeriod } from '../../civic-cases/index.ts';
import { loadReportScope } from '../report-scope.ts';
import { builtinSource, findDefaultTemplate, type TemplateSource } from './template.repository.ts';
import { checkTemplate } from './template-syntax.ts';
import { generateWorkReport } from './work-report.store.ts';

export const MONTHLY_WORK_REPORT_JOB = 'reports.monthly-work-report';

/** The Asia/Shanghai month before the one `today` falls in, `YYYY-MM`. */
export function previousMonth(today: string): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

export const monthlyDedupeKey = (scopeId: string, month: string): string => `monthly:${scopeId}:${month}`;

/** The county root and every Party committee and working committee: the scopes the monthly report is for. */
async function monthlyScopeIds(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('org_unit')
    .select(['id', 'parent_id'])
    .where((eb) => eb.or([eb('parent_id', 'is', null), eb('kind', 'in', ['party_committee', 'working_committee'])]))
    .orderBy('depth')
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * The county's default template, else the built-in one. A default saved before a figure was withdrawn from the
 * catalogue would be refused, so the built-in template stands in rather than the month going unreported.
 */
async function monthlyTemplate(ctx: Ctx): Promise<TemplateSource> {
  const row = await findDefaultTemplate(ctx.db);
  if (!row) return builtinSource();
  if (!checkTemplate(row.body).ok) {
    ctx.log.warn({ templateId: row.id }, 'default work-report template is invalid; using the built-in one');
    return builtinSource();
  }
  return { id: row.id, name: row.name, body: row.body };
}

/**
 * Last month's work report for the county root and each Party (working) committee, written by nobody (null) from
 * the default template. A scope whose report for that month exists (`dedupe_key`) is skipped — checked before
 * the document is built (cheap reruns) and again inside its transaction (no double filing), so the daily run
 * writes each month once however often it runs. Returns how many reports were written.
 */
export async function runMonthlyWorkReports(ctx: Ctx): Promise<number> {
  const month = previousMonth(shanghaiDate(ctx.clock.now()));
  const period = monthPeriod(month);
  const template = await monthlyTemplate(ctx);
  let written = 0;
  for (const scopeId of await monthlyScopeIds(ctx.db)) {
    const dedupeKey = monthlyDedupeKey(scopeId, month);
    const filed = (db: Db | Trx) =>
      db.selectFrom('work_report').select('id').where('dedupe_key', '=', dedupeKey).executeTakeFirst();
    if (await filed(ctx.db)) continue;
    const scope = await loadReportScope(ctx.db, 'org', scopeId);
    const input = { scope, period, template, trigger: 'monthly' as const, generatedBy: null, dedupeKey };
    const report = await generateWorkReport(ctx, input, async (trx) => Boolean(await filed(trx)));
    if (report) written += 1;
  }
  return written;
}

const monthlyWorkReportJob: JobHandler = {
  everyMs: DAY_MS,
  async run(ctx) {
    await runMonthlyWorkReports(ctx);
  },
};

export const workReportJobHandlers: JobHandlers = { [MONTHLY_WORK_REPORT_JOB]: monthlyWorkReportJob };
