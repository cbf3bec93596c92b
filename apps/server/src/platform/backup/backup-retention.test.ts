import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultBackupFile, pruneBackups } from './backup-retention.ts';

describe('the retention schedule (REL-4)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'linli-retention-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const place = (name: string) => writeFileSync(join(dir, name), 'x');
  const nightly = (day: number) => basename(defaultBackupFile(dir, 'sqlite', new Date(Date.UTC(2026, 10, day, 2))));

  it('names a backup by its database and UTC time, to the millisecond', () => {
    expect(defaultBackupFile('/srv/linli', 'postgres', new Date('2026-11-27T02:03:04.005Z'))).toBe(
      '/srv/linli/backups/linli-postgres-20261127T020304005Z.lbk',
    );
  });

  it('keeps the newest N and deletes exactly the older ones, oldest first', () => {
    for (const day of [3, 1, 5, 2, 4]) place(nightly(day));
    expect(pruneBackups(dir, 'sqlite', 2)).toEqual([nightly(1), nightly(2), nightly(3)]);
    expect(readdirSync(dir).sort()).toEqual([nightly(4), nightly(5)]);
  });

  it('never touches hand-named files, unfinished ones, or the other database’s archives', () => {
    const others = [
      'before-upgrade.lbk',
      `${nightly(2)}.partial`,
      basename(defaultBackupFile(dir, 'postgres', new Date(Date.UTC(2026, 0, 1)))),
    ];
    for (const name of [...others, nightly(1), nightly(2)]) place(name);
    expect(pruneBackups(dir, 'sqlite', 1)).toEqual([nightly(1)]);
    expect(readdirSync(dir).sort()).toEqual([...others, nightly(2)].sort());
  });

  it('keeps everything when there are no more than N', () => {
    place(nightly(1));
    expect(pruneBackups(dir, 'sqlite', 7)).toEqual([]);
  });

  it('refuses to keep fewer than one', () => {
    expect(() => pruneBackups(dir, 'sqlite', 0)).toThrow(RangeError);
  });
});
