import { sql } from 'kysely';
import { isoNow } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Trx } from '../../../platform/transaction.ts';
import { shanghaiToday } from './report-in-dates.ts';

/** One counter per year in `setting`, shared by organisation and member receipts so a number is never reused. */
const counterKey = (year: string) => `members.report_in_receipt_seq:${year}`;

/**
 * The highest sequence already issued for the year by any other path (imported or seeded rows), so the counter
 * starts above it. Receipt numbers are zero-padded, so the text maximum is the numeric one.
 */
async function highestIssued(trx: Trx, year: string): Promise<number> {
  const prefix = `BD-${year}-`;
  const top = async (table: 'member_report_in' | 'org_report_in') =>
    (
      await trx
        .selectFrom(table)
        .select((eb) => eb.fn.max('receipt_no').as('top'))
        .where('receipt_no', 'like', `${prefix}%`)
        .executeTakeFirst()
    )?.top;
  const seqOf = (no: string | null | undefined) => Number(no?.slice(prefix.length)) || 0;
  return Math.max(seqOf(await top('member_report_in')), seqOf(await top('org_report_in')));
}

/**
 * The next receipt (回执) number of the year, `BD-2026-000123`, inside the caller's transaction. The counter
 * row is bumped with an UPDATE, which on PostgreSQL holds the row lock until the transaction ends: two
 * secretaries confirming at once get consecutive numbers, and a rolled-back confirmation gives its number back.
 */
export async function nextReceiptNo(trx: Trx, ctx: Ctx): Promise<string> {
  const year = shanghaiToday(ctx.clock).slice(0, 4);
  const key = counterKey(year);
  const exists = await trx.selectFrom('setting').select('key').where('key', '=', key).executeTakeFirst();
  if (!exists) {
    const start = String(await highestIssued(trx, year));
    await trx
      .insertInto('setting')
      .values({ key, value: start, updated_at: isoNow(ctx.clock), updated_by: null, version: 1 })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  }
  await trx
    .updateTable('setting')
    .set({ value: sql<string>`CAST(CAST(value AS integer) + 1 AS text)`, updated_at: isoNow(ctx.clock) })
    .where('key', '=', key)
    .execute();
  const row = await trx.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirstOrThrow();
  return `BD-${year}-${row.value.padStart(6, '0')}`;
}
