import type { CreateHouseholdLinkBody, HouseholdLink, HouseholdLinkListQuery } from '@linli/contracts';
import { authorize, inScope } from '../../../platform/access/authorize.ts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { isoNow } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { transact } from '../../../platform/transaction.ts';
import { authorizeOnMember, getMemberRef } from '../member-access.ts';
import { getHouseholdRow } from './household.service.ts';
import { findLinkId, findLinkRow, linkQuery, toHouseholdLink } from './household-parts.repository.ts';

/** A member looks after a handful of households and a household has a few members: one answer holds them. */
const LINK_LIST_MAX = 500;

/**
 * `POST /households/:id/links` (党员联系住户): `household.write` on the household and `member.read` on the
 * member (through the member's branch or residence), so a secretary links only members they manage. The same
 * member and household twice → 409 DUPLICATE. The link takes the household's path (it is the household's).
 */
export async function createHouseholdLink(
  ctx: Ctx,
  householdId: string,
  body: CreateHouseholdLinkBody,
): Promise<HouseholdLink> {
  const actor = authorize(ctx, 'household.write');
  const household = await getHouseholdRow(ctx, householdId);
  authorize(ctx, 'household.write', { path: household.path });
  const member = await getMemberRef(ctx.db, body.memberId);
  authorizeOnMember(ctx, 'member.read', member);
  const id = newId();
  return transact(ctx, async (trx) => {
    const twinId = await findLinkId(trx, member.id, householdId);
    if (twinId) throw new AppError('DUPLICATE', { details: { object: 'household_link', linkId: twinId } });
    await trx
      .insertInto('household_link')
      .values({
        id,
        member_id: member.id,
        household_id: householdId,
        path: household.path,
        created_at: isoNow(ctx.clock),
        created_by: actor.userId,
      })
      .execute();
    await appendAudit(trx, ctx, {
      action: 'household_link.create',
      objectType: 'household_link',
      objectId: id,
      details: { householdId, memberId: member.id },
    });
    const row = await findLinkRow(trx, id);
    if (!row) throw new AppError('INTERNAL');
    return toHouseholdLink(row);
  });
}

/** `DELETE /household-links/:id`: `household.write` on the household the link belongs to. */
export async function deleteHouseholdLink(ctx: Ctx, id: string): Promise<void> {
  authorize(ctx, 'household.write');
  const row = await findLinkRow(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', { details: { object: 'household_link' } });
  authorize(ctx, 'household.write', { path: row.path });
  await transact(ctx, async (trx) => {
    await trx.deleteFrom('household_link').where('id', '=', id).execute();
    await appendAudit(trx, ctx, {
      action: 'household_link.delete',
      objectType: 'household_link',
      objectId: id,
      details: { householdId: row.household_id, memberId: row.member_id },
    });
  });
}

/** `GET /household-links`: a member's or a household's links, those in the caller's `household.read` scope. */
export async function listHouseholdLinks(ctx: Ctx, query: HouseholdLinkListQuery): Promise<{ items: HouseholdLink[] }> {
  const actor = authorize(ctx, 'household.read');
  const rows = await linkQuery(ctx.db)
    .where(inScope(actor, 'household.read', 'household_link.path'))
    .$if(query.memberId !== undefined, (q) => q.where('household_link.member_id', '=', query.memberId ?? ''))
    .$if(query.householdId !== undefined, (q) => q.where('household_link.household_id', '=', query.householdId ?? ''))
    .orderBy('household.compound_id')
    .orderBy('household.sort_key')
    .orderBy('household_link.id')
    .limit(LINK_LIST_MAX)
    .execute();
  return { items: rows.map(toHouseholdLink) };
}
