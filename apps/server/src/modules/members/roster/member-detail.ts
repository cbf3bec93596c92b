import type { MemberDetail, Permission } from '@linli/contracts';
import type { Db } from '../../../db/database.ts';
import { can } from '../../../platform/access/authorize.ts';
import { shanghaiDate } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { Trx } from '../../../platform/transaction.ts';
import { authorizeOnMember, getMemberRef } from '../member-access.ts';
import { findMemberView, toMemberDetail } from './member.repository.ts';

/**
 * The member as the caller may see it (masked, PI-3), with what the caller may do next. Read inside the
 * writing transaction by create and edit, so they answer with what they wrote.
 */
export async function getMemberDetailIn(ctx: Ctx, db: Db | Trx, id: string): Promise<MemberDetail> {
  const row = await findMemberView(db, id);
  if (!row) throw new AppError('NOT_FOUND', { details: { object: 'member' } });
  // The same either-place rule as `canOnMember`, on the paths already read.
  const may = (permission: Permission) =>
    can(ctx.actor, permission, { path: row.home_path }) || can(ctx.actor, permission, { path: row.residence_path });
  return toMemberDetail(ctx, row, shanghaiDate(ctx.clock.now()), {
    update: may('member.write'),
    reveal: may('member.reveal'),
  });
}

/** `GET /members/:id`: `member.read` over the member's branch or residence compound, else 403; 404 if unknown. */
export async function getMemberDetail(ctx: Ctx, id: string): Promise<MemberDetail> {
  const ref = await getMemberRef(ctx.db, id);
  authorizeOnMember(ctx, 'member.read', ref);
  return getMemberDetailIn(ctx, ctx.db, id);
}
