import type { Config } from '../config.ts';

/** `linli backup <file>` — being built (issue 6, backups). */
export async function runBackup(_config: Config, _args: string[]): Promise<number> {
  process.stderr.write('linli backup is not available in this build\n');
  return 2;
}

/** `linli restore <file>` — being built (issue 6, backups). */
export async function runRestore(_config: Config, _args: string[]): Promise<number> {
  process.stderr.write('linli restore is not available in this build\n');
  return 2;
}
