import type { Supervision } from '@linli/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, errorCode, type Session, type TestApp } from '../../../../test/harness.ts';
import { HOUR_MS, isoIn } from '../../../platform/clock.ts';
import { systemCtx } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import { auditRowsOf } from '../../organisation/organisation.test-support.ts';
import { type CivicCounty, insertCase, propertyUnitA, setupCivicTest } from '../civic-cases.test-support.ts';
import { runSupervisionSweep } from './supervision.jobs.ts';

const LIST = '/api/v1/civic-supervisions';
const answerUrl = (id: string) => `/api/v1/civic-supervisions/${id}/answer`;

type Names = 'countyAdmin' | 'jinbiAdmin' | 'longquanAdmin' | 'communityAdmin' | 'handlerA' | 'residentA';

describe('supervision records: list and answer', () => {
  let t: TestApp;
  let county: CivicCounty;
  let s: Record<Names, Session>;
  const ids = { property: '', org: '', longquan: '' };
  const cases = { property: '', org: '', longquan: '' };

  const overdueCase = (options: Parameters<typeof insertCase>[2]) =>
    insertCase(t.platform, county, {
      status: 'in_progress',
      ...options,
      overrides: { step: 'handle', due_soon_at: isoIn(t.clock, -2 * HOUR_MS), deadline_at: isoIn(t.clock, -HOUR_MS) },
    });
  const supervisionOf = async (caseId: string) =>
    (
      await t.platform.db
        .selectFrom('civic_supervision')
        .select('id')
        .where('case_id', '=', caseId)
        .executeTakeFirstOrThrow()
    ).id;
  const listIds = async (session: Session, query = '') => {
    const res = await as(t.app, session).get(`${LIST}${query}`);
    expect(res.statusCode).toBe(200);
    return (res.json() as { items: Supervision[] }).items.map((i) => i.id).sort();
  };

  beforeAll(async () => {
    const setup = await setupCivicTest(
      'countyAdmin',
      'jinbiAdmin',
      'longquanAdmin',
      'communityAdmin',
      'handlerA',
      'residentA',
    );
    ({ t, county } = setup);
    s = setup;
    cases.property = (await overdueCase({ unit: propertyUnitA(county), title: '电梯停运' })).id;
    await runSupervisionSweep(systemCtx(t.platform));
    t.clock.advance(60_000);
    cases.org = (
      await overdueCase({
        unit: { kind: 'org', id: county.community.id, path: county.community.path, name: '金碧社区' },
      })
    ).id;
    cases.longquan = (
      await overdueCase({
        compound: 'B',
        unit: { kind: 'org', id: county.otherCommunity.id, path: county.otherCommunity.path, name: '龙泉社区' },
      })
    ).id;
    await runSupervisionSweep(systemCtx(t.platform));
    for (const key of ['property', 'org', 'longquan'] as const) ids[key] = await supervisionOf(cases[key]);
  });
  afterAll(() => t.close());

  it('rejects a request without a session (401)', async () => {
    expect((await as(t.app, null).get(LIST)).statusCode).toBe(401);
    expect((await as(t.app, null).post(answerUrl(ids.property), { answer: '已处理' })).statusCode).toBe(401);
  });

  it('forbids residents from the list (403) and rejects bad queries (400)', async () => {
    const resident = await as(t.app, s.residentA).get(LIST);
    expect([resident.statusCode, errorCode(resident)]).toEqual([403, 'FORBIDDEN']);
    for (const query of ['?status=closed', '?limit=0', '?cursor=not-a-cursor', '?unknown=1']) {
      const res = await as(t.app, s.countyAdmin).get(`${LIST}${query}`);
      expect([query, res.statusCode]).toEqual([query, 400]);
    }
  });

  it('lists a record to the supervisors of its level and to the staff of the case’s lead unit only', async () => {
    expect(await listIds(s.countyAdmin)).toEqual([ids.property, ids.org, ids.longquan].sort());
    expect(await listIds(s.jinbiAdmin)).toEqual([ids.property, ids.org].sort());
    expect(await listIds(s.longquanAdmin)).toEqual([ids.longquan]);
    // The community supervises the property company's case and answers (as the org unit) for its own.
    expect(await listIds(s.communityAdmin)).toEqual([ids.property, ids.org].sort());
    expect(await listIds(s.handlerA)).toEqual([ids.property]);
  });

  it('pages newest first and shows the level, the unit and the case', async () => {
    const first = await as(t.app, s.jinbiAdmin).get(`${LIST}?limit=1`);
    const page = first.json() as { items: Supervision[]; nextCursor: string | null };
    expect(page.items[0]).toMatchObject({
      id: ids.org,
      caseId: cases.org,
      kind: 'auto',
      status: 'open',
      level: { id: county.committee.id, name: '金碧镇党委' },
      unit: { kind: 'org', id: county.community.id, name: '金碧社区' },
      answer: null,
    });
    expect(page.nextCursor).not.toBeNull();
    const second = await as(t.app, s.jinbiAdmin).get(`${LIST}?limit=1&cursor=${page.nextCursor}`);
    const next = second.json() as { items: Supervision[]; nextCursor: string | null };
    expect(next.items.map((i) => [i.id, i.caseTitle, i.level.name])).toEqual([
      [ids.property, '电梯停运', '金碧社区党总支'],
    ]);
    expect(next.nextCursor).toBeNull();
  });

  it('rejects an empty answer (400) and an unknown record (404)', async () => {
    for (const body of [{}, { answer: '   ' }, { answer: '好', extra: 1 }]) {
      const res = await as(t.app, s.handlerA).post(answerUrl(ids.property), body);
      expect(res.statusCode).toBe(400);
    }
    expect((await as(t.app, s.handlerA).post(answerUrl(newId()), { answer: '已处理' })).statusCode).toBe(404);
  });

  it('lets only the lead unit answer (403 for the supervisor and for another unit)', async () => {
    for (const session of [s.jinbiAdmin, s.communityAdmin, s.residentA]) {
      const res = await as(t.app, session).post(answerUrl(ids.property), { answer: '已处理' });
      expect([res.statusCode, errorCode(res)]).toEqual([403, 'FORBIDDEN']);
    }
    const other = await as(t.app, s.handlerA).post(answerUrl(ids.org), { answer: '不是我们的' });
    expect(other.statusCode).toBe(403);
  });

  it('answers: closes the record, lowers the case’s count, logs, tells the level and audits; twice is 409', async () => {
    const res = await as(t.app, s.handlerA).post(answerUrl(ids.property), { answer: '已更换电梯主板，明日恢复运行' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: ids.property,
      status: 'answered',
      answer: '已更换电梯主板，明日恢复运行',
      answeredAt: t.clock.now().toISOString(),
    });
    const row = await t.platform.db
      .selectFrom('civic_case')
      .select('open_supervisions')
      .where('id', '=', cases.property)
      .executeTakeFirstOrThrow();
    expect(row.open_supervisions).toBe(0);
    const event = await t.platform.db
      .selectFrom('civic_case_event')
      .selectAll()
      .where('case_id', '=', cases.property)
      .where('type', '=', 'answer_supervision')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({
      actor_user_id: s.handlerA.userId,
      actor_role: 'handler',
      from_status: 'in_progress',
    });
    expect(event.internal_note).toContain('已更换电梯主板');
    const told = await t.platform.db
      .selectFrom('notification')
      .select('user_id')
      .where('kind', '=', 'civic_case.supervision_answered')
      .execute();
    expect(told.map((n) => n.user_id)).toEqual([s.communityAdmin.userId]);
    const audit = await auditRowsOf(t.platform, 'civic_supervision.answer', ids.property);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toEqual({ caseId: cases.property, levelOrgId: county.community.id });

    const again = await as(t.app, s.handlerA).post(answerUrl(ids.property), { answer: '再答一次' });
    expect([again.statusCode, errorCode(again)]).toEqual([409, 'CONFLICT']);
    expect(await listIds(s.jinbiAdmin, '?status=answered')).toEqual([ids.property]);
    expect(await listIds(s.jinbiAdmin, '?status=open')).toEqual([ids.org]);
  });

  it('lets the org unit’s own admins answer its record', async () => {
    const res = await as(t.app, s.communityAdmin).post(answerUrl(ids.org), { answer: '已协调解决' });
    expect(res.statusCode).toBe(200);
    expect((res.json() as Supervision).status).toBe('answered');
  });
});
