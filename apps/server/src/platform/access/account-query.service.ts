import type { Account, AccountDetail, AccountListQuery, Page } from '@linli/contracts';
import type { Ctx } from '../context.ts';
import { notFound } from '../errors/app-error.ts';
import { decodeCursor, encodeCursor } from '../pagination.ts';
import { assignmentsOf, findAccountRow, listAccountRows } from './account.repository.ts';
import { authorizeAccount, coversAccount } from './account-scope.ts';
import { toAccount, toAccounts } from './account-view.ts';
import { authorize, can } from './authorize.ts';

/**
 * The account list of the system and security administrators, filtered in SQL to the accounts whose role
 * assignments fall inside the caller's scope (SEC-10); phone numbers are masked.
 */
export async function listAccounts(ctx: Ctx, query: AccountListQuery): Promise<Page<Account>> {
  const actor = authorize(ctx, 'account.read');
  const cursor = decodeCursor(query.cursor, ['id']);
  const rows = await listAccountRows(
    ctx.db,
    actor,
    query,
    ctx.clock.now().toISOString(),
    cursor ? String(cursor.id) : null,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await toAccounts(ctx, ctx.db, page),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ id: last.id }) : null,
  };
}

/**
 * One account with `abilities`: which of status, unlock and role assignment this caller may use on it, so the
 * console shows only buttons that will work. Out of scope → FORBIDDEN; unknown → NOT_FOUND.
 */
export async function getAccount(ctx: Ctx, id: string): Promise<AccountDetail> {
  authorize(ctx, 'account.read');
  const row = await findAccountRow(ctx.db, id);
  if (!row) throw notFound('account');
  const paths = (await assignmentsOf(ctx.db, [id])).map((a) => a.scope_path);
  const actor = authorizeAccount(ctx, 'account.read', paths, 'any');
  const self = actor.userId === id;
  return {
    ...(await toAccount(ctx, ctx.db, row)),
    abilities: {
      setStatus: !self && coversAccount(actor, 'account.write', paths, 'all'),
      unlock: coversAccount(actor, 'security.policy', paths, 'all'),
      assignRole: !self && can(actor, 'role.assign'),
    },
  };
}
