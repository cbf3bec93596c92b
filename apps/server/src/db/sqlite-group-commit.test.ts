import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupCommitSqliteDialect, type SqliteHandle } from './sqlite-group-commit.ts';

interface TestDb {
  item: { id: number; note: string };
  child: { id: number; item_id: number };
}

const handle = (sqlite: SQLite.Database): SqliteHandle => ({ sqlite, prepare: (text) => sqlite.prepare(text) });

let dir: string;
let path: string;
let db: Kysely<TestDb>;
let commits: number[];

/** The driver as `openDatabase` builds it for a file, plus a commit observer; `memory` has no reader. */
function open(memory = false): Kysely<TestDb> {
  const writer = new SQLite(memory ? ':memory:' : path);
  writer.pragma('journal_mode = wal');
  writer.pragma('synchronous = FULL');
  writer.pragma('foreign_keys = 1');
  writer.exec(`CREATE TABLE IF NOT EXISTS item (id INTEGER PRIMARY KEY, note TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS child (id INTEGER PRIMARY KEY,
      item_id INTEGER NOT NULL REFERENCES item (id) DEFERRABLE INITIALLY DEFERRED)`);
  const reader = memory ? null : handle(new SQLite(path, { readonly: true }));
  commits = [];
  return new Kysely<TestDb>({
    dialect: groupCommitSqliteDialect({ writer: handle(writer), reader, onCommit: (n) => commits.push(n) }),
  });
}

/** What a separate connection sees: only what is committed. */
function committedIds(): number[] {
  const other = new SQLite(path, { readonly: true });
  try {
    return other
      .prepare('SELECT id FROM item ORDER BY id')
      .all()
      .map((row) => (row as { id: number }).id);
  } finally {
    other.close();
  }
}

/** A transaction that has inserted its row and waits, holding the writer, until `finish()`. */
function holdTransaction(id: number) {
  let entered = (): void => {};
  let finish = (): void => {};
  const inside = new Promise<void>((r) => {
    entered = r;
  });
  const released = new Promise<void>((r) => {
    finish = r;
  });
  const done = db.transaction().execute(async (trx) => {
    await trx.insertInto('item').values({ id, note: 'held' }).execute();
    entered();
    await released;
  });
  return { inside, finish, done };
}

const insertIn = (id: number) =>
  db.transaction().execute((trx) => trx.insertInto('item').values({ id, note: 'x' }).execute());

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'linli-group-commit-'));
  path = join(dir, 'test.db');
  db = open();
});

afterEach(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe('group commit on SQLite', () => {
  it('makes transactions that queue together durable with one COMMIT, each answered after it', async () => {
    await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        await insertIn(i + 1);
        // The transaction returned: its row is on disk for any other connection.
        expect(committedIds()).toContain(i + 1);
      }),
    );
    expect(commits.reduce((a, b) => a + b, 0)).toBe(20);
    expect(commits.length).toBeLessThan(20);
    expect(committedIds()).toHaveLength(20);
  });

  it('rolls back only the transaction that failed', async () => {
    const results = await Promise.allSettled([
      insertIn(1),
      db.transaction().execute(async (trx) => {
        await trx.insertInto('item').values({ id: 2, note: 'x' }).execute();
        throw new Error('the use case refused');
      }),
      insertIn(3),
      insertIn(1), // primary key taken by the first
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
    expect(committedIds()).toEqual([1, 3]);
    expect(commits.reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('fails every member when the shared COMMIT fails, and keeps none of their rows', async () => {
    const results = await Promise.allSettled([
      insertIn(1),
      // A deferred foreign key is only checked at COMMIT: this member poisons the group it is in.
      db.transaction().execute((trx) => trx.insertInto('child').values({ id: 1, item_id: 99 }).execute()),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(committedIds()).toEqual([]);
    await insertIn(5);
    expect(committedIds()).toEqual([5]);
  });

  it('reads outside a transaction on the reader: never waiting for the writer, never seeing uncommitted rows', async () => {
    await insertIn(1);
    const tx = holdTransaction(2);
    await tx.inside;
    const during = await db.selectFrom('item').select('id').execute();
    expect(during.map((r) => r.id)).toEqual([1]);
    tx.finish();
    await tx.done;
    const after = await db.selectFrom('item').select('id').orderBy('id').execute();
    expect(after.map((r) => r.id)).toEqual([1, 2]);
  });

  it('lets a statement outside a transaction join the group and answer after the shared COMMIT', async () => {
    const [, update] = await Promise.all([
      insertIn(1),
      db.insertInto('item').values({ id: 2, note: 'alone' }).execute(),
      insertIn(3),
    ]);
    expect(Number(update[0]?.numInsertedOrUpdatedRows)).toBe(1);
    expect(committedIds()).toEqual([1, 2, 3]);
    expect(commits.reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('commits the open group before a statement that cannot run inside one (VACUUM)', async () => {
    const tx = holdTransaction(1);
    await tx.inside;
    const vacuum = sql`VACUUM`.execute(db);
    tx.finish();
    await Promise.all([tx.done, vacuum]);
    expect(committedIds()).toEqual([1]);
  });

  it('on an in-memory database reads wait for the open group rather than show rows that are not durable', async () => {
    await db.destroy();
    db = open(true);
    const tx = holdTransaction(1);
    await tx.inside;
    const read = db
      .selectFrom('item')
      .select('id')
      .execute()
      .then((rows) => ({ rows, commitsBefore: commits.length }));
    tx.finish();
    const [, seen] = await Promise.all([tx.done, read]);
    expect(seen.rows.map((r) => r.id)).toEqual([1]);
    // The read ran inside the group and answered only once it was committed.
    expect(seen.commitsBefore).toBe(1);
    expect(commits).toEqual([2]);
  });
});
