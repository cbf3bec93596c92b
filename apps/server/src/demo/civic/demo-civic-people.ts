import { isoNow } from '../../platform/clock.ts';
import type { Actor, Platform } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import type { Trx } from '../../platform/transaction.ts';
import type { DemoAccount } from '../demo-accounts.ts';
import type { DemoNames } from '../demo-names.ts';
import { demoActor } from './demo-civic-actors.ts';

type Account = DemoAccount & { userId: string };

/**
 * Residents who report on the H5: accounts that sign in by SMS code (no password), each with the resident
 * role on their compound, as registration would have left them.
 */
export async function createDemoResidents(
  trx: Trx,
  platform: Platform,
  compound: { id: string; path: string },
  names: DemoNames,
  count: number,
): Promise<Actor[]> {
  const now = isoNow(platform.clock);
  const residents: Actor[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = newId();
    const name = names.person();
    await trx
      .insertInto('app_user')
      .values({
        id,
        username: null,
        display_name: name,
        phone_cipher: null,
        phone_index: null,
        password_hash: null,
        password_changed_at: null,
        must_change_password: 0,
        totp_secret_cipher: null,
        totp_enrolled: 0,
        totp_last_step: null,
        status: 'active',
        failed_logins: 0,
        locked_until: null,
        last_login_at: null,
        locale: 'zh-CN',
        created_at: now,
        updated_at: now,
      })
      .execute();
    await trx
      .insertInto('role_assignment')
      .values({
        id: newId(),
        user_id: id,
        role: 'resident',
        scope_kind: 'compound',
        scope_id: compound.id,
        scope_path: compound.path,
        created_at: now,
        created_by: null,
      })
      .execute();
    residents.push(demoActor(id, name, 'resident', { kind: 'compound', id: compound.id, path: compound.path }));
  }
  return residents;
}

/** A demo account as an actor with its real assignment and name (the first compound's staff and resident). */
export async function accountActor(trx: Trx, account: Account | undefined): Promise<Actor | null> {
  if (!account) return null;
  const user = await trx
    .selectFrom('app_user')
    .select('display_name')
    .where('id', '=', account.userId)
    .executeTakeFirstOrThrow();
  const assignment = await trx
    .selectFrom('role_assignment')
    .selectAll()
    .where('user_id', '=', account.userId)
    .where('role', '=', account.role)
    .executeTakeFirstOrThrow();
  return demoActor(account.userId, user.display_name, account.role, {
    kind: assignment.scope_kind,
    id: assignment.scope_id,
    path: assignment.scope_path,
  });
}
