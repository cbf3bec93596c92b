import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../../test/factories.ts';
import { as, errorCode, type Session, type TestApp } from '../../../../test/harness.ts';
import { auditRowsOf } from '../../organisation/organisation.test-support.ts';
import { type CivicCounty, insertCase, setupCivicTest } from '../civic-cases.test-support.ts';
import { API, act, actOk, caseRow, eventsOf } from './workflow.test-support.ts';

const MISSING_ID = '00000000-0000-7000-8000-00000000f00d';

describe('voiding, merging and bulk dispatch', () => {
  let t: TestApp;
  let county: CivicCounty;
  let who: Record<'secretary' | 'handler' | 'resident' | 'longquan', Session>;
  beforeAll(async () => {
    const s = await setupCivicTest('secretaryA', 'handlerA', 'residentA', 'longquanAdmin');
    ({ t, county } = s);
    who = { secretary: s.secretaryA, handler: s.handlerA, resident: s.residentA, longquan: s.longquanAdmin };
  });
  afterAll(() => t.close());

  const follow = (caseId: string, userId: string) =>
    t.platform.db
      .insertInto('civic_case_follower')
      .values({ case_id: caseId, user_id: userId, created_at: t.clock.now().toISOString() })
      .execute();
  const followersOf = async (caseId: string) =>
    (await t.platform.db.selectFrom('civic_case_follower').select('user_id').where('case_id', '=', caseId).execute())
      .map((f) => f.user_id)
      .sort();

  it('voids with a reason, leaving excluded reasons out of the counts and ending the intake step', async () => {
    const deadline = new Date(t.clock.now().getTime() + 7_200_000).toISOString();
    const { id } = await insertCase(t.platform, county, {
      overrides: { step: 'accept', deadline_at: deadline, step_started_at: t.clock.now().toISOString() },
    });
    const voided = await actOk(t, who.secretary, id, 'void', {
      voidReason: 'insufficient',
      publicNote: '请补充具体位置',
    });
    expect(voided).toMatchObject({ status: 'voided', endType: 'voided', voidReason: 'insufficient', abilities: {} });
    expect(await caseRow(t.platform, id)).toMatchObject({ excluded: 0, step: null, deadline_at: null });
    expect((await eventsOf(t.platform, id)).at(-1)).toMatchObject({ type: 'void', deadline: deadline, on_time: 1 });

    const { id: out } = await insertCase(t.platform, county);
    await actOk(t, who.secretary, out, 'void', { voidReason: 'out_of_scope' });
    expect(await caseRow(t.platform, out)).toMatchObject({ excluded: 1, void_reason: 'out_of_scope' });
    expect((await auditRowsOf(t.platform, 'civic_case.void', out))[0]?.details).toMatchObject({
      from: 'submitted',
      to: 'voided',
      voidReason: 'out_of_scope',
      excluded: true,
    });
  });

  it('merges a duplicate into an open case: linked both ways, its followers and reporter following the survivor', async () => {
    const [both, onlySource] = [await createUser(t.platform), await createUser(t.platform)];
    const target = await insertCase(t.platform, county, { status: 'accepted' });
    await follow(target.id, both.id);
    await t.platform.db.updateTable('civic_case').set({ follower_count: 1 }).where('id', '=', target.id).execute();
    const source = await insertCase(t.platform, county, { status: 'triaged', reporterUserId: who.resident.userId });
    await follow(source.id, both.id);
    await follow(source.id, onlySource.id);

    const merged = await actOk(t, who.secretary, source.id, 'merge', { intoCaseId: target.id });
    const targetRow = await caseRow(t.platform, target.id);
    expect(merged).toMatchObject({
      status: 'voided',
      voidReason: 'duplicate',
      mergedInto: { id: target.id, number: targetRow.number },
      followerCount: 0,
    });
    expect(targetRow).toMatchObject({ follower_count: 3, version: 2, status: 'accepted' });
    expect(await followersOf(target.id)).toEqual([both.id, onlySource.id, who.resident.userId].sort());
    expect(await followersOf(source.id)).toEqual([]);
    expect(await caseRow(t.platform, source.id)).toMatchObject({ merged_into_id: target.id, excluded: 1 });
    const targetEvent = (await eventsOf(t.platform, target.id)).at(-1);
    expect(targetEvent).toMatchObject({ type: 'merge', from_status: 'accepted', to_status: 'accepted' });
    expect(JSON.parse(targetEvent?.data ?? '{}')).toEqual({
      mergedCaseId: source.id,
      mergedNumber: merged.number,
      followersAdded: 2,
    });
    const sourceEvent = (await eventsOf(t.platform, source.id)).at(-1);
    expect(JSON.parse(sourceEvent?.data ?? '{}')).toMatchObject({ intoCaseId: target.id, voidReason: 'duplicate' });
  });

  it('merges only into another open case in the dispatcher’s own scope', async () => {
    const source = await insertCase(t.platform, county, { status: 'submitted' });
    const self = await act(t, who.secretary, source.id, 'merge', { intoCaseId: source.id });
    expect([self.statusCode, errorCode(self)]).toEqual([400, 'VALIDATION_FAILED']);
    const elsewhere = await insertCase(t.platform, county, { status: 'accepted', compound: 'B' });
    const foreign = await act(t, who.secretary, source.id, 'merge', { intoCaseId: elsewhere.id });
    expect([foreign.statusCode, errorCode(foreign)]).toEqual([403, 'FORBIDDEN']);
    const done = await insertCase(t.platform, county, { status: 'closed' });
    const closed = await act(t, who.secretary, source.id, 'merge', { intoCaseId: done.id });
    expect([closed.statusCode, errorCode(closed)]).toEqual([409, 'CONFLICT']);
    const missing = await act(t, who.secretary, source.id, 'merge', { intoCaseId: MISSING_ID });
    expect(missing.statusCode).toBe(400);
    expect((await caseRow(t.platform, source.id)).status).toBe('submitted');
  });

  it('bulk-dispatches each case on its own, reporting the ones it could not dispatch with their codes', async () => {
    const ready = await insertCase(t.platform, county, { status: 'accepted' });
    const early = await insertCase(t.platform, county, { status: 'submitted' });
    const foreign = await insertCase(t.platform, county, { status: 'accepted', compound: 'B' });
    const res = await as(t.app, who.secretary).post(`${API}/civic-cases/bulk-dispatch`, {
      caseIds: [ready.id, early.id, foreign.id, MISSING_ID],
      unit: { kind: 'property_company', id: county.propertyCompanyA },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      dispatched: [ready.id],
      failed: [
        { id: early.id, code: 'CIVIC_CASE_TRANSITION' },
        { id: foreign.id, code: 'FORBIDDEN' },
        { id: MISSING_ID, code: 'NOT_FOUND' },
      ],
    });
    expect(await caseRow(t.platform, ready.id)).toMatchObject({
      status: 'dispatched',
      unit_id: county.propertyCompanyA,
    });
    expect(await caseRow(t.platform, early.id)).toMatchObject({ status: 'submitted', version: 1 });
    expect(await auditRowsOf(t.platform, 'civic_case.dispatch', ready.id)).toHaveLength(1);
    const denied = await auditRowsOf(t.platform, 'access.denied', foreign.id);
    expect(denied.map((a) => [a.outcome, a.actor_id])).toEqual([['failure', who.secretary.userId]]);
  });

  it('bulk-dispatches to the routed unit when none is chosen (属地兜底: the community)', async () => {
    const routed = await insertCase(t.platform, county, { status: 'accepted' });
    const res = await as(t.app, who.secretary).post(`${API}/civic-cases/bulk-dispatch`, { caseIds: [routed.id] });
    expect(res.json()).toEqual({ dispatched: [routed.id], failed: [] });
    expect(await caseRow(t.platform, routed.id)).toMatchObject({ unit_kind: 'org', unit_id: county.community.id });
    expect(JSON.parse((await eventsOf(t.platform, routed.id)).at(-1)?.data ?? '{}')).toMatchObject({
      routed: true,
      ruleId: null,
    });
  });

  it('refuses bulk dispatch without a session, without the permission, and without cases', async () => {
    const url = `${API}/civic-cases/bulk-dispatch`;
    expect((await as(t.app, null).post(url, { caseIds: [MISSING_ID] })).statusCode).toBe(401);
    const handler = await as(t.app, who.handler).post(url, { caseIds: [MISSING_ID] });
    expect([handler.statusCode, errorCode(handler)]).toEqual([403, 'FORBIDDEN']);
    expect((await as(t.app, who.secretary).post(url, { caseIds: [] })).statusCode).toBe(400);
  });
});
