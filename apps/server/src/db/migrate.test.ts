import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openFreshDatabase } from '../../test/test-database.ts';
import { migrateDownToZero, migrateToLatest } from './migrate.ts';
import { MIGRATIONS } from './migrations/index.ts';

async function tableNames(database: Awaited<ReturnType<typeof openFreshDatabase>>): Promise<string[]> {
  const query =
    database.dialect === 'sqlite'
      ? sql<{
          name: string;
        }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%'`
      : sql<{
          name: string;
        }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT LIKE 'kysely_%'`;
  return (await query.execute(database.db)).rows.map((r) => r.name).sort();
}

describe('migrations', () => {
  it('run latest → down to zero → latest again, leaving the same schema', async () => {
    const database = await openFreshDatabase({ migrate: false });
    try {
      const up = await migrateToLatest(database);
      expect(up).toEqual(Object.keys(MIGRATIONS).map((name) => `Up ${name}`));
      const tablesAfterFirstUp = await tableNames(database);
      expect(tablesAfterFirstUp).toContain('audit_log');
      expect(tablesAfterFirstUp).toContain('compound');

      const down = await migrateDownToZero(database);
      expect(down).toHaveLength(Object.keys(MIGRATIONS).length);
      expect(await tableNames(database)).toEqual([]);

      await migrateToLatest(database);
      expect(await tableNames(database)).toEqual(tablesAfterFirstUp);
      expect(await migrateToLatest(database)).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
