import {
  DEFAULT_REPORT_IN_RULE,
  type ReportInRule,
  type ReportInRuleDetail,
  ReportInRuleSchema,
} from '@linli/contracts';
import type { Db } from '../../../db/database.ts';
import { holdsAtRoot } from '../../../platform/access/account-scope.ts';
import { authorize } from '../../../platform/access/authorize.ts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { isoNow } from '../../../platform/clock.ts';
import { assertUpdated } from '../../../platform/concurrency.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { type Trx, transact } from '../../../platform/transaction.ts';
import { updateAtVersion } from '../../../platform/versioned-update.ts';

export const REPORT_IN_RULE_KEY = 'members.report_in_rule';

function parseStored(value: string): ReportInRule {
  const parsed = ReportInRuleSchema.safeParse(JSON.parse(value));
  return parsed.success ? parsed.data : DEFAULT_REPORT_IN_RULE;
}

/** The rule in force and its version; absent until first saved, which reads as version 0 of the defaults. */
export async function loadReportInRule(
  db: Db | Trx,
): Promise<{ rule: ReportInRule; version: number; updatedAt: string | null }> {
  const row = await db
    .selectFrom('setting')
    .select(['value', 'version', 'updated_at'])
    .where('key', '=', REPORT_IN_RULE_KEY)
    .executeTakeFirst();
  return row
    ? { rule: parseStored(row.value), version: Number(row.version), updatedAt: row.updated_at }
    : { rule: DEFAULT_REPORT_IN_RULE, version: 0, updatedAt: null };
}

/** The year-end rule, for anyone who reads the roster; `abilities.update` for county-level editors. */
export async function getReportInRule(ctx: Ctx): Promise<ReportInRuleDetail> {
  const actor = authorize(ctx, 'member.read');
  const { rule, version, updatedAt } = await loadReportInRule(ctx.db);
  return { ...rule, version, updatedAt, abilities: { update: holdsAtRoot(actor, 'work_unit.write') } };
}

/**
 * Replaces the year-end rule. It applies to the whole county, so only a holder of `work_unit.write` at the
 * county root may change it (403 otherwise). `readExpectedVersion` reads If-Match (428 without, 412 when stale;
 * version 0 is the first save of the defaults, like the password policy). Audited with before and after.
 */
export async function putReportInRule(
  ctx: Ctx,
  rule: ReportInRule,
  readExpectedVersion: () => number,
): Promise<ReportInRuleDetail> {
  const actor = authorize(ctx, 'work_unit.write');
  if (!holdsAtRoot(actor, 'work_unit.write')) {
    throw new AppError('FORBIDDEN', { details: { permission: 'work_unit.write' } });
  }
  const expectedVersion = readExpectedVersion();
  return transact(ctx, async (trx) => {
    const before = await loadReportInRule(trx);
    const value = JSON.stringify(rule);
    const now = isoNow(ctx.clock);
    if (expectedVersion === 0) {
      const inserted = await trx
        .insertInto('setting')
        .values({ key: REPORT_IN_RULE_KEY, value, updated_at: now, updated_by: actor.userId, version: 1 })
        .onConflict((oc) => oc.column('key').doNothing())
        .executeTakeFirst();
      assertUpdated(Number(inserted.numInsertedOrUpdatedRows ?? 0));
    } else {
      await updateAtVersion(trx, ctx, {
        table: 'setting',
        key: REPORT_IN_RULE_KEY,
        expectedVersion,
        changes: { value, updated_by: actor.userId },
      });
    }
    await appendAudit(trx, ctx, {
      action: 'report_in_rule.update',
      objectType: 'setting',
      objectId: REPORT_IN_RULE_KEY,
      details: { before: before.rule, after: rule },
    });
    return { ...rule, version: expectedVersion + 1, updatedAt: now, abilities: { update: true } };
  });
}
