import type SQLite from 'better-sqlite3';
import {
  type CompiledQuery,
  type DatabaseConnection,
  DeleteQueryNode,
  type Dialect,
  type Driver,
  InsertQueryNode,
  MergeQueryNode,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  UpdateQueryNode,
} from 'kysely';

/**
 * Group commit for the one SQLite connection (REL-1 keeps `synchronous=FULL`: every COMMIT waits for its fsync,
 * about a millisecond here, and one connection commits one transaction at a time).
 *
 * Transactions that queue for the connection while one runs share one outer transaction: each runs inside its own
 * SAVEPOINT (a failure rolls back its own work only), and the outer COMMIT — one fsync for all of them — is issued
 * once nobody who queued before it is still waiting. Every member's `commit` (and so every response) returns only
 * after that shared COMMIT has returned; if it fails, every member fails. Durability per request is unchanged,
 * only the fsync is shared.
 *
 * Outside a transaction: a read runs on a second, read-only connection (WAL readers see the last commit and never
 * wait for the writer) — or, for an in-memory database, which has no second connection, on the writer, where it
 * waits for an open group's COMMIT so nobody is shown rows that are not yet durable; a data change
 * (INSERT/UPDATE/DELETE) joins the group like a transaction; anything else (PRAGMA, DDL, raw writes) first commits
 * the open group and then runs on its own.
 */
export function groupCommitSqliteDialect(connections: GroupCommitConnections): Dialect {
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new GroupCommitDriver(connections),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
}

/** Hands the connection to waiters in the order they asked (a COMMIT queued behind them lets them join first). */
class FifoMutex {
  #locked = false;
  readonly #waiters: Array<() => void> = [];

  lock(): Promise<void> {
    if (!this.#locked) {
      this.#locked = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  unlock(): void {
    const next = this.#waiters.shift();
    if (next) next();
    else this.#locked = false;
  }
}

/** One shared outer transaction and the promise its members wait on. */
interface Group {
  open: boolean;
  members: number;
  committed: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

function newGroup(): Group {
  let resolve = (): void => {};
  let reject = (_error: unknown): void => {};
  const committed = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A group whose members all rolled back has nobody waiting: its failure must not surface as unhandled.
  committed.catch(() => {});
  return { open: false, members: 0, committed, resolve, reject };
}

const TX_SAVEPOINT = 'linli_request';

/** A connection and its compiled-statement cache. */
export interface SqliteHandle {
  sqlite: SQLite.Database;
  prepare: (text: string) => SQLite.Statement;
}

export interface GroupCommitConnections {
  writer: SqliteHandle;
  /** Null for an in-memory database, which a second connection cannot see. */
  reader: SqliteHandle | null;
  /** Told after each shared COMMIT how many transactions and statements it made durable. */
  onCommit?: (members: number) => void;
}

const isDataChange = (compiled: CompiledQuery): boolean =>
  InsertQueryNode.is(compiled.query) ||
  UpdateQueryNode.is(compiled.query) ||
  DeleteQueryNode.is(compiled.query) ||
  MergeQueryNode.is(compiled.query);

class GroupCommitDriver implements Driver {
  readonly #sqlite: SQLite.Database;
  readonly #prepare: (text: string) => SQLite.Statement;
  readonly #reader: SqliteHandle | null;
  readonly #onCommit: (members: number) => void;
  readonly #mutex = new FifoMutex();
  #group = newGroup();
  #flushScheduled = false;
  /** Released leases, reused: Kysely remembers every connection object it has seen. */
  readonly #spare: Lease[] = [];

  constructor({ writer, reader, onCommit }: GroupCommitConnections) {
    this.#sqlite = writer.sqlite;
    this.#prepare = writer.prepare;
    this.#reader = reader;
    this.#onCommit = onCommit ?? (() => {});
  }

  async init(): Promise<void> {}

  /** A lease takes the writer only when it needs it: reads on the reader connection never queue for it. */
  async acquireConnection(): Promise<DatabaseConnection> {
    return this.#spare.pop() ?? new Lease(this);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    if (lease.holdsLock) this.unlock(lease);
    lease.inTransaction = false;
    this.#spare.push(lease);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    await this.#takeWriter(lease);
    this.#openGroup();
    this.#exec(`SAVEPOINT ${TX_SAVEPOINT}`);
    lease.inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    this.#exec(`RELEASE ${TX_SAVEPOINT}`);
    lease.inTransaction = false;
    await this.#awaitGroup(lease);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    lease.inTransaction = false;
    // The shared COMMIT failed after this transaction's savepoint was released: the group's ROLLBACK undid it.
    if (!lease.holdsLock) return;
    // An I/O error or a full disk can end the whole outer transaction: then the group is lost, and says so.
    if (!this.#sqlite.inTransaction) {
      this.#failGroup(new Error('SQLite ended the shared transaction'));
      return;
    }
    this.#exec(`ROLLBACK TO ${TX_SAVEPOINT}`);
    this.#exec(`RELEASE ${TX_SAVEPOINT}`);
  }

  /** Commits what is pending, then closes the file (the server's shutdown waits for this). */
  async destroy(): Promise<void> {
    await this.#mutex.lock();
    try {
      this.#commitGroup();
    } finally {
      this.#mutex.unlock();
    }
    this.#sqlite.close();
    this.#reader?.sqlite.close();
  }

  /** Runs one statement for a lease. */
  async execute(lease: Lease, compiled: CompiledQuery): Promise<QueryResult<unknown>> {
    if (lease.inTransaction) return run(this.#prepare(compiled.sql), compiled);
    const readerStatement = this.#reader?.prepare(compiled.sql);
    if (readerStatement?.readonly) return run(readerStatement, compiled);
    await this.#takeWriter(lease);
    const statement = this.#prepare(compiled.sql);
    if (statement.readonly) {
      if (!this.#group.open) return run(statement, compiled);
      const rows = run(statement, compiled);
      await this.#awaitGroup(lease);
      return rows;
    }
    if (!isDataChange(compiled)) {
      this.#commitGroup();
      return run(statement, compiled);
    }
    this.#openGroup();
    const result = run(statement, compiled);
    await this.#awaitGroup(lease);
    return result;
  }

  async #takeWriter(lease: Lease): Promise<void> {
    if (lease.holdsLock) return;
    await this.#mutex.lock();
    lease.holdsLock = true;
  }

  unlock(lease: Lease): void {
    lease.holdsLock = false;
    this.#mutex.unlock();
    this.#scheduleFlush();
  }

  /** Gives the connection up and waits for the shared COMMIT of the group the lease's work is in. */
  async #awaitGroup(lease: Lease): Promise<void> {
    const committed = this.#group.committed;
    this.#group.members += 1;
    this.unlock(lease);
    await committed;
  }

  #openGroup(): void {
    if (this.#group.open) return;
    // IMMEDIATE: the write lock now, waiting out another process's writer (busy_timeout) instead of failing later.
    this.#exec('BEGIN IMMEDIATE');
    this.#group.open = true;
  }

  /** After the holder lets go: a COMMIT queued behind everyone already waiting, so they join this group. */
  #scheduleFlush(): void {
    if (this.#flushScheduled || !this.#group.open) return;
    this.#flushScheduled = true;
    setImmediate(() => {
      void this.#flush();
    });
  }

  async #flush(): Promise<void> {
    await this.#mutex.lock();
    this.#flushScheduled = false;
    try {
      this.#commitGroup();
    } finally {
      this.#mutex.unlock();
    }
  }

  /** COMMIT the open group (the caller holds the connection) and tell its members how it went. */
  #commitGroup(): void {
    const group = this.#group;
    if (!group.open) return;
    this.#group = newGroup();
    try {
      if (!this.#sqlite.inTransaction) throw new Error('SQLite ended the shared transaction');
      this.#exec('COMMIT');
      this.#onCommit(group.members);
      group.resolve();
    } catch (error) {
      if (this.#sqlite.inTransaction) this.#exec('ROLLBACK');
      group.reject(error);
    }
  }

  #failGroup(error: Error): void {
    const group = this.#group;
    this.#group = newGroup();
    group.reject(error);
  }

  #exec(text: string): void {
    this.#prepare(text).run();
  }
}

function run(statement: SQLite.Statement, compiled: CompiledQuery): QueryResult<unknown> {
  const parameters = compiled.parameters as unknown[];
  if (statement.reader) return { rows: statement.all(parameters) };
  const { changes, lastInsertRowid } = statement.run(parameters);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}

class Lease implements DatabaseConnection {
  holdsLock = false;
  inTransaction = false;
  readonly #driver: GroupCommitDriver;

  constructor(driver: GroupCommitDriver) {
    this.#driver = driver;
  }

  executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    return this.#driver.execute(this, compiled) as Promise<QueryResult<R>>;
  }

  // biome-ignore lint/correctness/useYield: SQLite streams are not used; Kysely requires the method.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported on the SQLite connection: page with a keyset instead');
  }
}
