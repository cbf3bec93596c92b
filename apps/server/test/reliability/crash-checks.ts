import { sql } from 'kysely';
import type { Db, Dialect } from '../../src/db/database.ts';
import { civicTallyMismatches } from '../../src/modules/civic-cases/index.ts';
import { verifyAuditChain } from '../../src/platform/audit/index.ts';
import type { KeyRing } from '../../src/platform/crypto/index.ts';
import type { AckBook } from './crash-acks.ts';

/**
 * What must hold after every crash of REL-3, each check answering with the problems it found (none = an empty
 * list), so a failing round names the case and the counter that broke instead of a bare false.
 */

const count = (value: unknown): number => Number(value ?? 0);

async function rows<T>(db: Db, query: ReturnType<typeof sql<T>>): Promise<T[]> {
  return (await query.execute(db)).rows;
}

/** Every acknowledged case is there at the acknowledged version and status, or later; every follower row too. */
export async function missingAcknowledged(db: Db, book: AckBook): Promise<string[]> {
  const stored = new Map(
    (await db.selectFrom('civic_case').select(['id', 'status', 'version']).execute()).map((r) => [r.id, r]),
  );
  const problems: string[] = [];
  for (const [caseId, acked] of book.cases) {
    const row = stored.get(caseId);
    if (!row) {
      problems.push(`case ${caseId} was acknowledged (v${acked.version}) but is gone`);
    } else if (row.version < acked.version) {
      problems.push(`case ${caseId} is at v${row.version}, acked v${acked.version}`);
    } else if (row.version === acked.version && row.status !== acked.status) {
      problems.push(`case ${caseId} v${row.version} is ${row.status}, acked ${acked.status}`);
    }
  }
  const followers = new Set(
    (await db.selectFrom('civic_case_follower').select(['case_id', 'user_id']).execute()).map(
      (f) => `${f.case_id}/${f.user_id}`,
    ),
  );
  for (const f of book.follows) {
    if (!followers.has(`${f.caseId}/${f.userId}`)) problems.push(`follow of ${f.caseId} by ${f.userId} is gone`);
  }
  return problems;
}

interface CaseFacts {
  id: string;
  status: string;
  version: number;
  follower_count: number;
  rework_count: number;
  reopen_count: number;
  open_supervisions: number;
  last_to_status: string | null;
}

interface EventFacts {
  case_id: string;
  events: unknown;
  last_seq: unknown;
  rejects: unknown;
  reopens: unknown;
  /** Events written by a workflow action (one per version step); the system's reopen rides on a rating. */
  actions: unknown;
  /** Events with their own audit entry: all but routing proposals and the system's reopen. */
  audited: unknown;
}

const eventFacts = (db: Db) =>
  rows<EventFacts>(
    db,
    sql`SELECT case_id, count(*) AS events, max(seq) AS last_seq,
          sum(CASE WHEN type = 'reject' THEN 1 ELSE 0 END) AS rejects,
          sum(CASE WHEN type = 'reopen' THEN 1 ELSE 0 END) AS reopens,
          sum(CASE WHEN type IN ('submit', 'auto_route', 'follow') OR (type = 'reopen' AND actor_role = 'system')
              THEN 0 ELSE 1 END) AS actions,
          sum(CASE WHEN type = 'auto_route' OR (type = 'reopen' AND actor_role = 'system') THEN 0 ELSE 1 END) AS audited
        FROM civic_case_event GROUP BY case_id`,
  );

/** Tallies of the rows each counter column counts, by case. */
async function tallies(db: Db) {
  const byCase = async (query: ReturnType<typeof sql<{ case_id: string; n: unknown }>>) =>
    new Map((await rows(db, query)).map((r) => [r.case_id, count(r.n)]));
  return {
    followers: await byCase(sql`SELECT case_id, count(*) AS n FROM civic_case_follower GROUP BY case_id`),
    openSupervisions: await byCase(
      sql`SELECT case_id, count(*) AS n FROM civic_supervision WHERE status = 'open' GROUP BY case_id`,
    ),
    audits: await byCase(
      sql`SELECT object_id AS case_id, count(*) AS n FROM audit_log WHERE object_type = 'civic_case' GROUP BY object_id`,
    ),
    submits: await byCase(
      sql`SELECT object_id AS case_id, count(*) AS n FROM audit_log WHERE action = 'civic_case.submit' GROUP BY object_id`,
    ),
  };
}

/**
 * Per case: the status is the last event's `to_status`, the event log has no gap, the version counts the workflow
 * actions, the counter columns equal the rows they count (followers, rejects, reopens, open 督办), and the audit
 * log holds one entry per audited event, exactly one of them the submission (complaint ↔ audit pairs).
 */
export async function brokenCaseInvariants(db: Db): Promise<string[]> {
  const cases = await rows<CaseFacts>(
    db,
    sql`SELECT c.id, c.status, c.version, c.follower_count, c.rework_count, c.reopen_count, c.open_supervisions,
          e.to_status AS last_to_status
        FROM civic_case c
        LEFT JOIN civic_case_event e ON e.case_id = c.id
          AND e.seq = (SELECT max(x.seq) FROM civic_case_event x WHERE x.case_id = c.id)`,
  );
  const events = new Map((await eventFacts(db)).map((e) => [e.case_id, e]));
  const t = await tallies(db);
  const problems: string[] = [];
  for (const c of cases) {
    const e = events.get(c.id);
    const mustEqual = (what: string, stored: unknown, counted: unknown) => {
      if (count(stored) !== count(counted)) problems.push(`case ${c.id}: ${what} ${count(stored)} ≠ ${count(counted)}`);
    };
    if (c.last_to_status !== c.status) {
      problems.push(`case ${c.id}: status ${c.status}, last event ${c.last_to_status}`);
    }
    mustEqual('events (no gaps in seq)', e?.last_seq, e?.events);
    mustEqual('version - 1 vs workflow events', c.version - 1, e?.actions);
    mustEqual('follower_count', c.follower_count, t.followers.get(c.id));
    mustEqual('rework_count', c.rework_count, e?.rejects);
    mustEqual('reopen_count', c.reopen_count, e?.reopens);
    mustEqual('open_supervisions', c.open_supervisions, t.openSupervisions.get(c.id));
    mustEqual('audit entries vs audited events', t.audits.get(c.id), e?.audited);
    mustEqual('submission audit entries', t.submits.get(c.id), 1);
  }
  return problems;
}

/** The per-day case counter has issued exactly the numbers the cases carry: 1…last, each once. */
export async function brokenCaseNumbers(db: Db): Promise<string[]> {
  const counters = await db.selectFrom('civic_case_counter').selectAll().execute();
  const numbers = (await db.selectFrom('civic_case').select('number').execute()).map((r) => r.number);
  const problems: string[] = [];
  for (const { day, last } of counters) {
    const prefix = `MQ${day.replace(/-/g, '')}-`;
    const issued = numbers
      .filter((n) => n.startsWith(prefix))
      .map((n) => Number(n.slice(prefix.length)))
      .sort((a, b) => a - b);
    const expected = Array.from({ length: Number(last) }, (_, i) => i + 1);
    if (issued.join() !== expected.join()) {
      problems.push(`day ${day}: counter at ${last}, cases numbered ${issued.length} (max ${issued.at(-1)})`);
    }
  }
  return problems;
}

/** SEC-16's hash chain over the whole audit log, with the key the writer used. */
export async function brokenAuditChain(db: Db, keys: KeyRing): Promise<string[]> {
  const result = await verifyAuditChain(db, keys, 'sha256');
  return result.ok ? [] : [`audit chain broken at seq ${result.firstBrokenSeq} after ${result.checked} entries`];
}

/** The 民情 tally (kept in each case's transaction) equals a fresh count from the cases and their events. */
export async function brokenTally(db: Db, dialect: Dialect): Promise<string[]> {
  return (await civicTallyMismatches(db, dialect)).map(
    (m) => `tally ${m.grain} ${m.bucket} compound ${m.compoundId} category ${m.categoryId} ≠ a fresh count`,
  );
}

/** Everything REL-3 asks of the data after a crash, whichever database it is. */
export async function afterCrashProblems(db: Db, dialect: Dialect, keys: KeyRing, book: AckBook): Promise<string[]> {
  return [
    ...(await missingAcknowledged(db, book)),
    ...(await brokenCaseInvariants(db)),
    ...(await brokenCaseNumbers(db)),
    ...(await brokenTally(db, dialect)),
    ...(await brokenAuditChain(db, keys)),
  ];
}

/** SQLite's own check of every page and index, and no dangling foreign key. */
export async function sqliteIntegrity(db: Db): Promise<string[]> {
  const integrity = await rows<{ integrity_check: string }>(db, sql`PRAGMA integrity_check`);
  const foreignKeys = await rows<Record<string, unknown>>(db, sql`PRAGMA foreign_key_check`);
  return [
    ...integrity.map((r) => r.integrity_check).filter((r) => r !== 'ok'),
    ...foreignKeys.map((r) => `foreign key: ${JSON.stringify(r)}`),
  ];
}

/**
 * PostgreSQL has no integrity_check; amcheck (contrib, in Debian's postgresql-15) checks each B-tree index
 * against its ordering rules and that every heap tuple is indexed (`heapallindexed`), and verify_heapam each
 * table's pages. Returns the problems and how many indexes were checked.
 */
export async function postgresIntegrity(db: Db): Promise<{ problems: string[]; indexes: number }> {
  const indexes = await rows<{ name: string }>(
    db,
    sql`SELECT c.relname AS name FROM pg_index i
        JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
        WHERE am.amname = 'btree' AND c.relnamespace = 'public'::regnamespace ORDER BY c.relname`,
  );
  const problems: string[] = [];
  for (const { name } of indexes) {
    try {
      await sql`SELECT bt_index_check(${name}::regclass, true)`.execute(db);
    } catch (error) {
      problems.push(`index ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const heap = await rows<{ name: string; problems: unknown }>(
    db,
    sql`SELECT c.relname AS name, (SELECT count(*) FROM verify_heapam(c.oid::regclass)) AS problems
        FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'`,
  );
  for (const table of heap) {
    if (count(table.problems) > 0) problems.push(`table ${table.name}: ${count(table.problems)} corrupt tuples`);
  }
  return { problems, indexes: indexes.length };
}
