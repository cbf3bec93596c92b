import type { Db } from '../../db/database.ts';
import { PASSWORD_POLICY_KEY } from '../auth/password-policy.ts';
import type { Trx } from '../transaction.ts';

/** The stored policy row; absent until the first save, which the service treats as version 0 of the defaults. */
export function findPolicySetting(db: Db | Trx) {
  return db
    .selectFrom('setting')
    .select(['value', 'version'])
    .where('key', '=', PASSWORD_POLICY_KEY)
    .executeTakeFirst();
}

/**
 * Saves the policy if nobody saved since version `expected` was read (REL-7): an insert that yields to an
 * existing row for version 0, otherwise `UPDATE … WHERE version = ?`. Returns the number of rows written.
 */
export async function savePolicySetting(
  trx: Trx,
  input: { value: string; expected: number; now: string; by: string },
): Promise<number> {
  if (input.expected === 0) {
    const result = await trx
      .insertInto('setting')
      .values({ key: PASSWORD_POLICY_KEY, value: input.value, updated_at: input.now, updated_by: input.by, version: 1 })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  const result = await trx
    .updateTable('setting')
    .set((eb) => ({ value: input.value, updated_at: input.now, updated_by: input.by, version: eb('version', '+', 1) }))
    .where('key', '=', PASSWORD_POLICY_KEY)
    .where('version', '=', input.expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
