import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import { shanghaiDate } from '../../../platform/clock.ts';
import type { Trx } from '../../../platform/transaction.ts';

/**
 * The readable case number `MQ20261127-0001`: the Asia/Shanghai day and that day's sequence. The per-day counter
 * is upserted inside the case's transaction, so two submissions never share a number and a rolled-back one
 * gives its number back.
 */
export async function nextCaseNumber(trx: Trx, at: Date): Promise<string> {
  const day = shanghaiDate(at);
  const row = await trx
    .insertInto('civic_case_counter')
    .values({ day, last: 1 })
    .onConflict((oc) => oc.column('day').doUpdateSet({ last: sql<number>`civic_case_counter.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `MQ${day.replace(/-/g, '')}-${String(row.last).padStart(4, '0')}`;
}

/** Crockford base32: no I, L, O or U, so a code read over the phone or copied by hand survives. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TRACKING_CODE_LENGTH = 10;

/** An anonymous report's tracking code: 50 random bits, the only way back to the case (PI-8). */
export function newTrackingCode(): string {
  let code = '';
  for (let i = 0; i < TRACKING_CODE_LENGTH; i += 1) code += CROCKFORD[randomInt(32)];
  return code;
}

/**
 * A typed tracking code as stored: upper case, without separators, with the letters Crockford reads as digits
 * (O → 0, I/L → 1) mapped; null when it cannot be a code at all.
 */
export function normaliseTrackingCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (code.length !== TRACKING_CODE_LENGTH) return null;
  return [...code].every((c) => CROCKFORD.includes(c)) ? code : null;
}
