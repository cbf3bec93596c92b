import type { Config } from '../config.ts';
import { type Database, openDatabase } from './database.ts';

/** PostgreSQL when DATABASE_URL is set, else SQLite at `$LINLI_DATA_DIR/linli.db`. */
export const openConfiguredDatabase = (config: Config): Promise<Database> =>
  openDatabase(
    config.databaseUrl
      ? { dialect: 'postgres', url: config.databaseUrl }
      : { dialect: 'sqlite', path: config.sqlitePath },
  );

export const describeDatabase = (config: Config): string =>
  config.databaseUrl ? `PostgreSQL (${new URL(config.databaseUrl).host})` : `SQLite (${config.sqlitePath})`;
