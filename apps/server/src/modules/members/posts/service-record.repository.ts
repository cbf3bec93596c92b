import type { ServiceRecord, ServiceRecordListQuery } from '@linli/contracts';
import type { Expression, Selectable, SqlBool } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { ServiceRecordTable } from '../../../db/schema-members.ts';
import { photosOf } from '../../../platform/files/files.service.ts';
import type { Keyset } from '../../../platform/keyset-paging.ts';
import { afterKeyset } from '../../../platform/pagination.ts';
import type { Trx } from '../../../platform/transaction.ts';
import { maskedAddress, minutesToHours } from './posts-shared.ts';

/** Photos of service records are stored files with this owner type. */
export const SERVICE_RECORD_FILES = 'service_record';

export type ServiceRecordRow = Selectable<ServiceRecordTable> & {
  member_name: string;
  member_user_id: string | null;
  compound_name: string;
  need_title: string | null;
  post_title: string | null;
  hh_building: string | null;
  hh_unit: string | null;
  hh_room: string | null;
};

const selectRecords = (db: Db | Trx) =>
  db
    .selectFrom('service_record as sr')
    .innerJoin('member as m', 'm.id', 'sr.member_id')
    .innerJoin('compound as c', 'c.id', 'sr.compound_id')
    .leftJoin('need as n', 'n.id', 'sr.need_id')
    .leftJoin('post as p', 'p.id', 'sr.post_id')
    .leftJoin('household as h', 'h.id', 'sr.household_id')
    .selectAll('sr')
    .select([
      'm.name as member_name',
      'm.user_id as member_user_id',
      'c.name as compound_name',
      'n.title as need_title',
      'p.title as post_title',
      'h.building as hh_building',
      'h.unit as hh_unit',
      'h.room as hh_room',
    ]);

export const findServiceRecordRow = (db: Db | Trx, id: string): Promise<ServiceRecordRow | undefined> =>
  selectRecords(db).where('sr.id', '=', id).executeTakeFirst();

/** Rows to DTOs with their photos: one query for the whole page's photos. */
export async function toServiceRecords(db: Db | Trx, rows: ServiceRecordRow[]): Promise<ServiceRecord[]> {
  const photos = await photosOf(
    db,
    SERVICE_RECORD_FILES,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    id: row.id,
    memberId: row.member_id,
    memberName: row.member_name,
    compoundId: row.compound_id,
    compoundName: row.compound_name,
    servedOn: row.served_on,
    hours: minutesToHours(row.minutes),
    content: row.content,
    needId: row.need_id,
    needTitle: row.need_title,
    postId: row.post_id,
    postTitle: row.post_title,
    householdId: row.household_id,
    householdAddress:
      row.hh_building === null
        ? null
        : maskedAddress({ building: row.hh_building, unit: row.hh_unit ?? '', room: row.hh_room ?? '' }),
    photos: photos.get(row.id) ?? [],
    rating: row.rating,
    ratedByKind: row.rated_by_kind,
    ratedAt: row.rated_at,
    comment: row.rating_comment,
    createdAt: row.created_at,
  }));
}

export const SERVICE_SORT = 'servedOn:desc';

/** Service records `visible` admits, by service date newest first, one keyset page plus one row. */
export const listServiceRecordRows = (
  db: Db,
  visible: Expression<SqlBool>,
  q: Omit<ServiceRecordListQuery, 'cursor'>,
  after: Keyset | undefined,
) =>
  selectRecords(db)
    .where(visible)
    .$if(q.compoundId !== undefined, (qb) => qb.where('sr.compound_id', '=', q.compoundId ?? ''))
    .$if(q.memberId !== undefined, (qb) => qb.where('sr.member_id', '=', q.memberId ?? ''))
    .$if(q.from !== undefined, (qb) => qb.where('sr.served_on', '>=', q.from ?? ''))
    .$if(q.to !== undefined, (qb) => qb.where('sr.served_on', '<=', q.to ?? ''))
    .$if(q.rated === 'true', (qb) => qb.where('sr.rating', 'is not', null))
    .$if(q.rated === 'false', (qb) => qb.where('sr.rating', 'is', null))
    .$if(after !== undefined, (qb) =>
      qb.where(afterKeyset('sr.served_on', 'sr.id', 'desc', after ?? { key: '', id: '' })),
    )
    .orderBy('sr.served_on', 'desc')
    .orderBy('sr.id', 'desc')
    .limit(q.limit + 1)
    .execute();
