import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, type DatabaseTarget, openDatabase } from '../../src/db/database.ts';
import { seededRandom } from '../../src/demo/seeded-random.ts';
import { createKeyRing } from '../../src/platform/crypto/index.ts';
import { TEST_MASTER_KEY } from '../harness.ts';
import { testDialect } from '../test-database.ts';
import { AckBook } from './crash-acks.ts';
import { afterCrashProblems, postgresIntegrity, sqliteIntegrity } from './crash-checks.ts';
import { buildCrashFixture, type CrashFixture } from './crash-fixture.ts';
import { type Crash, startWriter } from './crash-round.ts';
import { childDatabaseEnv, createPostgresDatabase, withPlatform } from './process-database.ts';
import { startThrowawayCluster, type ThrowawayCluster } from './process-postgres.ts';
import { CRASH_DELAY_MS, CRASH_ROUNDS, CRASH_SEED, CRASH_WRITE_LOOPS } from './reliability-size.ts';

/**
 * REL-3: a writer process files and works 民情 cases through the real services in concurrent loops and prints each
 * id only after its transaction committed; the test kills it with kill -9 at a random moment (seeded), reopens the
 * database and checks that nothing acknowledged is lost and nothing is half-written — the database's own integrity
 * check, every acknowledged case at its acknowledged state or later, status = last event, counters = counts, the
 * case numbers, the 民情 tally and the audit chain. PostgreSQL is crashed too (`pg_ctl stop -m immediate`) and
 * restarted through crash recovery, on a cluster of the test's own. kill -9 proves durability across application
 * and database-server crashes; power loss rests on synchronous=FULL / fsync (REL-1, REL-5).
 */

const keys = createKeyRing(Buffer.from(TEST_MASTER_KEY, 'hex'));
/** A round takes a writer start (a few seconds of tsx compiling), the kill, a restart and the checks. */
const ROUND_BUDGET_MS = 40_000;

interface CrashSetup {
  target: DatabaseTarget;
  dataDir: string;
  fixture: CrashFixture;
}

/** Plays every round against `setup`, checking after each; `crash` ends the writer (and the database server). */
async function crashRounds(
  setup: CrashSetup,
  rounds: number,
  crash: Crash,
  checkIntegrity: (database: Database) => Promise<string[]>,
  afterCrash: () => Promise<void> = async () => {},
): Promise<AckBook> {
  const book = new AckBook();
  const random = seededRandom(CRASH_SEED);
  const writerFor = (round: number) =>
    startWriter({
      ...childDatabaseEnv(setup.target, setup.dataDir),
      LINLI_CRASH_FIXTURE: JSON.stringify(setup.fixture),
      LINLI_CRASH_LOOPS: String(CRASH_WRITE_LOOPS),
      LINLI_CRASH_SEED: String(CRASH_SEED + round * 1000),
    });
  let next = writerFor(1);
  try {
    for (let round = 1; round <= rounds; round += 1) {
      const delayMs = random.int(CRASH_DELAY_MS.min, CRASH_DELAY_MS.max);
      const writer = await next.writeAndCrash(delayMs, crash);
      // The next writer loads while this crash is recovered from and checked.
      if (round < rounds) next = writerFor(round + 1);
      book.record(writer.stdout);
      await afterCrash();
      const database = await openDatabase(setup.target);
      try {
        const problems = [
          ...(await checkIntegrity(database)),
          ...(await afterCrashProblems(database.db, database.dialect, keys, book)),
        ];
        const context = `round ${round} of ${rounds} (LINLI_CRASH_SEED=${CRASH_SEED}, killed ${delayMs} ms after its first commit)`;
        expect(problems, context).toEqual([]);
      } finally {
        await database.close();
      }
    }
  } finally {
    next.dispose();
  }
  return book;
}

/** The writer must really have written: cases created and moved on through the loop, across the rounds. */
function expectRealWork(book: AckBook): void {
  expect(book.counts.create).toBeGreaterThan(0);
  expect(book.counts.action).toBeGreaterThan(0);
  console.info(
    `crash safety: ${book.total} acknowledged writes (${book.counts.create} cases, ${book.counts.action} actions: ` +
      `${[...book.actions].sort().join(', ')}; ${book.counts.follow} follows)`,
  );
}

describe.runIf(testDialect() === 'sqlite')('REL-3 crash safety on SQLite: kill -9 of a live writer', () => {
  let setup: CrashSetup;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'linli-crash-'));
    const target: DatabaseTarget = { dialect: 'sqlite', path: join(dataDir, 'linli.db') };
    setup = { target, dataDir, fixture: await withPlatform(target, buildCrashFixture) };
  });
  afterAll(() => {
    if (setup) rmSync(setup.dataDir, { recursive: true, force: true });
  });

  it(
    `loses no acknowledged write and breaks no invariant over ${CRASH_ROUNDS.sqlite} rounds`,
    async () => {
      const book = await crashRounds(
        setup,
        CRASH_ROUNDS.sqlite,
        async (writer) => {
          writer.kill('SIGKILL');
        },
        async (database) => sqliteIntegrity(database.db),
      );
      expectRealWork(book);
    },
    CRASH_ROUNDS.sqlite * ROUND_BUDGET_MS,
  );

  it('would notice a lost write, a counter out of step, a skipped case number and a stale tally', async () => {
    // On the cases the rounds above left behind: the checks that passed there are not vacuous.
    const database = await openDatabase(setup.target);
    try {
      const db = database.db;
      const victim = await db.selectFrom('civic_case').select(['id', 'received_on']).executeTakeFirstOrThrow();
      await db
        .updateTable('civic_case')
        .set((eb) => ({ follower_count: eb('follower_count', '+', 1) }))
        .where('id', '=', victim.id)
        .execute();
      await db
        .updateTable('civic_case_counter')
        .set((eb) => ({ last: eb('last', '+', 1) }))
        .where('day', '=', victim.received_on)
        .execute();
      await db
        .updateTable('civic_case_tally')
        .set((eb) => ({ received: eb('received', '+', 1) }))
        .where('grain', '=', 'month')
        .execute();
      const lost = new AckBook();
      lost.record(`${JSON.stringify({ op: 'create', caseId: randomUUID(), status: 'submitted', version: 1 })}\n`);
      const problems = await afterCrashProblems(db, database.dialect, keys, lost);
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/was acknowledged \(v1\) but is gone/),
          expect.stringContaining(`case ${victim.id}: follower_count`),
          expect.stringMatching(new RegExp(`^day ${victim.received_on}: counter at`)),
          expect.stringMatching(/^tally month/),
        ]),
      );
    } finally {
      await database.close();
    }
  });
});

describe.runIf(testDialect() === 'postgres')(
  'REL-3 crash safety on PostgreSQL: pg_ctl stop -m immediate and kill -9 of a live writer',
  () => {
    let cluster: ThrowawayCluster | undefined;
    let setup: CrashSetup;

    beforeAll(async () => {
      cluster = await startThrowawayCluster();
      const created = await createPostgresDatabase(cluster.url, 'linli_crash');
      const target: DatabaseTarget = { dialect: 'postgres', url: created.url };
      const fixture = await withPlatform(target, async (platform) => {
        // amcheck is contrib, shipped with Debian's postgresql-15; the test cluster's superuser installs it.
        await sql`CREATE EXTENSION IF NOT EXISTS amcheck`.execute(platform.db);
        return buildCrashFixture(platform);
      });
      setup = { target, dataDir: mkdtempSync(join(tmpdir(), 'linli-crash-')), fixture };
    }, 120_000);
    afterAll(async () => {
      await cluster?.remove();
      if (setup) rmSync(setup.dataDir, { recursive: true, force: true });
    });

    it(
      `loses no acknowledged write and breaks no invariant over ${CRASH_ROUNDS.postgres} rounds`,
      async () => {
        const server = cluster as ThrowawayCluster;
        let indexesChecked = 0;
        const book = await crashRounds(
          setup,
          CRASH_ROUNDS.postgres,
          async (writer) => {
            // The server dies first, under live transactions; then the writer, whatever it was doing.
            await server.crash();
            writer.kill('SIGKILL');
          },
          async (database) => {
            const { problems, indexes } = await postgresIntegrity(database.db);
            indexesChecked = indexes;
            return problems;
          },
          () => server.restart(),
        );
        expect(indexesChecked).toBeGreaterThan(50);
        expectRealWork(book);
      },
      CRASH_ROUNDS.postgres * ROUND_BUDGET_MS,
    );
  },
);
