import type { MemberBadge, PublicBadge } from '@linli/contracts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { isoNow } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newToken } from '../../../platform/crypto/index.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { type Trx, transact } from '../../../platform/transaction.ts';
import { type MemberRef, requireSelfMember } from '../member-access.ts';
import { badgeFacts } from './my-member.repository.ts';

/** The H5 route the QR code opens; relative, the H5 makes it absolute with its own origin. */
export const verifyPath = (token: string): string => `/m/verify/${token}`;

async function badgeOf(trx: Trx, member: MemberRef, token: string): Promise<MemberBadge> {
  const facts = await badgeFacts(trx, { memberId: member.id });
  if (!facts) throw new AppError('NOT_FOUND', { details: { object: 'member', reason: 'not_on_roster' } });
  return { name: facts.name, branchName: facts.branchName, posts: facts.posts, verifyUrl: verifyPath(token), token };
}

/** Writes a fresh random token; `onlyIfNone` keeps a token a concurrent first request already wrote. */
async function writeToken(trx: Trx, ctx: Ctx, member: MemberRef, onlyIfNone: boolean): Promise<string> {
  await trx
    .updateTable('member')
    .set({ badge_token: newToken() })
    .where('id', '=', member.id)
    .$if(onlyIfNone, (q) => q.where('badge_token', 'is', null))
    .execute();
  const row = await trx.selectFrom('member').select('badge_token').where('id', '=', member.id).executeTakeFirst();
  if (!row?.badge_token) throw new AppError('INTERNAL');
  await appendAudit(trx, ctx, {
    action: onlyIfNone ? 'member.badge_issue' : 'member.badge_renew',
    objectType: 'member',
    objectId: member.id,
  });
  return row.badge_token;
}

/**
 * `GET /me/badge` (`member.self`): the 亮身份 card — name, branch, approved post titles and the QR's verify
 * URL. The random token is made on first use (32 random bytes; it carries nothing about the member).
 */
export async function getMyBadge(ctx: Ctx): Promise<MemberBadge> {
  const self = await requireSelfMember(ctx);
  return transact(ctx, async (trx) => {
    const row = await trx.selectFrom('member').select('badge_token').where('id', '=', self.id).executeTakeFirst();
    const token = row?.badge_token ?? (await writeToken(trx, ctx, self, true));
    return badgeOf(trx, self, token);
  });
}

/** `POST /me/badge/renew` (`member.self`): a new token, so a lost printed badge's QR stops verifying. */
export async function renewMyBadge(ctx: Ctx): Promise<MemberBadge> {
  const self = await requireSelfMember(ctx);
  return transact(ctx, async (trx) => badgeOf(trx, self, await writeToken(trx, ctx, self, false)));
}

/**
 * `GET /public/badges/:token` (no session): what the QR code verifies — exactly the name, the branch and the
 * approved post titles, and when it was checked. Nothing else about the member leaves (no phone, ID or
 * address). An unknown or revoked token is 404.
 */
export async function verifyBadge(ctx: Ctx, token: string): Promise<PublicBadge> {
  const facts = await badgeFacts(ctx.db, { token });
  if (!facts) throw new AppError('NOT_FOUND', { details: { object: 'badge' } });
  return { name: facts.name, branchName: facts.branchName, posts: facts.posts, verifiedAt: isoNow(ctx.clock) };
}
