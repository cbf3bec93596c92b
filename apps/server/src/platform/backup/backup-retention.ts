import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Dialect } from '../../db/database.ts';

/** `linli-<dialect>-<UTC time to the millisecond>.lbk`: sorts by name in time order. */
const BACKUP_NAME = /^linli-(sqlite|postgres)-(\d{8}T\d{9}Z)\.lbk$/;

const compactUtc = (at: Date): string => at.toISOString().replace(/[-:.]/g, '');

/** The default archive: `$LINLI_DATA_DIR/backups/linli-<dialect>-<UTC timestamp>.lbk`. */
export const defaultBackupFile = (dataDir: string, dialect: Dialect, at: Date): string =>
  join(dataDir, 'backups', `linli-${dialect}-${compactUtc(at)}.lbk`);

/**
 * The retention schedule (REL-4): keeps the newest `keep` archives of `dialect` in `dir` and deletes the older
 * ones, returning their names, oldest first. Only files named as `linli backup` names them count; anything else in
 * the folder (a hand-named copy, an archive of the other database) is never touched.
 */
export function pruneBackups(dir: string, dialect: Dialect, keep: number): string[] {
  if (!Number.isInteger(keep) || keep < 1) throw new RangeError('keep must be a whole number of at least 1');
  const ours = readdirSync(dir)
    .filter((name) => BACKUP_NAME.exec(name)?.[1] === dialect)
    .sort();
  const doomed = ours.slice(0, Math.max(0, ours.length - keep));
  for (const name of doomed) rmSync(join(dir, name));
  return doomed;
}
