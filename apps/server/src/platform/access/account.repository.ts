import type { AccountListQuery } from '@linli/contracts';
import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { AppUserTable, RoleAssignmentTable } from '../../db/schema.ts';
import type { Actor } from '../context.ts';
import { likeContains } from '../sql-helpers.ts';
import type { Trx } from '../transaction.ts';
import { accountVisible } from './account-scope.ts';

/** The columns an `Account` is built from; never the password hash or the TOTP secret. */
const ACCOUNT_COLUMNS = [
  'app_user.id',
  'app_user.username',
  'app_user.display_name',
  'app_user.phone_cipher',
  'app_user.status',
  'app_user.locked_until',
  'app_user.totp_enrolled',
  'app_user.last_login_at',
  'app_user.created_at',
  'app_user.version',
] as const;

export interface AccountRow {
  id: string;
  username: string | null;
  display_name: string;
  phone_cipher: string | null;
  status: 'active' | 'disabled';
  locked_until: string | null;
  totp_enrolled: number;
  last_login_at: string | null;
  created_at: string;
  version: number;
}

export interface AssignmentRow {
  id: string;
  user_id: string;
  role: string;
  scope_kind: 'org' | 'compound' | 'grid';
  scope_id: string;
  scope_path: string;
}

export function findAccountRow(db: Db | Trx, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('app_user').select(ACCOUNT_COLUMNS).where('app_user.id', '=', id).executeTakeFirst();
}

/**
 * One page of the accounts the actor may read, newest first (ids are UUIDv7, so id order is creation order).
 * `now` decides which accounts count as locked.
 */
export function listAccountRows(
  db: Db,
  actor: Actor,
  query: AccountListQuery,
  now: string,
  beforeId: string | null,
): Promise<AccountRow[]> {
  const q = query.q;
  return db
    .selectFrom('app_user')
    .select(ACCOUNT_COLUMNS)
    .where(accountVisible(actor, 'account.read'))
    .$if(beforeId !== null, (qb) => qb.where('app_user.id', '<', beforeId ?? ''))
    .$if(Boolean(q), (qb) =>
      qb.where((eb) =>
        eb.or([
          sql<boolean>`app_user.username LIKE ${likeContains((q ?? '').toLowerCase())} ESCAPE '\\'`,
          sql<boolean>`app_user.display_name LIKE ${likeContains(q ?? '')} ESCAPE '\\'`,
        ]),
      ),
    )
    .$if(query.role !== undefined, (qb) =>
      qb.where((eb) =>
        eb.exists(
          eb
            .selectFrom('role_assignment as rr')
            .select('rr.id')
            .whereRef('rr.user_id', '=', 'app_user.id')
            .where('rr.role', '=', query.role ?? ''),
        ),
      ),
    )
    .$if(query.status === 'disabled', (qb) => qb.where('app_user.status', '=', 'disabled'))
    .$if(query.status === 'locked', (qb) =>
      qb.where('app_user.status', '=', 'active').where('app_user.locked_until', '>', now),
    )
    .$if(query.status === 'active', (qb) =>
      qb
        .where('app_user.status', '=', 'active')
        .where((eb) => eb.or([eb('app_user.locked_until', 'is', null), eb('app_user.locked_until', '<=', now)])),
    )
    .orderBy('app_user.id', 'desc')
    .limit(query.limit + 1)
    .execute();
}

export async function assignmentsOf(db: Db | Trx, userIds: string[]): Promise<AssignmentRow[]> {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('role_assignment')
    .select(['id', 'user_id', 'role', 'scope_kind', 'scope_id', 'scope_path'])
    .where('user_id', 'in', userIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function usernameTaken(db: Db | Trx, username: string): Promise<boolean> {
  const row = await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst();
  return row !== undefined;
}

export async function phoneTaken(db: Db | Trx, phoneIndex: string): Promise<boolean> {
  const row = await db.selectFrom('app_user').select('id').where('phone_index', '=', phoneIndex).executeTakeFirst();
  return row !== undefined;
}

export async function insertUser(trx: Trx, values: Insertable<AppUserTable>): Promise<void> {
  await trx.insertInto('app_user').values(values).execute();
}

/**
 * Bumps the account's version and takes its row lock (PostgreSQL) for the rest of the transaction, so two
 * concurrent role changes on one account run one after the other and see each other's result (SEC-9).
 * Returns false when the account does not exist.
 */
export async function lockAccount(trx: Trx, id: string, now: string): Promise<boolean> {
  const result = await trx
    .updateTable('app_user')
    .set((eb) => ({ updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function setAccountStatus(trx: Trx, id: string, status: 'active' | 'disabled', now: string) {
  await trx
    .updateTable('app_user')
    .set((eb) => ({ status, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function clearLockout(trx: Trx, id: string, now: string): Promise<void> {
  await trx
    .updateTable('app_user')
    .set((eb) => ({
      failed_logins: 0,
      last_failed_login_at: null,
      locked_until: null,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}

export async function insertAssignment(trx: Trx, values: Insertable<RoleAssignmentTable>): Promise<void> {
  await trx.insertInto('role_assignment').values(values).execute();
}

export function findAssignment(db: Db | Trx, userId: string, assignmentId: string): Promise<AssignmentRow | undefined> {
  return db
    .selectFrom('role_assignment')
    .select(['id', 'user_id', 'role', 'scope_kind', 'scope_id', 'scope_path'])
    .where('id', '=', assignmentId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** False when a concurrent revoke removed it first. */
export async function deleteAssignment(trx: Trx, assignmentId: string): Promise<boolean> {
  const result = await trx.deleteFrom('role_assignment').where('id', '=', assignmentId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
