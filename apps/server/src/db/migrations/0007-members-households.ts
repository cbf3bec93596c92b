import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../database.ts';
import type { LinliMigration } from './migration-helpers.ts';

/**
 * Same rule as `householdSortKey` in modules/members/households (kept here too: a migration never imports a
 * module, which may change after it is merged). Digit runs are zero-padded so 「2栋」 sorts before 「10栋」; the
 * parts are joined with U+0001, which sorts before every character an address holds.
 */
const sortKeyOf = (building: string, unit: string, room: string): string =>
  [building, unit, room].map((part) => part.replace(/\d+/g, (digits) => digits.padStart(10, '0'))).join('\u0001');

/**
 * Households list in natural address order with keyset paging: one `sort_key` column (byte-compared: "C"
 * collation on PostgreSQL, SQLite's BINARY default) and the indexes the list's two filters use.
 */
export const membersHouseholdsMigration: LinliMigration = {
  async up(db: Kysely<unknown>, dialect: Dialect) {
    await db.schema
      .alterTable('household')
      .addColumn('sort_key', 'text', (c) => {
        const withDefault = c.notNull().defaultTo('');
        return dialect === 'postgres' ? withDefault.modifyEnd(sql`COLLATE "C"`) : withDefault;
      })
      .execute();
    const typed = db as unknown as Kysely<{
      household: { id: string; building: string; unit: string; room: string; sort_key: string };
    }>;
    const rows = await typed.selectFrom('household').select(['id', 'building', 'unit', 'room']).execute();
    for (const row of rows) {
      await typed
        .updateTable('household')
        .set({ sort_key: sortKeyOf(row.building, row.unit, row.room) })
        .where('id', '=', row.id)
        .execute();
    }
    await db.schema.createIndex('household_path_sort_idx').on('household').columns(['path', 'sort_key']).execute();
    await db.schema
      .createIndex('household_compound_sort_idx')
      .on('household')
      .columns(['compound_id', 'sort_key'])
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('household_compound_sort_idx').execute();
    await db.schema.dropIndex('household_path_sort_idx').execute();
    await db.schema.alterTable('household').dropColumn('sort_key').execute();
  },
};
