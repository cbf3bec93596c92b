import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('../../../../scripts/pg-throwaway.sh', import.meta.url));

/** Debian's newest PostgreSQL binaries (/usr/lib/postgresql/<major>/bin), as scripts/pg-throwaway.sh picks them. */
function pgBin(): string {
  const majors = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b));
  const major = majors.at(-1);
  if (!major) throw new Error('no PostgreSQL under /usr/lib/postgresql');
  return `/usr/lib/postgresql/${major}/bin`;
}

/** As the script does: the server refuses to run as root, so root runs its tools as the postgres user. */
const asPostgres = (command: string, args: string[]): [string, string[]] =>
  process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];

async function pgCtl(args: string[]): Promise<void> {
  const [command, argv] = asPostgres(`${pgBin()}/pg_ctl`, args);
  await run(command, argv);
}

/** A PostgreSQL cluster of this test's own, which it may crash without disturbing anyone else's. */
export interface ThrowawayCluster {
  /** The server URL (database `postgres`), for CREATE DATABASE. */
  url: string;
  /** `pg_ctl stop -m immediate`: every backend dies at once, nothing is flushed or checkpointed. */
  crash(): Promise<void>;
  /** Starts it again on the same port; PostgreSQL replays its WAL before accepting connections. */
  restart(): Promise<void>;
  /** Stops it and removes its files. */
  remove(): Promise<void>;
}

/** Starts a cluster with scripts/pg-throwaway.sh (fsync and full_page_writes at their defaults: on). */
export async function startThrowawayCluster(): Promise<ThrowawayCluster> {
  const { stdout } = await run('bash', [SCRIPT, 'start']);
  const url = /LINLI_TEST_PG_URL=(\S+)/.exec(stdout)?.[1];
  const dir = /PGDATA_DIR=(\S+)/.exec(stdout)?.[1];
  if (!url || !dir) throw new Error(`pg-throwaway.sh printed no URL or data directory:\n${stdout}`);
  const port = new URL(url).port;
  return {
    url,
    crash: () => pgCtl(['-D', `${dir}/data`, '-m', 'immediate', '-w', 'stop']),
    restart: () =>
      pgCtl([
        '-D',
        `${dir}/data`,
        '-l',
        `${dir}/log`,
        '-w',
        '-t',
        '60',
        '-o',
        `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c max_connections=200`,
        'start',
      ]),
    remove: async () => {
      await run('bash', [SCRIPT, 'stop', dir]);
    },
  };
}
