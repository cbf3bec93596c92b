import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, type Session, type TestApp } from '../../../../test/harness.ts';
import { DAY_MS } from '../../../platform/clock.ts';
import { auditRowsOf } from '../../organisation/organisation.test-support.ts';
import { type CivicCounty, insertCase, propertyUnitA, setupCivicTest } from '../civic-cases.test-support.ts';
import { act, actOk, caseRow, driveFromAccepted, eventsOf, noticesOf, travel } from './workflow.test-support.ts';

/** Monday 2026-12-07 10:00 in Shanghai: an ordinary week. */
const MON_1000 = '2026-12-07T02:00:00.000Z';

describe('verification, closing, the return visit and reopening', () => {
  let t: TestApp;
  let county: CivicCounty;
  let who: Record<'secretary' | 'gridWorker' | 'handler' | 'resident', Session>;
  beforeAll(async () => {
    const s = await setupCivicTest('secretaryA', 'gridWorkerA', 'handlerA', 'residentA');
    ({ t, county } = s);
    who = { secretary: s.secretaryA, gridWorker: s.gridWorkerA, handler: s.handlerA, resident: s.residentA };
  });
  afterAll(() => t.close());

  const loop = () => ({ dispatcher: who.secretary, handler: who.handler, verifier: who.gridWorker });

  /** A closed case of the resident's, closed by the API at `at`. */
  async function closedCase(at = MON_1000): Promise<string> {
    await travel(t, who, at);
    const { id } = await insertCase(t.platform, county, { status: 'accepted', reporterUserId: who.resident.userId });
    await driveFromAccepted(t, county, loop(), id, 'closed');
    return id;
  }

  it('sends a failed check back for rework with a fresh handling limit from now', async () => {
    await travel(t, who, MON_1000);
    const { id } = await insertCase(t.platform, county, { status: 'accepted', reporterUserId: who.resident.userId });
    await driveFromAccepted(t, county, loop(), id, 'handled');
    const rework = await actOk(t, who.gridWorker, id, 'reject', { reason: '灯仍不亮', publicNote: '现场核查未修好' });
    // 7 working days from Mon 12-07 10:00 → Wed 12-16 10:00.
    expect(rework).toMatchObject({ status: 'rework', reworkCount: 1, handleDeadlineAt: '2026-12-16T02:00:00.000Z' });
    expect(await caseRow(t.platform, id)).toMatchObject({
      step: 'handle',
      deadline_at: '2026-12-16T02:00:00.000Z',
      overdue: 0,
    });
    expect((await noticesOf(t.platform, who.handler.userId, id)).at(-1)?.kind).toBe('civic_case.rework');
    const verifyStep = (await eventsOf(t.platform, id)).at(-1);
    expect(verifyStep).toMatchObject({ type: 'reject', on_time: 1, actor_role: 'grid_worker' });
    // The verifier answers for nothing more on it; the lead unit picks it up again.
    expect(rework.abilities).toEqual({ comment: true });
    const forUnit = await actOk(t, who.handler, id, 'comment', { internalNote: '收到，明天更换' });
    expect(forUnit.abilities).toMatchObject({ start: true, handle: true, request_extension: true });
  });

  it('closes a case as not fixed when that is how it ended', async () => {
    await travel(t, who, MON_1000);
    const { id } = await insertCase(t.platform, county, { status: 'accepted' });
    await driveFromAccepted(t, county, loop(), id, 'verified');
    const closed = await actOk(t, who.secretary, id, 'close', { endType: 'unresolved', internalNote: '不具备条件' });
    expect(closed).toMatchObject({ status: 'closed', endType: 'unresolved' });
  });

  it('reopens a case at once on a dissatisfied rating, keeping the rating, and rates it afresh after it closes again', async () => {
    const id = await closedCase();
    const reopened = await actOk(t, who.resident, id, 'rate', {
      resolved: false,
      rating: 'dissatisfied',
      publicNote: '还是坏的',
    });
    expect(reopened).toMatchObject({
      status: 'rework',
      endType: null,
      closedAt: null,
      rating: { resolved: false, rating: 'dissatisfied', comment: '还是坏的', byReporter: true },
      // One version step for the rating and its system reopen: insert 1, six steps to closed, then 8.
      version: 8,
    });
    expect(await caseRow(t.platform, id)).toMatchObject({
      reopen_count: 1,
      rework_count: 0,
      closed_on: null,
      step: 'handle',
      deadline_at: '2026-12-16T02:00:00.000Z',
      handle_deadline_at: '2026-12-16T02:00:00.000Z',
    });
    const [rate, reopen] = (await eventsOf(t.platform, id)).slice(-2);
    expect(rate).toMatchObject({
      type: 'rate',
      from_status: 'closed',
      to_status: 'closed',
      actor_user_id: who.resident.userId,
    });
    expect(reopen).toMatchObject({
      type: 'reopen',
      from_status: 'closed',
      to_status: 'rework',
      actor_user_id: null,
      actor_role: 'system',
    });
    expect(JSON.parse(reopen?.data ?? '{}')).toMatchObject({ cause: 'dissatisfied_rating' });
    expect((await noticesOf(t.platform, who.handler.userId, id)).at(-1)?.kind).toBe('civic_case.reopened');
    expect(await auditRowsOf(t.platform, 'civic_case.rate', id)).toHaveLength(1);

    await travel(t, who, DAY_MS);
    await actOk(t, who.handler, id, 'handle', { publicNote: '已更换整条线路' });
    await actOk(t, who.gridWorker, id, 'verify');
    const again = await actOk(t, who.secretary, id, 'close', { endType: 'resolved' });
    expect(again.abilities).toMatchObject({ reopen: true });
    const detail = await actOk(t, who.resident, id, 'rate', { resolved: true, rating: 'basically_satisfied' });
    expect(detail).toMatchObject({ status: 'closed', endType: 'resolved', rating: { rating: 'basically_satisfied' } });
    const twice = await act(t, who.resident, id, 'rate', { resolved: true, rating: 'satisfied' });
    expect([twice.statusCode, errorCode(twice)]).toEqual([409, 'CIVIC_CASE_TRANSITION']);
  });

  it('lets a staff return visit rate the case, marked as not by the reporter', async () => {
    const id = await closedCase();
    const rated = await actOk(t, who.secretary, id, 'rate', { resolved: true, rating: 'satisfied' });
    expect(rated.rating).toMatchObject({ byReporter: false });
    expect(await caseRow(t.platform, id)).toMatchObject({ rated_by_reporter: 0 });
  });

  it('lets the reporter reopen within the window, with a reason', async () => {
    const id = await closedCase();
    await travel(t, who, 6 * DAY_MS);
    const reopened = await actOk(t, who.resident, id, 'reopen', { reason: '又坏了' });
    expect(reopened).toMatchObject({ status: 'rework', endType: null });
    expect(await caseRow(t.platform, id)).toMatchObject({ reopen_count: 1 });
    const event = (await eventsOf(t.platform, id)).at(-1);
    expect(event).toMatchObject({ type: 'reopen', actor_user_id: who.resident.userId, actor_role: 'reporter' });
    expect(JSON.parse(event?.data ?? '{}')).toMatchObject({ reason: '又坏了' });
  });

  it('refuses the reporter a reopen after the window, and still lets a dispatcher reopen', async () => {
    const id = await closedCase();
    await travel(t, who, 7 * DAY_MS + 60_000);
    const late = await act(t, who.resident, id, 'reopen', { reason: '又坏了' });
    expect([late.statusCode, errorCode(late)]).toEqual([409, 'REOPEN_WINDOW_PASSED']);
    expect((await caseRow(t.platform, id)).status).toBe('closed');
    const staff = await actOk(t, who.secretary, id, 'reopen', { reason: '回访发现问题未解决' });
    expect(staff.status).toBe('rework');
  });

  it('does not let anyone but the reporter or a dispatcher rate or reopen', async () => {
    const { id } = await insertCase(t.platform, county, {
      status: 'closed',
      unit: propertyUnitA(county),
      overrides: { closed_at: t.clock.now().toISOString() },
    });
    expect(errorCode(await act(t, who.handler, id, 'reopen', { reason: '想重新办' }))).toBe('FORBIDDEN');
    expect(errorCode(await act(t, who.resident, id, 'rate', { resolved: true, rating: 'satisfied' }))).toBe(
      'FORBIDDEN',
    );
  });
});
