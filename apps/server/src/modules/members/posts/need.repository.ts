import type { Need, NeedListQuery } from '@linli/contracts';
import { type Expression, type Selectable, type SqlBool, sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { NeedTable } from '../../../db/schema-members.ts';
import type { Keyset } from '../../../platform/keyset-paging.ts';
import { afterKeyset } from '../../../platform/pagination.ts';
import { likeContains } from '../../../platform/sql-helpers.ts';
import type { Trx } from '../../../platform/transaction.ts';
import { maskedAddress } from './posts-shared.ts';

export type NeedRow = Selectable<NeedTable> & {
  compound_name: string;
  category_name: string;
  hh_building: string | null;
  hh_unit: string | null;
  hh_room: string | null;
  claimant_name: string | null;
  claimant_user_id: string | null;
};

const selectNeeds = (db: Db | Trx) =>
  db
    .selectFrom('need')
    .innerJoin('compound as c', 'c.id', 'need.compound_id')
    .innerJoin('post_category as pc', 'pc.id', 'need.category_id')
    .leftJoin('household as h', 'h.id', 'need.household_id')
    .leftJoin('member as m', 'm.id', 'need.claimed_by_member_id')
    .selectAll('need')
    .select([
      'c.name as compound_name',
      'pc.name as category_name',
      'h.building as hh_building',
      'h.unit as hh_unit',
      'h.room as hh_room',
      'm.name as claimant_name',
      'm.user_id as claimant_user_id',
    ]);

/** `userId` is the signed-in user, so a member sees which needs are theirs. */
export const toNeed = (row: NeedRow, userId: string | null): Need => ({
  id: row.id,
  compoundId: row.compound_id,
  compoundName: row.compound_name,
  categoryId: row.category_id,
  categoryName: row.category_name,
  title: row.title,
  description: row.description,
  householdId: row.household_id,
  householdAddress:
    row.hh_building === null
      ? null
      : maskedAddress({ building: row.hh_building, unit: row.hh_unit ?? '', room: row.hh_room ?? '' }),
  dueOn: row.due_on,
  status: row.status,
  claimantId: row.claimed_by_member_id,
  claimantName: row.claimant_name,
  claimedAt: row.claimed_at,
  claimedByMe: userId !== null && row.claimant_user_id === userId,
  createdAt: row.created_at,
  version: row.version,
});

export const findNeedRow = (db: Db | Trx, id: string): Promise<NeedRow | undefined> =>
  selectNeeds(db).where('need.id', '=', id).executeTakeFirst();

export const NEED_SORT = 'createdAt:desc';

/** Needs `visible` admits, newest first, one keyset page plus one row. */
export const listNeedRows = (
  db: Db,
  visible: Expression<SqlBool>,
  q: Omit<NeedListQuery, 'cursor'>,
  after: Keyset | undefined,
) =>
  selectNeeds(db)
    .where(visible)
    .$if(q.compoundId !== undefined, (qb) => qb.where('need.compound_id', '=', q.compoundId ?? ''))
    .$if(q.categoryId !== undefined, (qb) => qb.where('need.category_id', '=', q.categoryId ?? ''))
    .$if(q.status !== undefined, (qb) => qb.where('need.status', '=', q.status ?? 'open'))
    .$if(Boolean(q.q), (qb) => qb.where(sql<SqlBool>`need.title LIKE ${likeContains(q.q ?? '')} ESCAPE '\\'`))
    .$if(after !== undefined, (qb) =>
      qb.where(afterKeyset('need.created_at', 'need.id', 'desc', after ?? { key: '', id: '' })),
    )
    .orderBy('need.created_at', 'desc')
    .orderBy('need.id', 'desc')
    .limit(q.limit + 1)
    .execute();
