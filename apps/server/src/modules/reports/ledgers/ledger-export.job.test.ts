import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LedgerExport } from '@linli/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionFor } from '../../../../test/factories.ts';
import { as, errorCode, type Session, type TestApp } from '../../../../test/harness.ts';
import { HOUR_MS, MINUTE_MS, shanghaiDate } from '../../../platform/clock.ts';
import { systemCtx } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import { enqueueJob } from '../../../platform/jobs/index.ts';
import { type CivicCounty, insertCase, setupCivicTest } from '../../civic-cases/civic-cases.test-support.ts';
import { PROGRESS_EVERY, runLedgerExport } from './ledger-export.job.ts';
import { findLedgerExport, ledgerFilePath } from './ledger-export.repository.ts';
import { readLedgerXlsx, runLedgerJobs } from './ledgers.test-support.ts';

const CASES = 4500;
let t: TestApp;
let county: CivicCounty;
let admin: Session;
let today: string;

/** `CASES` cases in 金碧花园 received today: clones of one inserted case, in multi-row inserts. */
async function insertManyCases(): Promise<void> {
  const first = await insertCase(t.platform, county, { title: '批量事项' });
  const template = await t.platform.db
    .selectFrom('civic_case')
    .selectAll()
    .where('id', '=', first.id)
    .executeTakeFirstOrThrow();
  for (let start = 1; start < CASES; start += 200) {
    const rows = Array.from({ length: Math.min(200, CASES - start) }, (_, i) => ({
      ...template,
      id: newId(),
      number: `${template.number}-${start + i}`,
      tracking_code: null,
    }));
    await t.platform.db.insertInto('civic_case').values(rows).execute();
  }
}

beforeAll(async () => {
  const setup = await setupCivicTest('countyAdmin');
  t = setup.t;
  county = setup.county;
  admin = setup.countyAdmin;
  today = shanghaiDate(t.clock.now());
  await insertManyCases();
}, 60_000);
afterAll(() => t.close());

const period = () => ({ from: today, to: today });
async function requested(body: Record<string, unknown>): Promise<LedgerExport> {
  const res = await as(t.app, admin).post('/api/v1/ledger-exports', body);
  expect(res.statusCode).toBe(202);
  return res.json() as LedgerExport;
}

describe('the ledger export job', () => {
  it('counts first, moves rows_done as it writes, and ends with every row written', async () => {
    const created = await requested({ kind: 'civic_cases', ...period() });
    const seen = new Set<number>();
    let running = true;
    const watch = (async () => {
      while (running) {
        const row = await findLedgerExport(t.platform.db, created.id);
        if (row?.status === 'running') seen.add(row.rows_done);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const started = performance.now();
    await runLedgerJobs(t.platform);
    running = false;
    await watch;
    const seconds = (performance.now() - started) / 1000;
    console.info(
      `ledger export job: ${CASES} cases in ${seconds.toFixed(1)} s (${Math.round(CASES / seconds)} rows/s)`,
    );
    const done = await findLedgerExport(t.platform.db, created.id);
    expect(done).toMatchObject({ status: 'done', rows_done: CASES, rows_total: CASES, error: null });
    expect([...seen].some((n) => n >= PROGRESS_EVERY && n < CASES)).toBe(true);
    expect(done?.started_at).not.toBeNull();
    expect(Date.parse(done?.expires_at ?? '') - Date.parse(done?.finished_at ?? '')).toBe(HOUR_MS);
    const { sheets } = await readLedgerXlsx(ledgerFilePath(t.platform.config.dataDir, created.id));
    expect(sheets[0]?.rows).toHaveLength(CASES);
  }, 60_000);

  it('starts the file over when rerun on a running export, and leaves a finished one alone', async () => {
    const created = await requested({ kind: 'organisation' });
    const file = ledgerFilePath(t.platform.config.dataDir, created.id);
    await mkdir(join(file, '..'), { recursive: true });
    await writeFile(file, 'a partial file from a worker that died');
    await t.platform.db
      .updateTable('ledger_export')
      .set({ status: 'running', rows_done: 1234, rows_total: 9999 })
      .where('id', '=', created.id)
      .execute();
    await runLedgerJobs(t.platform);
    const done = await findLedgerExport(t.platform.db, created.id);
    expect(done).toMatchObject({ status: 'done', rows_done: 2, rows_total: 2 });
    expect((await readLedgerXlsx(file)).sheets[0]?.rows.map((r) => r[2])).toEqual(['金碧花园', '龙泉苑']);
    t.clock.advance(60_000);
    await runLedgerExport(systemCtx(t.platform), created.id);
    expect(await findLedgerExport(t.platform.db, created.id)).toEqual(done);
  });

  it('records a failure with a short message and leaves no partial file', async () => {
    const created = await requested({ kind: 'members' });
    const blocker = join(t.platform.config.dataDir, `not-a-dir-${created.id}`);
    await mkdir(t.platform.config.dataDir, { recursive: true });
    await writeFile(blocker, '');
    const ctx = { ...systemCtx(t.platform), config: { ...t.platform.config, dataDir: join(blocker, 'data') } };
    await runLedgerExport(ctx, created.id);
    const failed = await findLedgerExport(t.platform.db, created.id);
    expect(failed?.status).toBe('failed');
    expect(failed?.error).toMatch(/^导出失败：/);
    expect(failed?.error?.length).toBeLessThanOrEqual(200);
    expect(existsSync(ledgerFilePath(ctx.config.dataDir, created.id))).toBe(false);
    const res = await as(t.app, admin).get(`/api/v1/ledger-exports/${created.id}/file`);
    expect(res.statusCode).toBe(409);
    expect(errorCode(res)).toBe('LEDGER_EXPORT_NOT_READY');
  });

  it('keeps a file an hour (SEC-28), then the purge deletes it and marks the export expired', async () => {
    const created = await requested({ kind: 'organisation' });
    await runLedgerJobs(t.platform);
    const file = ledgerFilePath(t.platform.config.dataDir, created.id);
    expect(existsSync(file)).toBe(true);
    t.clock.advance(50 * MINUTE_MS);
    admin = await sessionFor(t.platform, admin.userId);
    await enqueueJob(t.platform.db, { kind: 'reports.ledger-purge' }, t.clock);
    await runLedgerJobs(t.platform);
    expect(existsSync(file)).toBe(true);
    expect((await as(t.app, admin).get(`/api/v1/ledger-exports/${created.id}/file`)).statusCode).toBe(200);

    t.clock.advance(10 * MINUTE_MS);
    admin = await sessionFor(t.platform, admin.userId);
    const early = (await as(t.app, admin).get(`/api/v1/ledger-exports/${created.id}`)).json() as LedgerExport;
    expect(early).toMatchObject({ status: 'expired', downloadUrl: null });
    await enqueueJob(t.platform.db, { kind: 'reports.ledger-purge' }, t.clock);
    await runLedgerJobs(t.platform);
    expect(existsSync(file)).toBe(false);
    expect((await findLedgerExport(t.platform.db, created.id))?.status).toBe('expired');
    const res = await as(t.app, admin).get(`/api/v1/ledger-exports/${created.id}/file`);
    expect(res.statusCode).toBe(409);
    expect(errorCode(res)).toBe('LEDGER_EXPORT_NOT_READY');
  });
});
