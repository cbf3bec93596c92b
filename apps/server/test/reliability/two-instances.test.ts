import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseTarget, openDatabase } from '../../src/db/database.ts';
import { CATEGORY } from '../../src/modules/civic-cases/civic-cases.test-support.ts';
import { civicCasesJobHandlers } from '../../src/modules/civic-cases/index.ts';
import { membersJobHandlers } from '../../src/modules/members/index.ts';
import { reportsJobHandlers } from '../../src/modules/reports/index.ts';
import { enqueueJob, platformJobHandlers } from '../../src/platform/jobs/index.ts';
import { testDialect } from '../test-database.ts';
import { waitUntil } from './concurrency-http.ts';
import {
  childDatabaseEnv,
  createPostgresDatabase,
  type PostgresDatabase,
  type SeededResident,
  seedResident,
  withPlatform,
} from './process-database.ts';
import { type LinliServer, startLinli } from './process-server.ts';

/** The job kinds `linli serve` runs (apps/server/src/server.ts), and which of them recur. */
const HANDLERS = { ...platformJobHandlers, ...membersJobHandlers, ...civicCasesJobHandlers, ...reportsJobHandlers };
const RECURRING = Object.entries(HANDLERS)
  .filter(([, handler]) => handler.everyMs !== undefined)
  .map(([kind]) => kind);
const PURGE = 'platform.purge_expired';
const PURGE_LOG = /"msg":"expired records purged"/g;
/**
 * One-off jobs queued at once: enough that draining them outlasts a poll interval (a second), so both runners
 * usually race for them — which runner takes which is up to the race; that each runs once is the assertion.
 */
const ONE_OFF_JOBS = 40;
/** Runners poll every second; a busy machine starts a job run well after it is due. */
const JOBS_TIMEOUT_MS = 60_000;

/**
 * Two `linli serve` processes on one PostgreSQL database, as a county scales out behind a load balancer: sessions
 * live in the database, so either instance serves them and a logout on one ends them on both; and the job runners
 * claim with FOR UPDATE SKIP LOCKED and keep one pending run per recurring kind, so every job runs exactly once
 * across the two. (SQLite is one process by design: this is PostgreSQL only.)
 */
describe.runIf(testDialect() === 'postgres')('two Linli instances on one PostgreSQL', () => {
  const dataDirs: string[] = [];
  const running: LinliServer[] = [];
  let postgres: PostgresDatabase | undefined;
  let target: DatabaseTarget;
  let resident: SeededResident;
  let a: LinliServer;
  let b: LinliServer;

  beforeAll(async () => {
    postgres = await createPostgresDatabase(process.env.LINLI_TEST_PG_URL ?? '', 'linli_two');
    target = { dialect: 'postgres', url: postgres.url };
    resident = await withPlatform(target, seedResident);
    const dirA = mkdtempSync(join(tmpdir(), 'linli-a-'));
    const dirB = mkdtempSync(join(tmpdir(), 'linli-b-'));
    dataDirs.push(dirA, dirB);
    const [startedA, startedB] = await Promise.allSettled([
      startLinli(childDatabaseEnv(target, dirA)),
      startLinli(childDatabaseEnv(target, dirB)),
    ]);
    // Whichever started is stopped in afterAll, even when the other did not.
    for (const started of [startedA, startedB]) if (started.status === 'fulfilled') running.push(started.value);
    if (startedA.status === 'rejected') throw startedA.reason;
    if (startedB.status === 'rejected') throw startedB.reason;
    a = startedA.value;
    b = startedB.value;
  }, 240_000);
  afterAll(async () => {
    await Promise.all(running.map((server) => server.stop()));
    await postgres?.drop();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  const jobRows = async (kinds: string[]) => {
    const database = await openDatabase(target);
    try {
      return await database.db
        .selectFrom('job')
        .select(['id', 'kind', 'status', 'attempts', 'unique_key'])
        .where('kind', 'in', kinds)
        .execute();
    } finally {
      await database.close();
    }
  };
  const purgeRuns = () => (a.output().match(PURGE_LOG) ?? []).length + (b.output().match(PURGE_LOG) ?? []).length;

  it('serves one session on both: signed in on A, used and ended on B, refused on A', async () => {
    const login = await fetch(`${a.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: resident.username, password: resident.password }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^linli_sid=./);
    const { me } = (await login.json()) as { me: { id: string; csrfToken: string } };
    const session = { cookie, 'x-csrf-token': me.csrfToken };

    const meOnB = await fetch(`${b.baseUrl}/api/v1/auth/me`, { headers: session });
    expect(meOnB.status).toBe(200);
    expect(((await meOnB.json()) as { id: string }).id).toBe(resident.userId);

    // A submission on B and its retry on A: the Idempotency-Key store is shared too.
    const submit = (server: LinliServer, key: string) =>
      fetch(`${server.baseUrl}/api/v1/me/civic-cases`, {
        method: 'POST',
        headers: { ...session, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({
          categoryId: CATEGORY.property,
          title: '电梯停运（两个实例）',
          description: '2栋电梯停运两天了。',
          place: { compoundId: resident.compoundId, building: '2' },
        }),
      });
    const key = randomUUID();
    const onB = await submit(b, key);
    expect(onB.status).toBe(201);
    const retryOnA = await submit(a, key);
    expect(retryOnA.status).toBe(201);
    expect(retryOnA.headers.get('idempotent-replayed')).toBe('true');
    expect(await retryOnA.json()).toEqual(await onB.json());

    const logout = await fetch(`${b.baseUrl}/api/v1/auth/logout`, { method: 'POST', headers: session });
    expect(logout.status).toBe(204);
    const meOnA = await fetch(`${a.baseUrl}/api/v1/auth/me`, { headers: session });
    expect(meOnA.status).toBe(401);
  });

  it('runs each recurring job once at start, not once per instance, and queues one next run', async () => {
    await waitUntil(
      'every recurring kind has run',
      async () => {
        const rows = await jobRows(RECURRING);
        return RECURRING.every((kind) => rows.some((r) => r.kind === kind && r.status === 'done'));
      },
      JOBS_TIMEOUT_MS,
    );
    const rows = await jobRows(RECURRING);
    for (const kind of RECURRING) {
      const ofKind = rows.filter((r) => r.kind === kind);
      expect(
        ofKind
          .map((r) => ({ status: r.status, attempts: r.attempts, key: r.unique_key }))
          .sort((x, y) => x.attempts - y.attempts),
        kind,
      ).toEqual([
        { status: 'queued', attempts: 0, key: `recurring:${kind}` },
        { status: 'done', attempts: 1, key: `recurring:${kind}` },
      ]);
    }
    expect(purgeRuns()).toBe(1);
  });

  it(`runs each of ${ONE_OFF_JOBS} one-off jobs exactly once across both runners`, async () => {
    const database = await openDatabase(target);
    const ids: string[] = [];
    try {
      // In one transaction, so they become due together.
      await database.db.transaction().execute(async (trx) => {
        for (let n = 0; n < ONE_OFF_JOBS; n += 1) ids.push((await enqueueJob(trx, { kind: PURGE })).id);
      });
    } finally {
      await database.close();
    }
    const ofOneOff = async () => (await jobRows([PURGE])).filter((r) => ids.includes(r.id));
    await waitUntil(
      'every one-off job is done',
      async () => (await ofOneOff()).every((r) => r.status === 'done'),
      JOBS_TIMEOUT_MS,
    );
    expect((await ofOneOff()).map((r) => r.attempts)).toEqual(ids.map(() => 1));
    // The side effect, counted in both instances' logs: the recurring run plus each one-off, never twice.
    expect(purgeRuns()).toBe(1 + ONE_OFF_JOBS);
    const onA = (a.output().match(PURGE_LOG) ?? []).length;
    console.info(`two instances: purge runs on A ${onA}, on B ${purgeRuns() - onA}`);
  });
});
