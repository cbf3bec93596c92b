import type { WorkUnitFeedback, WorkUnitFeedbackRow } from '@linli/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { notFound } from '../../../platform/errors/app-error.ts';
import { toNumber } from '../../../platform/sql-helpers.ts';
import type { Trx } from '../../../platform/transaction.ts';
import { type Period, quarterPeriod } from './report-in-dates.ts';

/** A confirmed report-in's receipt as the document lists it. */
export interface FeedbackReceipt {
  receiptNo: string;
  memberName: string;
  compoundName: string;
  branchName: string | null;
  confirmedAt: string;
}

export interface FeedbackData extends WorkUnitFeedback {
  receipts: FeedbackReceipt[];
}

/** The unit's members with a report-in confirmed before the quarter ended, latest one per member. */
async function reportedMembers(db: Db | Trx, workUnitId: string, p: Period, scope: Expression<SqlBool>) {
  const rows = await db
    .selectFrom('member')
    .innerJoin('member_report_in as r', 'r.member_id', 'member.id')
    .innerJoin('compound as c', 'c.id', 'r.compound_id')
    .leftJoin('compound_party as cp', (join) => join.onRef('cp.compound_id', '=', 'c.id').on('cp.kind', '=', 'branch'))
    .leftJoin('org_unit as bo', 'bo.id', 'cp.org_id')
    .select([
      'member.id',
      'member.name',
      'member.name_pinyin',
      'r.decided_at',
      'r.receipt_no',
      'c.name as compound_name',
      sql<string | null>`COALESCE(bo.name, cp.name)`.as('branch_name'),
    ])
    .where('member.work_unit_id', '=', workUnitId)
    .where('r.status', '=', 'confirmed')
    .where('r.decided_at', '<', p.toInstant)
    .where(scope)
    .orderBy('member.name_pinyin')
    .orderBy('member.id')
    .orderBy('r.decided_at', 'desc')
    .execute();
  // Rows come newest report-in first within a member: keep that one.
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (!latest.has(row.id)) latest.set(row.id, row);
  return [...latest.values()];
}

/** Approved post titles per member (claims approved before the quarter ended). */
async function postTitles(db: Db | Trx, memberIds: string[], p: Period): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('post_claim as pc')
    .innerJoin('post', 'post.id', 'pc.post_id')
    .select(['pc.member_id', 'post.title'])
    .where('pc.member_id', 'in', memberIds)
    .where('pc.status', '=', 'approved')
    .where((eb) => eb.or([eb('pc.decided_at', 'is', null), eb('pc.decided_at', '<', p.toInstant)]))
    .orderBy('post.title')
    .execute();
  const byMember = new Map<string, string[]>();
  for (const r of rows) byMember.set(r.member_id, [...(byMember.get(r.member_id) ?? []), r.title]);
  return byMember;
}

const ratingSum = (rating: string) => sql<number>`SUM(CASE WHEN s.rating = ${rating} THEN 1 ELSE 0 END)`;

/** The quarter's services per member: count, minutes and ratings, one GROUP BY. */
async function services(db: Db | Trx, memberIds: string[], p: Period) {
  const rows = await db
    .selectFrom('service_record as s')
    .select((eb) => [
      's.member_id',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>('s.minutes').as('minutes'),
      ratingSum('satisfied').as('satisfied'),
      ratingSum('basically_satisfied').as('basically'),
      ratingSum('dissatisfied').as('dissatisfied'),
    ])
    .where('s.member_id', 'in', memberIds)
    .where('s.served_on', '>=', p.fromDate)
    .where('s.served_on', '<=', p.toDate)
    .groupBy('s.member_id')
    .execute();
  return new Map(rows.map((r) => [r.member_id, r]));
}

/**
 * A work unit's quarterly community record (八小时外): each of its members with a report-in confirmed by the
 * end of the quarter and living inside `scope`, with their approved posts and the quarter's services, hours and
 * ratings. Four queries whatever the number of members. Unknown unit → 404.
 */
export async function loadFeedback(
  db: Db | Trx,
  input: { workUnitId: string; year: number; quarter: number; scope: Expression<SqlBool> },
): Promise<FeedbackData> {
  const unit = await db
    .selectFrom('work_unit')
    .select(['id', 'name', 'party_org_name'])
    .where('id', '=', input.workUnitId)
    .executeTakeFirst();
  if (!unit) throw notFound('work_unit');
  const p = quarterPeriod(input.year, input.quarter);
  const members = await reportedMembers(db, unit.id, p, input.scope);
  const ids = members.map((m) => m.id);
  const [posts, done] = ids.length > 0 ? await Promise.all([postTitles(db, ids, p), services(db, ids, p)]) : [];
  const rows: WorkUnitFeedbackRow[] = members.map((m) => {
    const s = done?.get(m.id);
    return {
      memberId: m.id,
      memberName: m.name,
      compoundName: m.compound_name,
      reportedAt: m.decided_at ?? '',
      receiptNo: m.receipt_no,
      posts: posts?.get(m.id) ?? [],
      serviceCount: toNumber(s?.n),
      serviceHours: Math.round((toNumber(s?.minutes) / 60) * 100) / 100,
      ratings: {
        satisfied: toNumber(s?.satisfied),
        basicallySatisfied: toNumber(s?.basically),
        dissatisfied: toNumber(s?.dissatisfied),
      },
    };
  });
  const receipts = members.flatMap((m) =>
    m.receipt_no && m.decided_at
      ? [
          {
            receiptNo: m.receipt_no,
            memberName: m.name,
            compoundName: m.compound_name,
            branchName: m.branch_name,
            confirmedAt: m.decided_at,
          },
        ]
      : [],
  );
  return {
    workUnitId: unit.id,
    workUnitName: unit.name,
    partyOrgName: unit.party_org_name,
    year: input.year,
    quarter: input.quarter,
    rows,
    receipts,
  };
}
