import { existsSync } from 'node:fs';
import type { LedgerExport, LedgerPreview } from '@linli/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../../test/factories.ts';
import { as, errorCode, type Session } from '../../../../test/harness.ts';
import { type ReportsTest, setupReportsTest } from '../reports.test-support.ts';
import { ledgerFilePath } from './ledger-export.repository.ts';
import { runLedgerJobs } from './ledgers.test-support.ts';

let r: ReportsTest;
const PERIOD = 'from=2026-01-01&to=2026-06-30';

beforeAll(async () => {
  r = await setupReportsTest();
});
afterAll(() => r.close());

const get = (session: Session | null, url: string) => as(r.app, session).get(`/api/v1${url}`);
const post = (session: Session | null, body: unknown) => as(r.app, session).post('/api/v1/ledger-exports', body);

async function exportOf(session: Session, body: Record<string, unknown>): Promise<LedgerExport> {
  const res = await post(session, body);
  expect(res.statusCode).toBe(202);
  return res.json() as LedgerExport;
}

describe('GET /ledgers/:kind/preview', () => {
  it('needs a session', async () => {
    const res = await get(null, `/ledgers/civic_cases/preview?${PERIOD}`);
    expect(res.statusCode).toBe(401);
  });

  it('refuses a committee admin another committee, and a grid worker and a resident any ledger', async () => {
    const { sessions, county } = r;
    const other = await get(sessions.committeeAdmin, `/ledgers/members/preview?orgId=${county.otherCommittee.id}`);
    expect(other.statusCode).toBe(403);
    const compound = await get(sessions.secretaryA, `/ledgers/members/preview?compoundId=${county.compoundB.id}`);
    expect(compound.statusCode).toBe(403);
    for (const session of [sessions.gridWorkerA, sessions.resident]) {
      expect((await get(session, '/ledgers/organisation/preview')).statusCode).toBe(403);
    }
  });

  it('rejects an unknown kind, two scopes, a reversed or missing period and a bad date', async () => {
    const admin = r.sessions.countyAdmin;
    const { county } = r;
    const cases = [
      '/ledgers/funds/preview',
      `/ledgers/members/preview?orgId=${county.committee.id}&compoundId=${county.compoundA.id}`,
      '/ledgers/civic_cases/preview?from=2026-06-30&to=2026-01-01',
      '/ledgers/civic_cases/preview',
      '/ledgers/mediation/preview?from=2026-01-01',
      '/ledgers/posts/preview?from=2026-13-01&to=2026-12-31',
      '/ledgers/members/preview?limit=501',
    ];
    for (const url of cases) {
      const res = await get(admin, url);
      expect(res.statusCode, url).toBe(400);
      expect(errorCode(res)).toBe('VALIDATION_FAILED');
    }
  });

  it('shows the first rows of every ledger with its columns, and says when there are more', async () => {
    const admin = r.sessions.countyAdmin;
    for (const kind of ['organisation', 'members', 'report_ins', 'posts', 'civic_cases', 'mediation']) {
      const res = await get(admin, `/ledgers/${kind}/preview?${PERIOD}&limit=2`);
      expect(res.statusCode, kind).toBe(200);
      const body = res.json() as LedgerPreview;
      expect(body.kind).toBe(kind);
      expect(body.scope).toEqual({ kind: 'org', id: r.county.county.id, name: '测试县委' });
      expect(body.rows.length).toBeLessThanOrEqual(2);
      expect(body.rows.every((row) => row.length === body.columns.length)).toBe(true);
      expect(body.sheets[0]?.rows).toEqual(body.rows);
    }
    const cases = (await get(admin, `/ledgers/civic_cases/preview?${PERIOD}&limit=2`)).json() as LedgerPreview;
    expect(cases.title).toBe('民情事项台账');
    expect(cases.truncated).toBe(true);
    const all = (await get(admin, `/ledgers/civic_cases/preview?${PERIOD}&limit=500`)).json() as LedgerPreview;
    expect(all.truncated).toBe(false);
  });
});

describe('POST /ledger-exports', () => {
  it('needs a session', async () => {
    expect((await post(null, { kind: 'members' })).statusCode).toBe(401);
  });

  it('refuses a scope outside the caller, a grid worker and a resident', async () => {
    const { sessions, county } = r;
    expect((await post(sessions.committeeAdmin, { kind: 'members', orgId: county.otherCommittee.id })).statusCode).toBe(
      403,
    );
    expect((await post(sessions.gridWorkerA, { kind: 'members' })).statusCode).toBe(403);
    expect((await post(sessions.resident, { kind: 'members' })).statusCode).toBe(403);
  });

  it('rejects an unknown kind, two scopes and a bad period', async () => {
    const admin = r.sessions.countyAdmin;
    const { county } = r;
    for (const body of [
      { kind: 'funds' },
      { kind: 'members', orgId: county.committee.id, compoundId: county.compoundA.id },
      { kind: 'civic_cases' },
      { kind: 'civic_cases', from: '2026-06-30', to: '2026-01-01' },
      { kind: 'mediation', from: '2020-01-01', to: '2026-01-01' },
      { kind: 'members', extra: 1 },
    ]) {
      const res = await post(admin, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
  });

  it('queues the export with its job and an audit row naming kind, scope and period', async () => {
    const { sessions, county } = r;
    const created = await exportOf(sessions.committeeAdmin, { kind: 'civic_cases', ...r.period });
    expect(created).toMatchObject({
      kind: 'civic_cases',
      scope: { kind: 'org', id: county.committee.id, name: '金碧镇党委' },
      from: '2026-01-01',
      to: '2026-06-30',
      status: 'queued',
      rowsDone: 0,
      rowsTotal: null,
      downloadUrl: null,
    });
    const job = await r.platform.db
      .selectFrom('job')
      .select(['payload', 'status'])
      .where('kind', '=', 'reports.ledger-export')
      .where('payload', 'like', `%${created.id}%`)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(job.payload)).toEqual({ exportId: created.id });
    const audit = await r.platform.db
      .selectFrom('audit_log')
      .select(['action', 'details', 'actor_id'])
      .where('object_id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('ledger.export');
    expect(JSON.parse(audit.details ?? '{}')).toEqual({
      kind: 'civic_cases',
      scope: { kind: 'org', id: county.committee.id, name: '金碧镇党委' },
      period: { from: '2026-01-01', to: '2026-06-30' },
    });
    await runLedgerJobs(r.platform);
  });

  it('keeps no period for a register as it stands', async () => {
    const created = await exportOf(r.sessions.secretaryA, { kind: 'members' });
    expect(created).toMatchObject({ from: null, to: null, scope: { kind: 'compound', id: r.county.compoundA.id } });
    await runLedgerJobs(r.platform);
  });
});

describe('GET /ledger-exports and /ledger-exports/:id', () => {
  it('needs a session', async () => {
    expect((await get(null, '/ledger-exports')).statusCode).toBe(401);
    expect((await get(null, '/ledger-exports/0190c0de-0000-7000-8000-000000000000')).statusCode).toBe(401);
  });

  it('lists only the caller’s own exports, newest first, and hides others’ as 404', async () => {
    const mine = await signInAs(r.platform, 'committee_admin', r.county.committee, '台账甲');
    const theirs = await signInAs(r.platform, 'committee_admin', r.county.committee, '台账乙');
    const first = await exportOf(mine, { kind: 'organisation' });
    r.t.clock.advance(1000);
    const second = await exportOf(mine, { kind: 'members' });
    const foreign = await exportOf(theirs, { kind: 'organisation' });
    const page = (await get(mine, '/ledger-exports?limit=1')).json() as { items: LedgerExport[]; nextCursor: string };
    expect(page.items.map((e) => e.id)).toEqual([second.id]);
    const next = (await get(mine, `/ledger-exports?limit=5&cursor=${page.nextCursor}`)).json() as {
      items: LedgerExport[];
    };
    expect(next.items.map((e) => e.id)).toEqual([first.id]);
    expect((await get(mine, `/ledger-exports/${foreign.id}`)).statusCode).toBe(404);
    expect((await get(mine, `/ledger-exports/${foreign.id}/file`)).statusCode).toBe(404);
    expect((await get(r.sessions.gridWorkerA, '/ledger-exports')).statusCode).toBe(403);
    expect((await get(mine, '/ledger-exports?limit=0')).statusCode).toBe(400);
    expect((await get(mine, '/ledger-exports/not-an-id')).statusCode).toBe(400);
    const one = (await get(mine, `/ledger-exports/${first.id}`)).json() as LedgerExport;
    expect(one).toMatchObject({ id: first.id, status: 'queued', kind: 'organisation' });
    await runLedgerJobs(r.platform);
  });
});

describe('GET /ledger-exports/:id/file', () => {
  it('is 409 until the file is written, then streams it with its Chinese name and audits the download', async () => {
    const session = r.sessions.secretaryA;
    const created = await exportOf(session, { kind: 'mediation', ...r.period });
    expect((await get(null, `/ledger-exports/${created.id}/file`)).statusCode).toBe(401);
    const early = await get(session, `/ledger-exports/${created.id}/file`);
    expect(early.statusCode).toBe(409);
    expect(errorCode(early)).toBe('LEDGER_EXPORT_NOT_READY');

    await runLedgerJobs(r.platform);
    const done = (await get(session, `/ledger-exports/${created.id}`)).json() as LedgerExport;
    expect(done).toMatchObject({ status: 'done', rowsDone: 1, rowsTotal: 1 });
    expect(done.fileName).toBe('矛盾纠纷调解台账-金碧花园-20260915.xlsx');
    expect(done.downloadUrl).toBe(`/api/v1/ledger-exports/${created.id}/file`);

    const res = await get(session, `/ledger-exports/${created.id}/file`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('矛盾纠纷调解台账-金碧花园-20260915.xlsx')}`,
    );
    expect(res.rawPayload.length).toBe(done.byteSize);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const audit = await r.platform.db
      .selectFrom('audit_log')
      .select(['details'])
      .where('action', '=', 'ledger.download')
      .where('object_id', '=', created.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(existsSync(ledgerFilePath(r.platform.config.dataDir, created.id))).toBe(true);
  });
});
