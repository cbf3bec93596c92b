import type { Db } from '../../../db/database.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Trx } from '../../../platform/transaction.ts';

/** The case columns that say who reported it. */
export interface ReporterColumns {
  reporter_user_id: string | null;
  reporter_name_cipher: string | null;
  reporter_phone_cipher: string | null;
}

/**
 * The reporter's name and phone in clear, for masking or an audited reveal only. Staff filing a case store what
 * the resident told them (encrypted on the case); a resident reporting through H5 is known by their account, so
 * what the case does not hold comes from the account.
 */
export async function readReporter(
  ctx: Pick<Ctx, 'cipher'>,
  db: Db | Trx,
  row: ReporterColumns,
): Promise<{ name: string | null; phone: string | null }> {
  const open = (cipher: string | null) => (cipher ? ctx.cipher.decrypt(cipher) : null);
  let name = open(row.reporter_name_cipher);
  let phone = open(row.reporter_phone_cipher);
  if ((name === null || phone === null) && row.reporter_user_id !== null) {
    const user = await db
      .selectFrom('app_user')
      .select(['display_name', 'phone_cipher'])
      .where('id', '=', row.reporter_user_id)
      .executeTakeFirst();
    name ??= user?.display_name ?? null;
    phone ??= open(user?.phone_cipher ?? null);
  }
  return { name, phone };
}
