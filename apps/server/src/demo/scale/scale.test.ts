import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CivicCaseDetail, CivicCaseSummary, Dashboard, Page } from '@linli/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionFor } from '../../../test/factories.ts';
import { as, createTestApp, type TestApp } from '../../../test/harness.ts';
import { civicTallyMismatches } from '../../modules/civic-cases/index.ts';
import { buildScaleCounty, countUnits, type ScaleResult } from './index.ts';
import { addMinutesCheck, caseFactProblems, counterProblems } from './scale-checks.test-support.ts';
import { rowDigests } from './scale-digest.test-support.ts';

const SEED = 7;
let t: TestApp;
let result: ScaleResult | null;

/** A fresh app (fake clock, own data directory) with the small county built on it. */
async function smallCounty(): Promise<{ t: TestApp; result: ScaleResult | null }> {
  const app = await createTestApp({ config: { LINLI_DATA_DIR: mkdtempSync(join(tmpdir(), 'linli-scale-')) } });
  return { t: app, result: await buildScaleCounty(app.platform, { scale: 'small', seed: SEED, progress: null }) };
}

beforeAll(async () => {
  ({ t, result } = await smallCounty());
}, 300_000);

afterAll(async () => {
  await t?.close();
});

const count = async (query: ReturnType<typeof sql<{ n: number | string }>>): Promise<number> =>
  Number((await query.execute(t.platform.db)).rows[0]?.n ?? -1);

describe('linli demo --scale small', () => {
  it('adds the plan to the demo county: units, members, households and cases as stated', async () => {
    expect(result).not.toBeNull();
    expect(await countUnits(t.platform)).toEqual(result?.targets);
    expect(result?.targets).toMatchObject({ compounds: 36, grids: 54 });
  });

  it('refuses a database that already holds data', async () => {
    expect(await buildScaleCounty(t.platform, { scale: 'small', seed: SEED, progress: null })).toBeNull();
  });

  it('leaves every case in the status of its last event', async () => {
    expect(
      await count(sql`SELECT count(*) AS n FROM civic_case c WHERE c.status <> (SELECT e.to_status FROM civic_case_event e
        WHERE e.case_id = c.id ORDER BY e.seq DESC LIMIT 1)`),
    ).toBe(0);
  });

  it('keeps every counter equal to what it counts', async () => {
    expect(await counterProblems(t.platform.db)).toEqual([]);
  });

  it('keeps each case’s facts, steps and deadlines equal to what its events say', async () => {
    expect(await caseFactProblems(t.platform.db)).toEqual([]);
  });

  it('keeps civic_case_tally equal to a fresh count', async () => {
    expect(await civicTallyMismatches(t.platform.db, t.platform.dialect)).toEqual([]);
  });

  it('computes deadlines on the working-day calendar exactly as the workflow does', async () => {
    expect(await addMinutesCheck(t.platform.db)).toEqual([]);
  });

  it('draws a realistic mix: every channel, open and closed cases, voids, rework, 督办', async () => {
    const channels = await sql<{ channel: string }>`SELECT DISTINCT channel FROM civic_case`.execute(t.platform.db);
    expect(channels.rows.length).toBeGreaterThanOrEqual(8);
    for (const status of ['closed', 'voided', 'in_progress']) {
      expect(await count(sql`SELECT count(*) AS n FROM civic_case WHERE status = ${status}`)).toBeGreaterThan(0);
    }
    for (const type of ['reject', 'reopen', 'supervise', 'answer_supervision', 'decide_request', 'follow']) {
      expect(await count(sql`SELECT count(*) AS n FROM civic_case_event WHERE type = ${type}`)).toBeGreaterThan(0);
    }
  });
});

describe('the app reads the generated county', () => {
  const staffSession = async (username: string) => {
    const user = await t.platform.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    return sessionFor(t.platform, user.id);
  };

  it('gives the county admin a dashboard whose 民情 figures add up to the received cases', async () => {
    const from = `${Number(result?.span.lastDay.slice(0, 4)) - 1}-01-01`;
    const to = `${Number(result?.span.lastDay.slice(0, 4)) - 1}-12-31`;
    const res = await as(t.app, await staffSession('county-admin')).get(`/api/v1/dashboard?from=${from}&to=${to}`);
    expect(res.statusCode, res.body).toBe(200);
    const dashboard = res.json() as Dashboard;
    const received = dashboard.civic.byRootCategory.reduce((sum, r) => sum + r.received, 0);
    expect(received).toBe(dashboard.civic.byMonth.reduce((sum, m) => sum + m.received, 0));
    expect(received).toBe(
      await count(sql`SELECT count(*) AS n FROM civic_case WHERE received_on BETWEEN ${from} AND ${to}`),
    );
    expect(dashboard.coverage.reduce((sum, c) => sum + c.total, 0)).toBe(36);
  });

  it('gives the demo grid worker an inbox of open cases by deadline, and a case with its whole timeline', async () => {
    const worker = as(t.app, await staffSession('grid-worker'));
    const inbox = await worker.get('/api/v1/civic-cases?view=inbox&sort=deadline&order=asc');
    expect(inbox.statusCode, inbox.body).toBe(200);
    const page = inbox.json() as Page<CivicCaseSummary>;
    expect(page.items.length).toBeGreaterThan(0);
    for (const item of page.items) expect(['closed', 'voided']).not.toContain(item.status);
    const deadlines = page.items.map((i) => i.deadlineAt ?? '9999');
    expect(deadlines).toEqual([...deadlines].sort());

    const busiest = await sql<{ id: string; n: number | string }>`
      SELECT c.id, count(*) AS n FROM civic_case c JOIN civic_case_event e ON e.case_id = c.id
      JOIN role_assignment r ON r.scope_id = c.grid_id JOIN app_user u ON u.id = r.user_id AND u.username = 'grid-worker'
      WHERE c.status = 'closed' GROUP BY c.id ORDER BY count(*) DESC, c.id LIMIT 1`.execute(t.platform.db);
    const top = busiest.rows[0];
    expect(top).toBeDefined();
    const detail = await worker.get(`/api/v1/civic-cases/${top?.id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    const body = detail.json() as CivicCaseDetail;
    expect(body.events.length).toBe(Number(top?.n));
    expect(body.events.at(-1)?.toStatus).toBe(body.status);
  });
});

describe('determinism', () => {
  it('writes the same rows for the same seed', async () => {
    const again = await smallCounty();
    try {
      expect(await rowDigests(again.t.platform.db, again.t.platform.cipher)).toEqual(
        await rowDigests(t.platform.db, t.platform.cipher),
      );
    } finally {
      await again.t.close();
    }
  }, 300_000);
});
