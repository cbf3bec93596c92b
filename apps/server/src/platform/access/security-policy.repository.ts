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
 * The first save of the defaults (version 0 → 1). Two first saves may race: the later insert yields to the
 * row the other wrote and reports 0 rows, which the service turns into VERSION_STALE (REL-7).
 */
export async function insertPolicySetting(
  trx: Trx,
  input: { value: string; now: string; by: string },
): Promise<number> {
  const result = await trx
    .insertInto('setting')
    .values({ key: PASSWORD_POLICY_KEY, value: input.value, updated_at: input.now, updated_by: input.by, version: 1 })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}
