import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { BackupError } from './backup-error.ts';

export type PgTool = 'pg_dump' | 'pg_restore';

const DEBIAN_PG_ROOT = '/usr/lib/postgresql';

/**
 * Where a PostgreSQL client tool lives: Debian's newest versioned directory (/usr/lib/postgresql/<major>/bin, as
 * scripts/pg-throwaway.sh picks it) first — pg_dump reads servers up to its own major version, so the newest is
 * the safe choice — then the PATH.
 */
export function findPgTool(tool: PgTool): string {
  const majors = existsSync(DEBIAN_PG_ROOT)
    ? readdirSync(DEBIAN_PG_ROOT)
        .filter((name) => /^\d+$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const candidates = [
    ...majors.map((major) => join(DEBIAN_PG_ROOT, major, 'bin', tool)),
    ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, tool)),
  ];
  const found = candidates.find((path) => path.startsWith('/') && existsSync(path));
  if (!found) {
    throw new BackupError(
      `${tool} was not found (looked in ${DEBIAN_PG_ROOT}/*/bin and on the PATH). Install PostgreSQL's client ` +
        "tools at the server's major version or newer: apt-get install postgresql-client",
    );
  }
  return found;
}

/**
 * The connection as libpq arguments. The password travels in PGPASSWORD, not in the command line, where any local
 * user could read it from the process list.
 */
export function toolConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return {
    dbname: parsed.toString(),
    env: password ? { ...process.env, PGPASSWORD: password } : { ...process.env },
  };
}

/** Runs a client tool to the end; a non-zero exit becomes a BackupError carrying what the tool printed. */
export function runPgTool(binary: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.on('error', (error) => reject(new BackupError(`could not run ${binary}: ${error.message}`)));
    child.on('exit', (code, signal) => {
      if (code === 0) resolve(output.trim());
      else reject(new BackupError(`${binary} failed (${signal ?? `exit ${code}`}):\n${output.trim()}`));
    });
  });
}
