import type { CreateHouseholdVisitBody, HouseholdVisit, HouseholdVisitListQuery, Page } from '@linli/contracts';
import { authorize, can, inScope, requireActor } from '../../../platform/access/authorize.ts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { isoNow, shanghaiDate } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { afterKeyset, decodeCursor, toPage } from '../../../platform/pagination.ts';
import { fromBool } from '../../../platform/sql-helpers.ts';
import { transact } from '../../../platform/transaction.ts';
import { findSelfMember, requireSelfMember } from '../member-access.ts';
import { getHouseholdRow } from './household.service.ts';
import { toHouseholdVisit, visitQuery } from './household-parts.repository.ts';
import { invalidInput } from './household-write.ts';

/**
 * Who logs the visit: a `household.write` holder on the household (grid worker, secretary) — then the member
 * is theirs only when they are on the roster themselves — or a Party member linked to the household
 * (党员联系住户). Anyone else: 403.
 */
async function visitingMemberId(ctx: Ctx, household: { id: string; path: string }): Promise<string | null> {
  if (can(ctx.actor, 'household.write', { path: household.path })) {
    return (await findSelfMember(ctx))?.id ?? null;
  }
  const self = await requireSelfMember(ctx);
  const link = await ctx.db
    .selectFrom('household_link')
    .select('id')
    .where('member_id', '=', self.id)
    .where('household_id', '=', household.id)
    .executeTakeFirst();
  if (!link) throw new AppError('FORBIDDEN', { details: { reason: 'not_linked' } });
  return self.id;
}

/**
 * `POST /households/:id/visits` (走访). `followUp` marks findings to raise later as 民情 (the civic module sets
 * `civic_case_id` then). The visit takes the household's path, so it is seen where the household is.
 */
export async function createHouseholdVisit(
  ctx: Ctx,
  householdId: string,
  body: CreateHouseholdVisitBody,
): Promise<HouseholdVisit> {
  const actor = requireActor(ctx);
  if (!can(actor, 'household.write') && !can(actor, 'member.self')) authorize(ctx, 'household.write');
  const household = await getHouseholdRow(ctx, householdId);
  const memberId = await visitingMemberId(ctx, household);
  if (body.visitedOn > shanghaiDate(ctx.clock.now())) throw invalidInput('body.visitedOn', 'inFuture');
  const id = newId();
  return transact(ctx, async (trx) => {
    await trx
      .insertInto('household_visit')
      .values({
        id,
        household_id: householdId,
        path: household.path,
        visitor_user_id: actor.userId,
        member_id: memberId,
        visited_on: body.visitedOn,
        summary: body.summary,
        findings: body.findings || null,
        follow_up: fromBool(body.followUp),
        civic_case_id: null,
        created_at: isoNow(ctx.clock),
      })
      .execute();
    await appendAudit(trx, ctx, {
      action: 'household_visit.create',
      objectType: 'household_visit',
      objectId: id,
      details: { householdId, memberId, visitedOn: body.visitedOn, followUp: body.followUp },
    });
    const row = await visitQuery(trx).where('household_visit.id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('INTERNAL');
    return toHouseholdVisit(row);
  });
}

/** `GET /household-visits`: visits in the caller's `household.read` scope, newest first, keyset-paged. */
export async function listHouseholdVisits(ctx: Ctx, query: HouseholdVisitListQuery): Promise<Page<HouseholdVisit>> {
  const actor = authorize(ctx, 'household.read');
  const cursor = decodeCursor(query.cursor, ['v', 'id']);
  const rows = await visitQuery(ctx.db)
    .where(inScope(actor, 'household.read', 'household_visit.path'))
    .$if(query.compoundId !== undefined, (q) => q.where('household.compound_id', '=', query.compoundId ?? ''))
    .$if(query.householdId !== undefined, (q) => q.where('household_visit.household_id', '=', query.householdId ?? ''))
    .$if(query.memberId !== undefined, (q) => q.where('household_visit.member_id', '=', query.memberId ?? ''))
    .$if(query.followUp !== undefined, (q) =>
      q.where('household_visit.follow_up', '=', fromBool(query.followUp === 'true')),
    )
    .$if(query.from !== undefined, (q) => q.where('household_visit.visited_on', '>=', query.from ?? ''))
    .$if(query.to !== undefined, (q) => q.where('household_visit.visited_on', '<=', query.to ?? ''))
    .$if(cursor !== undefined, (q) =>
      q.where(
        afterKeyset('household_visit.visited_on', 'household_visit.id', 'desc', {
          key: String(cursor?.v),
          id: String(cursor?.id),
        }),
      ),
    )
    .orderBy('household_visit.visited_on', 'desc')
    .orderBy('household_visit.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, toHouseholdVisit, (r) => ({ v: r.visited_on, id: r.id }));
}
