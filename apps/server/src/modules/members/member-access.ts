import type { Permission } from '@linli/contracts';
import type { Expression, SqlBool } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { authorize, can, inScope, requireActor } from '../../platform/access/authorize.ts';
import type { Actor, Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Trx } from '../../platform/transaction.ts';

/** What access control and the other member areas need to know about a member. */
export interface MemberRef {
  id: string;
  name: string;
  homePath: string;
  residencePath: string;
  residenceCompoundId: string | null;
  branchOrgId: string | null;
  workUnitId: string | null;
  employment: 'in_service' | 'retired' | 'other';
  userId: string | null;
}

const refColumns = [
  'id',
  'name',
  'home_path',
  'residence_path',
  'residence_compound_id',
  'branch_org_id',
  'work_unit_id',
  'employment',
  'user_id',
] as const;

type RefRow = {
  id: string;
  name: string;
  home_path: string;
  residence_path: string;
  residence_compound_id: string | null;
  branch_org_id: string | null;
  work_unit_id: string | null;
  employment: MemberRef['employment'];
  user_id: string | null;
};

const toRef = (r: RefRow): MemberRef => ({
  id: r.id,
  name: r.name,
  homePath: r.home_path,
  residencePath: r.residence_path,
  residenceCompoundId: r.residence_compound_id,
  branchOrgId: r.branch_org_id,
  workUnitId: r.work_unit_id,
  employment: r.employment,
  userId: r.user_id,
});

export async function findMemberRef(db: Db | Trx, id: string): Promise<MemberRef | undefined> {
  const row = await db.selectFrom('member').select(refColumns).where('id', '=', id).executeTakeFirst();
  return row ? toRef(row) : undefined;
}

/** A member, or 404 NOT_FOUND. */
export async function getMemberRef(db: Db | Trx, id: string): Promise<MemberRef> {
  const ref = await findMemberRef(db, id);
  if (!ref) throw new AppError('NOT_FOUND', { details: { object: 'member' } });
  return ref;
}

/**
 * A member is in a caller's scope through either place it belongs to: the branch holding the membership or the
 * compound the member lives in (a secretary manages both the branch's members and the members who reported in).
 */
export const canOnMember = (actor: Actor | null, permission: Permission, member: MemberRef): boolean =>
  can(actor, permission, { path: member.homePath }) || can(actor, permission, { path: member.residencePath });

/** `authorize` for a member: FORBIDDEN unless one of the member's two paths lies in the caller's scope. */
export function authorizeOnMember(ctx: Ctx, permission: Permission, member: MemberRef): Actor {
  if (canOnMember(ctx.actor, permission, member)) return requireActor(ctx);
  return authorize(ctx, permission, { path: member.homePath });
}

/** The SQL twin of `canOnMember`; `table` is the alias the member table has in the query. */
export function memberInScope(actor: Actor, permission: Permission, table = 'member'): Expression<SqlBool> {
  return sql<SqlBool>`(${inScope(actor, permission, `${table}.home_path`)} OR ${inScope(actor, permission, `${table}.residence_path`)})`;
}

/**
 * The member record of the signed-in user: linked by `user_id`, or found by the account's phone (the same blind
 * index) and linked then, so a member who registers on the H5 finds their roster entry without staff action.
 * Undefined when the user is not on the roster.
 */
export async function findSelfMember(ctx: Ctx, db: Db | Trx = ctx.db): Promise<MemberRef | undefined> {
  const actor = requireActor(ctx);
  const linked = await db
    .selectFrom('member')
    .select(refColumns)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  if (linked) return toRef(linked);
  const user = await db.selectFrom('app_user').select('phone_index').where('id', '=', actor.userId).executeTakeFirst();
  if (!user?.phone_index) return undefined;
  const byPhone = await db
    .selectFrom('member')
    .select(refColumns)
    .where('phone_index', '=', user.phone_index)
    .where('user_id', 'is', null)
    .executeTakeFirst();
  if (!byPhone) return undefined;
  await db.updateTable('member').set({ user_id: actor.userId }).where('id', '=', byPhone.id).execute();
  return toRef({ ...byPhone, user_id: actor.userId });
}

/**
 * The caller's own member record for self-service (`member.self`): FORBIDDEN without the permission, 404
 * `NOT_A_MEMBER`-style NOT_FOUND when the account is not on the roster.
 */
export async function requireSelfMember(ctx: Ctx, db: Db | Trx = ctx.db): Promise<MemberRef> {
  authorize(ctx, 'member.self');
  const self = await findSelfMember(ctx, db);
  if (!self) throw new AppError('NOT_FOUND', { details: { object: 'member', reason: 'not_on_roster' } });
  return self;
}
