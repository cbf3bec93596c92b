import { type Kysely, sql } from 'kysely';
import type { LinliMigration } from './migration-helpers.ts';

/** Roster listing indexes: each ends in (name_pinyin, id) or (joined_on, id), the keyset order of the list. */
const INDEXES: Array<[name: string, columns: string[], where?: 'is_mobile' | 'is_lost_contact']> = [
  ['member_pinyin_id_idx', ['name_pinyin', 'id']],
  ['member_joined_idx', ['joined_on', 'id']],
  ['member_compound_pinyin_idx', ['residence_compound_id', 'name_pinyin', 'id']],
  ['member_branch_pinyin_idx', ['branch_org_id', 'name_pinyin', 'id']],
  ['member_mobile_pinyin_idx', ['name_pinyin', 'id'], 'is_mobile'],
  ['member_lost_pinyin_idx', ['name_pinyin', 'id'], 'is_lost_contact'],
];

/**
 * The roster list and search stay fast on a county roster (30,000 members, measured by
 * `modules/members/roster/roster-search.measure.ts`): a compound or branch filter, the join-date sort and the
 * 流动/失联 flags each get an index in the list's keyset order, so a page reads about `limit` rows instead of
 * scanning the pinyin index and sorting. The flag indexes are partial: few members carry a flag.
 */
export const membersRosterMigration: LinliMigration = {
  async up(db: Kysely<unknown>) {
    for (const [name, columns, flag] of INDEXES) {
      const index = db.schema.createIndex(name).on('member').columns(columns);
      await (flag ? index.where(sql.ref(flag), '=', 1) : index).execute();
    }
  },

  async down(db: Kysely<unknown>) {
    for (const [name] of [...INDEXES].reverse()) await db.schema.dropIndex(name).execute();
  },
};
