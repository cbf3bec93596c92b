import type { Db } from '../../../db/database.ts';
import { authorize, can } from '../../../platform/access/authorize.ts';
import type { Actor, Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { Trx } from '../../../platform/transaction.ts';
import { type CompoundRef, findCompoundRef } from '../../organisation/index.ts';

/** A 400 naming the body field that is wrong, as zod failures name theirs. */
export const invalidField = (path: string, message = 'invalid'): AppError =>
  new AppError('VALIDATION_FAILED', { details: { issues: [{ path, message }] } });

export const conflict = (reason: string, extra: Record<string, unknown> = {}): AppError =>
  new AppError('CONFLICT', { details: { reason, ...extra } });

export const notFoundObject = (object: string): AppError => new AppError('NOT_FOUND', { details: { object } });

/** The compound named by a body, or 404. */
export async function getCompound(db: Db | Trx, id: string): Promise<CompoundRef> {
  const compound = await findCompoundRef(db, id);
  if (!compound) throw notFoundObject('compound');
  return compound;
}

/** A category a new or edited post or need may use: it exists and is active (else 400 on `field`). */
export async function requireActiveCategory(db: Db | Trx, id: string, field = 'categoryId'): Promise<void> {
  const row = await db.selectFrom('post_category').select('active').where('id', '=', id).executeTakeFirst();
  if (row?.active !== 1) throw invalidField(field, 'category');
}

/** A household of `compoundId` (else 400 on `field`): a need or service may only name a door of its compound. */
export async function requireHouseholdIn(db: Db | Trx, compoundId: string, id: string, field: string): Promise<void> {
  const row = await db
    .selectFrom('household')
    .select('id')
    .where('id', '=', id)
    .where('compound_id', '=', compoundId)
    .executeTakeFirst();
  if (!row) throw invalidField(field, 'household');
}

/**
 * Building and unit as written, the room masked but its first character: enough to find the stairwell on a
 * list many people read, not to publish who needs help behind which door.
 */
export const maskedAddress = (a: { building: string; unit: string; room: string }): string =>
  `${a.building}${a.unit}${a.room.slice(0, 1)}${'*'.repeat(Math.max(a.room.length - 1, 0))}`;

/** Posts, claims, needs and services hang on the compound: the branch manages them, its members see them. */
export const canManage = (actor: Actor | null, path: string): boolean => can(actor, 'post.manage', { path });
export const canSeeAsMember = (actor: Actor | null, path: string): boolean => can(actor, 'member.self', { path });

/** Read access to a compound's posts and needs: its managers or its members; FORBIDDEN otherwise. */
export function authorizeCompoundRead(ctx: Ctx, path: string): Actor {
  if (canSeeAsMember(ctx.actor, path)) return authorize(ctx, 'member.self', { path });
  return authorize(ctx, 'post.manage', { path });
}

/** Hours (0.5 steps) are stored as whole minutes; shown with one decimal. */
export const hoursToMinutes = (hours: number): number => Math.round(hours * 60);
export const minutesToHours = (minutes: number): number => Math.round(minutes / 6) / 10;
