import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestApp } from '../../../../test/harness.ts';
import { HOUR_MS } from '../../../platform/clock.ts';
import { type CivicCounty, insertCase, setupCivicTest } from '../civic-cases.test-support.ts';
import { act, actOk, caseRow, eventsOf, noticesOf, travel } from './workflow.test-support.ts';

/** Friday 2026-02-13 10:00 in Shanghai, the last working Friday before the 2026 Spring Festival. */
const FRI_0213_1000 = '2026-02-13T02:00:00.000Z';
/**
 * The ordinary handling limit, 7 working days, dispatched Fri 02-13 10:00. The 2026 schedule: Sat 02-14 is a make-up
 * working day, 02-15…02-23 are the holiday, Sat 02-28 is a make-up working day. Counting: Fri 13 10:00–24:00
 * (14 h), Sat 14 (1 day → 1 d 14 h), Tue 24, Wed 25, Thu 26, Fri 27, Sat 28 (→ 6 d 14 h), Mon 03-02 until
 * 10:00 (the last 10 h) → Mon 2026-03-02 10:00 Shanghai.
 */
const HANDLE_DEADLINE = '2026-03-02T02:00:00.000Z';
/** Sign-for, 1 working day from Fri 10:00: 14 h of Friday, then 10 h of the make-up Saturday → Sat 02-14 10:00. */
const SIGN_DEADLINE = '2026-02-14T02:00:00.000Z';

describe('deadlines on the working-day calendar, extensions and deferrals', () => {
  let t: TestApp;
  let county: CivicCounty;
  let who: Record<'secretary' | 'handler', Session>;
  beforeAll(async () => {
    const s = await setupCivicTest('secretaryA', 'handlerA');
    ({ t, county } = s);
    who = { secretary: s.secretaryA, handler: s.handlerA };
  });
  afterAll(() => t.close());

  /** An ordinary case dispatched to the property company on Fri 02-13 10:00 and signed for an hour later. */
  async function signedBeforeTheFestival(): Promise<string> {
    await travel(t, who, FRI_0213_1000);
    const { id } = await insertCase(t.platform, county, { status: 'accepted' });
    await actOk(t, who.secretary, id, 'dispatch', { unit: { kind: 'property_company', id: county.propertyCompanyA } });
    await travel(t, who, HOUR_MS);
    await actOk(t, who.handler, id, 'sign');
    return id;
  }

  it('runs the sign-for and handling limits across the Spring Festival and its make-up days', async () => {
    await travel(t, who, FRI_0213_1000);
    const { id } = await insertCase(t.platform, county, { status: 'accepted' });
    await actOk(t, who.secretary, id, 'dispatch', { unit: { kind: 'property_company', id: county.propertyCompanyA } });
    expect(await caseRow(t.platform, id)).toMatchObject({
      deadline_at: SIGN_DEADLINE,
      handle_deadline_at: HANDLE_DEADLINE,
    });

    await travel(t, who, '2026-02-14T01:00:00.000Z'); // the make-up Saturday, 09:00
    await actOk(t, who.handler, id, 'sign');
    expect(await caseRow(t.platform, id)).toMatchObject({
      sign_on_time: 1,
      step: 'handle',
      deadline_at: HANDLE_DEADLINE,
    });

    await travel(t, who, '2026-03-02T02:30:00.000Z'); // half an hour late
    await actOk(t, who.handler, id, 'handle', { publicNote: '已疏通' });
    expect(await caseRow(t.platform, id)).toMatchObject({ handle_on_time: 0 });
    const handle = (await eventsOf(t.platform, id)).find((e) => e.type === 'handle');
    expect(handle).toMatchObject({ deadline: HANDLE_DEADLINE, on_time: 0 });
  });

  it('grants an extension by moving the handling deadline on the working-day basis', async () => {
    const id = await signedBeforeTheFestival();
    await actOk(t, who.handler, id, 'request_extension', { extraMinutes: 2 * 1440, reason: '配件节后到货' });
    expect(await caseRow(t.platform, id)).toMatchObject({ pending_request: 'extension', status: 'signed' });
    expect((await noticesOf(t.platform, who.secretary.userId, id)).at(-1)?.kind).toBe('civic_case.request');
    const twice = await act(t, who.handler, id, 'request_deferral', { deferUntil: '2026-04-01', reason: '再议' });
    expect(twice.statusCode).toBe(409);

    const decided = await actOk(t, who.secretary, id, 'decide_request', { grant: true, reason: '同意延期两个工作日' });
    // Mon 03-02 10:00 plus 2 working days → Wed 03-04 10:00.
    expect(decided).toMatchObject({
      status: 'signed',
      pendingRequest: null,
      handleDeadlineAt: '2026-03-04T02:00:00.000Z',
    });
    expect(await caseRow(t.platform, id)).toMatchObject({
      deadline_at: '2026-03-04T02:00:00.000Z',
      extension_count: 1,
    });
    const request = await t.platform.db
      .selectFrom('civic_case_request')
      .selectAll()
      .where('case_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(request).toMatchObject({
      kind: 'extension',
      status: 'granted',
      extra_minutes: 2880,
      decided_by: who.secretary.userId,
      decision_note: '同意延期两个工作日',
    });
    expect((await noticesOf(t.platform, who.handler.userId, id)).at(-1)?.kind).toBe('civic_case.decided');
  });

  it('refuses an extension or a deferral without touching the deadline or the status', async () => {
    const id = await signedBeforeTheFestival();
    await actOk(t, who.handler, id, 'request_extension', { extraMinutes: 600, reason: '人手不足' });
    await actOk(t, who.secretary, id, 'decide_request', { grant: false });
    await actOk(t, who.handler, id, 'request_deferral', { deferUntil: '2026-05-01', reason: '等维修基金' });
    await actOk(t, who.secretary, id, 'decide_request', { grant: false });
    expect(await caseRow(t.platform, id)).toMatchObject({
      status: 'signed',
      pending_request: null,
      deadline_at: HANDLE_DEADLINE,
      handle_deadline_at: HANDLE_DEADLINE,
      extension_count: 0,
      deferral_count: 0,
    });
    const requests = await t.platform.db
      .selectFrom('civic_case_request')
      .select(['kind', 'status'])
      .where('case_id', '=', id)
      .orderBy('requested_at')
      .execute();
    expect(requests).toEqual([
      { kind: 'extension', status: 'refused' },
      { kind: 'deferral', status: 'refused' },
    ]);
  });

  it('closes a request the unit outran by answering the case', async () => {
    const id = await signedBeforeTheFestival();
    await actOk(t, who.handler, id, 'request_extension', { extraMinutes: 1440, reason: '等配件' });
    const handled = await actOk(t, who.handler, id, 'handle', { publicNote: '配件提前到了，已修好' });
    expect(handled).toMatchObject({ status: 'handled', pendingRequest: null });
    const request = await t.platform.db
      .selectFrom('civic_case_request')
      .select(['status', 'decision_note'])
      .where('case_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(request).toEqual({ status: 'refused', decision_note: '已反馈办理结果' });
  });

  it('parks a case with its clock stopped, and resumes it with the working time it had left', async () => {
    const id = await signedBeforeTheFestival();
    await actOk(t, who.handler, id, 'start');
    await travel(t, who, '2026-02-24T02:00:00.000Z'); // Tue 10:00, the first working day after the festival
    await actOk(t, who.handler, id, 'request_deferral', { deferUntil: '2026-03-20', reason: '需业主大会表决' });
    const parked = await actOk(t, who.secretary, id, 'decide_request', { grant: true });
    expect(parked.status).toBe('deferred');
    // Left at Tue 02-24 10:00 until Mon 03-02 10:00: 14 h + Wed, Thu, Fri, make-up Sat + 10 h = 5 working days.
    expect(await caseRow(t.platform, id)).toMatchObject({
      status: 'deferred',
      step: null,
      deadline_at: null,
      deferred_until: '2026-03-20',
      deferred_remaining_minutes: 5 * 1440,
      deferral_count: 1,
    });
    const decision = (await eventsOf(t.platform, id)).at(-1);
    expect(decision).toMatchObject({
      type: 'decide_request',
      from_status: 'in_progress',
      to_status: 'deferred',
      deadline: null,
    });

    await travel(t, who, '2026-03-20T02:00:00.000Z'); // Fri 10:00
    const resumed = await actOk(t, who.handler, id, 'resume');
    // 5 working days from Fri 03-20 10:00: 14 h, Mon–Thu 03-23…26, 10 h of Fri 03-27 → Fri 03-27 10:00.
    expect(resumed).toMatchObject({ status: 'in_progress', handleDeadlineAt: '2026-03-27T02:00:00.000Z' });
    expect(await caseRow(t.platform, id)).toMatchObject({
      step: 'handle',
      deadline_at: '2026-03-27T02:00:00.000Z',
      step_started_at: '2026-03-20T02:00:00.000Z',
      deferred_remaining_minutes: null,
    });
  });
});
