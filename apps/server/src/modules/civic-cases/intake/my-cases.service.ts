import type { CivicCaseSummary, MyCivicCase, Page, PageQuery } from '@linli/contracts';
import { authorize, requireActor } from '../../../platform/access/authorize.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors/app-error.ts';
import { afterKeyset, decodeCursor, toPage } from '../../../platform/pagination.ts';
import { toNumber } from '../../../platform/sql-helpers.ts';
import { caseSummaryQuery, isFollowing } from '../cases/case.repository.ts';
import { toCaseRating } from '../cases/case-detail.ts';
import { toCaseSummary } from '../cases/case-summary.ts';
import { loadMetricSettings } from '../settings/metric-settings.repository.ts';
import { abilityInputOf, refusalOf } from '../workflow/case-abilities.ts';
import type { CaseRelation } from '../workflow/civic-case-status.ts';
import { publicCaseQuery, toPublicCase } from './public-case.view.ts';

/**
 * `GET /me/civic-cases`: the cases I reported and the ones I follow, newest first, keyset-paged on
 * (created_at, id). Anonymous reports are not among them: nothing ties them to me (PI-8).
 */
export async function listMyCases(ctx: Ctx, query: PageQuery): Promise<Page<CivicCaseSummary>> {
  const actor = authorize(ctx, 'civic_case.report');
  const after = decodeCursor(query.cursor, ['createdAt', 'id']);
  let select = caseSummaryQuery(ctx.db).where((eb) =>
    eb.or([
      eb('civic_case.reporter_user_id', '=', actor.userId),
      eb(
        'civic_case.id',
        'in',
        eb.selectFrom('civic_case_follower').select('case_id').where('user_id', '=', actor.userId),
      ),
    ]),
  );
  if (after) {
    select = select.where(
      afterKeyset('civic_case.created_at', 'civic_case.id', 'desc', {
        key: after.createdAt ?? '',
        id: String(after.id),
      }),
    );
  }
  const rows = await select
    .orderBy('civic_case.created_at', 'desc')
    .orderBy('civic_case.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const now = ctx.clock.now().toISOString();
  return toPage(
    rows,
    query.limit,
    (row) => toCaseSummary(row, now),
    (row) => ({ createdAt: row.created_at, id: row.id }),
  );
}

/**
 * `GET /me/civic-cases/:id`: a case I reported or follow, as the public sees it (with its photos), its rating,
 * and what I may do: `rate` and `reopen` come from the same rules the workflow enforces, for the reporter only.
 * 404 for no case, 403 for a case I neither reported nor follow.
 */
export async function getMyCase(ctx: Ctx, caseId: string): Promise<MyCivicCase> {
  const actor = requireActor(ctx);
  const row = await publicCaseQuery(ctx.db)
    .select([
      'civic_case.reporter_user_id',
      'civic_case.anonymous',
      'civic_case.kind',
      'civic_case.pending_request',
      'civic_case.contacted_at',
      'civic_case.closed_at',
      'civic_case.rated_at',
      'civic_case.rating',
      'civic_case.rating_resolved',
      'civic_case.rating_comment',
      'civic_case.rated_by_reporter',
      'civic_case.follower_count',
      'civic_case.version',
    ])
    .where('civic_case.id', '=', caseId)
    .executeTakeFirst();
  if (!row) throw notFound('civic_case');
  const reporter = row.reporter_user_id !== null && row.reporter_user_id === actor.userId;
  if (!reporter && !(await isFollowing(ctx.db, caseId, actor.userId))) {
    throw new AppError('FORBIDDEN', { details: { permission: 'civic_case.report' } });
  }
  const { settings } = await loadMetricSettings(ctx.db);
  const relations = new Set<CaseRelation>(reporter ? ['reporter', 'reader'] : ['reader']);
  const input = abilityInputOf(row, relations, ctx.clock.now(), settings.reopenWindowDays);
  return {
    ...(await toPublicCase(ctx.db, row, true)),
    id: row.id,
    reporter,
    followerCount: toNumber(row.follower_count),
    rating: toCaseRating(row),
    abilities: { rate: refusalOf(input, 'rate') === null, reopen: refusalOf(input, 'reopen') === null },
    version: row.version,
  };
}
