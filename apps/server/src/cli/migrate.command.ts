import type { Config } from '../config.ts';
import { migrateDownToZero, migrateToLatest } from '../db/migrate.ts';
import { describeDatabase, openConfiguredDatabase } from '../db/open-configured.ts';

export async function runMigrate(config: Config, direction: string): Promise<number> {
  if (direction !== 'latest' && direction !== 'down') {
    process.stderr.write('linli migrate takes "latest" or "down"\n');
    return 2;
  }
  const database = await openConfiguredDatabase(config);
  try {
    const done = direction === 'latest' ? await migrateToLatest(database) : await migrateDownToZero(database);
    process.stdout.write(`${describeDatabase(config)}: ${done.length === 0 ? 'nothing to do' : done.join(', ')}\n`);
    return 0;
  } finally {
    await database.close();
  }
}
