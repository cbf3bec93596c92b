import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignRole, createUser } from '../../../../test/factories.ts';
import type { Session, TestApp } from '../../../../test/harness.ts';
import { type CivicCounty, insertCase, setupCivicTest } from '../civic-cases.test-support.ts';
import { act, actOk, caseRow, eventsOf, noticesOf, travel } from './workflow.test-support.ts';

/** Monday 2026-12-07 10:00 in Shanghai. */
const MON_1000 = '2026-12-07T02:00:00.000Z';

describe('dispatch, send-back, reassignment, 督办 and emergency texts', () => {
  let t: TestApp;
  let county: CivicCounty;
  let who: Record<'secretary' | 'gridWorker' | 'handler' | 'jinbi', Session>;
  beforeAll(async () => {
    const s = await setupCivicTest('secretaryA', 'gridWorkerA', 'handlerA', 'jinbiAdmin');
    ({ t, county } = s);
    who = { secretary: s.secretaryA, gridWorker: s.gridWorkerA, handler: s.handlerA, jinbi: s.jinbiAdmin };
  });
  afterAll(() => t.close());

  const dispatchBody = () => ({ unit: { kind: 'property_company' as const, id: county.propertyCompanyA } });
  const assistsOf = (caseId: string) =>
    t.platform.db
      .selectFrom('civic_case_assist')
      .select(['unit_kind', 'unit_id'])
      .where('case_id', '=', caseId)
      .execute();

  it('lets the lead unit send a case back with a reason: accepted again, without a unit or assisting units', async () => {
    await travel(t, who, MON_1000);
    const { id } = await insertCase(t.platform, county, { status: 'accepted' });
    await actOk(t, who.secretary, id, 'dispatch', {
      ...dispatchBody(),
      assists: [{ kind: 'grid', id: county.gridA.id }],
    });
    expect(await assistsOf(id)).toHaveLength(1);
    // The unit no longer reads the case it handed back, so the answer has no body.
    const back = await act(t, who.handler, id, 'send_back', { reason: '属于市政管网，不归物业' });
    expect([back.statusCode, back.body]).toEqual([204, '']);
    expect(await act(t, who.handler, id, 'comment', { publicNote: '再看看' })).toMatchObject({ statusCode: 403 });
    const detail = await actOk(t, who.secretary, id, 'comment', { internalNote: '改派市政' });
    expect(detail).toMatchObject({ status: 'accepted', unit: null, assists: [], abilities: { dispatch: true } });
    expect(await assistsOf(id)).toEqual([]);
    // The intake limit (2 calendar hours for ordinary cases) starts again for re-dispatching.
    expect(await caseRow(t.platform, id)).toMatchObject({
      unit_path: null,
      handle_deadline_at: null,
      step: 'accept',
      deadline_at: '2026-12-07T04:00:00.000Z',
    });
    const notice = (await noticesOf(t.platform, who.secretary.userId, id)).at(-1);
    expect(notice).toMatchObject({ kind: 'civic_case.sent_back', link: `/civic-cases/${id}` });
    expect(notice?.body).toContain('属于市政管网');
  });

  it('reassigns a signed case to another unit, which signs for and contacts afresh; the old unit’s request goes', async () => {
    await travel(t, who, MON_1000);
    const { id } = await insertCase(t.platform, county, { status: 'accepted' });
    await actOk(t, who.secretary, id, 'dispatch', dispatchBody());
    await actOk(t, who.handler, id, 'sign');
    await actOk(t, who.handler, id, 'request_extension', { extraMinutes: 1440, reason: '等配件' });
    const moved = await actOk(t, who.secretary, id, 'reassign', { unit: { kind: 'grid', id: county.gridA.id } });
    expect(moved).toMatchObject({
      status: 'dispatched',
      unit: { kind: 'grid', id: county.gridA.id },
      signedAt: null,
      pendingRequest: null,
    });
    expect(await caseRow(t.platform, id)).toMatchObject({ sign_on_time: null, step: 'sign', dispatched_at: MON_1000 });
    const request = await t.platform.db
      .selectFrom('civic_case_request')
      .select(['status', 'decision_note'])
      .where('case_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(request).toEqual({ status: 'refused', decision_note: '改派' });
    expect((await noticesOf(t.platform, who.gridWorker.userId, id)).map((n) => n.kind)).toEqual([
      'civic_case.dispatched',
    ]);
    expect(JSON.parse((await eventsOf(t.platform, id)).at(-1)?.data ?? '{}')).toMatchObject({
      previousUnit: { kind: 'property_company', id: county.propertyCompanyA },
    });
    const signed = await actOk(t, who.gridWorker, id, 'sign');
    expect(signed.status).toBe('signed');
  });

  it('records a manual 督办 at the supervisor’s level, due in one working day, and tells the unit', async () => {
    await travel(t, who, '2026-12-11T02:00:00.000Z'); // Friday 10:00
    const { id } = await insertCase(t.platform, county, { status: 'accepted' });
    await actOk(t, who.secretary, id, 'dispatch', dispatchBody());
    const supervised = await actOk(t, who.jinbi, id, 'supervise', { reason: '群众反映强烈，请加快办理' });
    expect(supervised).toMatchObject({ status: 'dispatched', openSupervisions: 1 });
    const row = await t.platform.db
      .selectFrom('civic_supervision')
      .selectAll()
      .where('case_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      kind: 'manual',
      level_org_id: county.committee.id,
      level_path: county.committee.path,
      unit_kind: 'property_company',
      unit_id: county.propertyCompanyA,
      status: 'open',
      // One working day from Friday 10:00 is Monday 10:00.
      due_at: '2026-12-14T02:00:00.000Z',
      created_by: who.jinbi.userId,
    });
    expect((await noticesOf(t.platform, who.handler.userId, id)).at(-1)?.kind).toBe('civic_case.supervised');
    expect((await eventsOf(t.platform, id)).at(-1)).toMatchObject({ type: 'supervise', actor_role: 'committee_admin' });
  });

  it('texts the unit’s staff who have a phone about an emergency, after the change, and nobody about an ordinary case', async () => {
    const withPhone = await createUser(t.platform, { phone: '13800001111' });
    await assignRole(t.platform, withPhone.id, 'handler', county.compoundA);
    const ordinary = await insertCase(t.platform, county, { status: 'accepted' });
    await actOk(t, who.secretary, ordinary.id, 'dispatch', dispatchBody());
    expect(t.sms).toEqual([]);

    const { id } = await insertCase(t.platform, county, { status: 'accepted', urgency: 'emergency' });
    const detail = await actOk(t, who.secretary, id, 'dispatch', dispatchBody());
    expect(t.sms).toEqual([{ phone: '13800001111', text: expect.stringContaining(detail.number) }]);
    expect(t.sms[0]?.text).toContain('紧急');
    // In-app notices go to every unit user, phone or not.
    expect((await noticesOf(t.platform, withPhone.id, id)).map((n) => n.kind)).toEqual(['civic_case.dispatched']);
    expect((await noticesOf(t.platform, who.handler.userId, id)).map((n) => n.kind)).toEqual(['civic_case.dispatched']);
    // Emergency limits run on the calendar: sign-for in 30 minutes, handling in 2 hours.
    const row = await caseRow(t.platform, id);
    const dispatchedAt = new Date(row.dispatched_at ?? '').getTime();
    expect(new Date(row.deadline_at ?? '').getTime() - dispatchedAt).toBe(30 * 60_000);
    expect(new Date(row.handle_deadline_at ?? '').getTime() - dispatchedAt).toBe(2 * 3_600_000);
  });
});
