import type { Role, ScopeKind } from '@linli/contracts';
import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { AppUserTable, RoleAssignmentTable } from '../../db/schema.ts';
import type { RowBuffer } from './bulk-insert.ts';
import type { IdMaker } from './scale-random.ts';
import { iso } from './scale-time.ts';

/** Someone who acts on the timeline: the account, its name as events show it, and the role it acts in. */
export interface Person {
  userId: string;
  name: string;
  role: Role;
}

export interface AccountScope {
  kind: ScopeKind;
  id: string;
  path: string;
}

/** An account as registration or an administrator leaves it, with one role over one scope. */
export function accountRows(
  ids: IdMaker,
  input: {
    atMs: number;
    username: string | null;
    displayName: string;
    phone: { cipher: string; index: string } | null;
    role: Role;
    scope: AccountScope;
    createdBy: string | null;
  },
): { user: Insertable<AppUserTable>; assignment: Insertable<RoleAssignmentTable> } {
  const id = ids(input.atMs);
  const at = iso(input.atMs);
  return {
    user: {
      id,
      username: input.username,
      display_name: input.displayName,
      phone_cipher: input.phone?.cipher ?? null,
      phone_index: input.phone?.index ?? null,
      // Staff accounts the county has not activated yet (no password: nobody signs in with them); residents sign
      // in by SMS code.
      password_hash: null,
      password_changed_at: null,
      must_change_password: 0,
      totp_secret_cipher: null,
      totp_enrolled: 0,
      totp_last_step: null,
      status: 'active',
      failed_logins: 0,
      last_failed_login_at: null,
      locked_until: null,
      last_login_at: null,
      locale: 'zh-CN',
      created_at: at,
      updated_at: at,
      version: 1,
    },
    assignment: {
      id: ids(input.atMs),
      user_id: id,
      role: input.role,
      scope_kind: input.scope.kind,
      scope_id: input.scope.id,
      scope_path: input.scope.path,
      created_at: at,
      created_by: input.createdBy,
    },
  };
}

export function addAccount(buffer: RowBuffer, rows: ReturnType<typeof accountRows>): void {
  buffer.add('app_user', rows.user);
  buffer.add('role_assignment', rows.assignment);
}

/** The accounts already holding a role, by role and scope id (the demo county's own). */
export async function loadPeople(db: Db): Promise<Map<string, Person>> {
  const rows = await db
    .selectFrom('role_assignment')
    .innerJoin('app_user', 'app_user.id', 'role_assignment.user_id')
    .select(['role_assignment.role', 'role_assignment.scope_id', 'app_user.id', 'app_user.display_name'])
    .orderBy('app_user.created_at')
    .orderBy('app_user.id')
    .execute();
  const people = new Map<string, Person>();
  for (const row of rows) {
    const key = `${row.role}:${row.scope_id}`;
    if (!people.has(key)) people.set(key, { userId: row.id, name: row.display_name, role: row.role as Role });
  }
  return people;
}
