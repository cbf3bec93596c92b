import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestApp } from '../../../../test/harness.ts';
import { HOUR_MS, MINUTE_MS } from '../../../platform/clock.ts';
import { auditRowsOf } from '../../organisation/organisation.test-support.ts';
import { CATEGORY, type CivicCounty, insertCase, propertyUnitA, setupCivicTest } from '../civic-cases.test-support.ts';
import { act, actOk, caseRow, eventsOf, noticesOf, travel, uploadPhoto } from './workflow.test-support.ts';

describe('the whole 民情 loop over HTTP', () => {
  let t: TestApp;
  let county: CivicCounty;
  let who: Record<'secretary' | 'gridWorker' | 'handler' | 'resident', Session>;
  beforeAll(async () => {
    const s = await setupCivicTest('secretaryA', 'gridWorkerA', 'handlerA', 'residentA');
    ({ t, county } = s);
    who = { secretary: s.secretaryA, gridWorker: s.gridWorkerA, handler: s.handlerA, resident: s.residentA };
  });
  afterAll(() => t.close());

  it('takes a report from submitted to closed and rated, recording every step, its deadline and whether it was kept', async () => {
    // Friday 2026-11-27 10:00 in Shanghai; the ordinary accept limit is 2 calendar hours.
    await travel(t, who, '2026-11-27T02:00:00.000Z');
    const { id } = await insertCase(t.platform, county, {
      status: 'submitted',
      categoryId: CATEGORY.parking,
      reporterUserId: who.resident.userId,
      overrides: {
        step: 'accept',
        step_started_at: '2026-11-27T02:00:00.000Z',
        deadline_at: '2026-11-27T04:00:00.000Z',
      },
    });

    const triaged = await actOk(t, who.secretary, id, 'triage', {
      categoryId: CATEGORY.property,
      internalNote: '归入物业',
    });
    expect(triaged).toMatchObject({ status: 'triaged', categoryId: CATEGORY.property, version: 2 });
    expect(triaged.abilities).toMatchObject({ accept: true, void: true, merge: true });

    await travel(t, who, 30 * MINUTE_MS);
    await actOk(t, who.secretary, id, 'accept');
    await travel(t, who, 30 * MINUTE_MS); // 11:00
    const dispatched = await actOk(t, who.secretary, id, 'dispatch', {
      unit: { kind: 'property_company', id: county.propertyCompanyA },
      assists: [{ kind: 'grid', id: county.gridA.id }],
    });
    expect(dispatched.unit).toEqual({
      kind: 'property_company',
      id: county.propertyCompanyA,
      name: propertyUnitA(county).name,
    });
    expect(dispatched.assists).toEqual([expect.objectContaining({ kind: 'grid', id: county.gridA.id })]);
    let row = await caseRow(t.platform, id);
    // Sign-for: 1 working day from Fri 11:00 → Mon 11-30 11:00; its due-soon mark at 80 % (1,152 working
    // minutes: 13 h left on Friday, then 6 h 12 min of Monday). Handling: 7 working days from Fri 11:00 →
    // Fri (13 h) + Mon–Fri 11-30…12-04 (5 days) + Mon 12-07 + Tue 12-08 until 11:00.
    expect(row).toMatchObject({
      step: 'sign',
      step_started_at: '2026-11-27T03:00:00.000Z',
      deadline_at: '2026-11-30T03:00:00.000Z',
      due_soon_at: '2026-11-29T22:12:00.000Z',
      handle_deadline_at: '2026-12-08T03:00:00.000Z',
      dispatched_at: '2026-11-27T03:00:00.000Z',
      dispatched_on: '2026-11-27',
      unit_path: county.compoundA.path,
    });
    expect((await noticesOf(t.platform, who.handler.userId, id)).map((n) => n.kind)).toEqual(['civic_case.dispatched']);

    await travel(t, who, 2 * HOUR_MS); // 13:00
    const signed = await actOk(t, who.handler, id, 'sign');
    expect(signed.abilities).toMatchObject({ contact: true, start: true, handle: true, request_extension: true });
    row = await caseRow(t.platform, id);
    expect(row).toMatchObject({
      status: 'signed',
      sign_on_time: 1,
      responded: null,
      step: 'handle',
      deadline_at: '2026-12-08T03:00:00.000Z',
    });

    await travel(t, who, HOUR_MS);
    await actOk(t, who.handler, id, 'contact', { internalNote: '已电话联系' });
    expect(await caseRow(t.platform, id)).toMatchObject({ contacted_at: '2026-11-27T06:00:00.000Z', responded: 1 });
    await actOk(t, who.handler, id, 'start');

    // Sunday 11-29 14:00: a rest day, so verification's 2 working days start Monday 00:00 and end Wed 12-02 00:00.
    await travel(t, who, '2026-11-29T06:00:00.000Z');
    const photo = await uploadPhoto(t, who.handler);
    const handled = await actOk(t, who.handler, id, 'handle', { publicNote: '已更换楼道灯', fileIds: [photo] });
    expect(handled.files).toEqual([expect.objectContaining({ id: photo, kind: 'result' })]);
    expect(await caseRow(t.platform, id)).toMatchObject({
      status: 'handled',
      handled_at: '2026-11-29T06:00:00.000Z',
      handle_on_time: 1,
      step: 'verify',
      deadline_at: '2026-12-01T16:00:00.000Z',
    });
    expect((await noticesOf(t.platform, who.gridWorker.userId, id)).map((n) => n.kind)).toEqual(['civic_case.handled']);
    expect((await noticesOf(t.platform, who.secretary.userId, id)).map((n) => n.kind)).toEqual(['civic_case.handled']);

    await travel(t, who, '2026-11-30T02:00:00.000Z');
    await actOk(t, who.gridWorker, id, 'verify');
    const closed = await actOk(t, who.secretary, id, 'close', { endType: 'resolved', publicNote: '问题已解决' });
    expect(closed).toMatchObject({ status: 'closed', endType: 'resolved', closedAt: '2026-11-30T02:00:00.000Z' });
    expect(await caseRow(t.platform, id)).toMatchObject({ closed_on: '2026-11-30', step: null, deadline_at: null });

    await travel(t, who, HOUR_MS);
    const rated = await actOk(t, who.resident, id, 'rate', {
      resolved: true,
      rating: 'satisfied',
      publicNote: '很及时',
    });
    expect(rated.rating).toEqual({
      resolved: true,
      rating: 'satisfied',
      comment: '很及时',
      ratedAt: '2026-11-30T03:00:00.000Z',
      byReporter: true,
    });
    expect(rated.abilities.rate).toBeUndefined();
    expect(await caseRow(t.platform, id)).toMatchObject({
      status: 'closed',
      rated_on: '2026-11-30',
      rated_by_reporter: 1,
    });
    expect((await noticesOf(t.platform, who.resident.userId, id)).map((n) => n.kind)).toEqual([
      'civic_case.signed',
      'civic_case.handled',
      'civic_case.closed',
    ]);

    const events = await eventsOf(t.platform, id);
    expect(events.map((e) => [e.type, e.from_status, e.to_status])).toEqual([
      ['submit', null, 'submitted'],
      ['triage', 'submitted', 'triaged'],
      ['accept', 'triaged', 'accepted'],
      ['dispatch', 'accepted', 'dispatched'],
      ['sign', 'dispatched', 'signed'],
      ['contact', 'signed', 'signed'],
      ['start', 'signed', 'in_progress'],
      ['handle', 'in_progress', 'handled'],
      ['verify', 'handled', 'verified'],
      ['close', 'verified', 'closed'],
      ['rate', 'closed', 'closed'],
    ]);
    const byType = Object.fromEntries(events.map((e) => [e.type, e]));
    expect(byType.dispatch).toMatchObject({
      deadline: '2026-11-27T04:00:00.000Z',
      on_time: 1,
      actor_role: 'branch_secretary',
    });
    expect(byType.sign).toMatchObject({ deadline: '2026-11-30T03:00:00.000Z', on_time: 1, actor_role: 'handler' });
    expect(byType.handle).toMatchObject({
      deadline: '2026-12-08T03:00:00.000Z',
      on_time: 1,
      public_note: '已更换楼道灯',
    });
    expect(byType.verify).toMatchObject({
      deadline: '2026-12-01T16:00:00.000Z',
      on_time: 1,
      actor_role: 'grid_worker',
    });
    expect(byType.contact).toMatchObject({ deadline: null, on_time: null, internal_note: '已电话联系' });
    expect(JSON.parse(byType.triage?.data ?? '{}')).toEqual({
      categoryId: { from: CATEGORY.parking, to: CATEGORY.property },
    });
    expect(JSON.parse(byType.rate?.data ?? '{}')).toEqual({ resolved: true, rating: 'satisfied', byReporter: true });

    for (const action of [
      'triage',
      'accept',
      'dispatch',
      'sign',
      'contact',
      'start',
      'handle',
      'verify',
      'close',
      'rate',
    ]) {
      const audit = await auditRowsOf(t.platform, `civic_case.${action}`, id);
      expect(audit, action).toHaveLength(1);
      expect(audit[0]?.object_type).toBe('civic_case');
    }
  });

  it('answers with the new version as ETag and the detail the user now sees', async () => {
    const { id } = await insertCase(t.platform, county, { status: 'accepted' });
    const res = await act(t, who.secretary, id, 'dispatch', {
      unit: { kind: 'property_company', id: county.propertyCompanyA },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"v2"');
    expect(res.json()).toMatchObject({ id, status: 'dispatched', version: 2, abilities: { reassign: true } });
  });

  it('lets an anonymous case count as responded to when it is signed for on time, and never offers to contact', async () => {
    await travel(t, who, '2026-11-27T02:00:00.000Z');
    const { id } = await insertCase(t.platform, county, { status: 'accepted', anonymous: true });
    await actOk(t, who.secretary, id, 'dispatch', { unit: { kind: 'property_company', id: county.propertyCompanyA } });
    const signed = await actOk(t, who.handler, id, 'sign');
    expect(signed.abilities.contact).toBeUndefined();
    expect(await caseRow(t.platform, id)).toMatchObject({ sign_on_time: 1, responded: 1 });
    const res = await act(t, who.handler, id, 'contact');
    expect(res.statusCode).toBe(409);
  });

  it('marks a late sign-for as not on time and not responded, even after a prompt call', async () => {
    await travel(t, who, '2026-11-27T02:00:00.000Z');
    const { id } = await insertCase(t.platform, county, { status: 'accepted', reporterUserId: who.resident.userId });
    await actOk(t, who.secretary, id, 'dispatch', { unit: { kind: 'property_company', id: county.propertyCompanyA } });
    await travel(t, who, '2026-11-30T04:00:00.000Z'); // Monday 12:00, an hour past the sign-for limit
    await actOk(t, who.handler, id, 'sign');
    await actOk(t, who.handler, id, 'contact');
    expect(await caseRow(t.platform, id)).toMatchObject({ sign_on_time: 0, responded: 0 });
    const sign = (await eventsOf(t.platform, id)).find((e) => e.type === 'sign');
    expect(sign).toMatchObject({ deadline: '2026-11-30T02:00:00.000Z', on_time: 0 });
  });
});
