import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { REPO_ROOT } from './paths.ts';

const run = promisify(execFile);
const SCRIPT = join(REPO_ROOT, 'scripts/pg-throwaway.sh');

export interface PgCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`: a superuser on the cluster's maintenance database. */
  serverUrl: string;
  stop(): Promise<void>;
}

/**
 * A throwaway PostgreSQL cluster from `scripts/pg-throwaway.sh` (fsync and synchronous commit on, as Linli
 * insists): it lives for one bench run, so a dataset built in it is built again on the next run.
 */
export async function startThrowawayCluster(): Promise<PgCluster> {
  const { stdout } = await run(SCRIPT, ['start'], { cwd: REPO_ROOT });
  const exported = (name: string): string => {
    const value = new RegExp(`^export ${name}=(.+)$`, 'm').exec(stdout)?.[1];
    if (!value) throw new Error(`pg-throwaway.sh printed no ${name}:\n${stdout}`);
    return value.trim();
  };
  const serverUrl = exported('LINLI_TEST_PG_URL');
  const dataDir = exported('PGDATA_DIR');
  return {
    serverUrl,
    stop: async () => {
      await run(SCRIPT, ['stop', dataDir], { cwd: REPO_ROOT });
    },
  };
}

/** The URL of database `name` on the server at `serverUrl`. */
export function databaseUrlOn(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs one statement on the server's maintenance database (CREATE / DROP DATABASE cannot run in a pool query). */
export async function adminQuery(serverUrl: string, text: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}
