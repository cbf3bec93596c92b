import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../../test/factories.ts';
import { as, errorCode, type Session } from '../../../../test/harness.ts';
import { auditRowsOf } from '../../organisation/organisation.test-support.ts';
import { CATEGORY, type CivicCounty, setupCivicTest } from '../civic-cases.test-support.ts';
import {
  API,
  parkingReport,
  postWithKey,
  STAFF_ONLY_CATEGORY,
  sewerReport,
  uploadPhoto,
} from './intake.test-support.ts';

type Setup = Awaited<ReturnType<typeof setupCivicTest<'residentA' | 'residentB' | 'secretaryA' | 'handlerA'>>>;

describe('POST /me/civic-cases: a resident reports', () => {
  let s: Setup;
  let county: CivicCounty;

  beforeAll(async () => {
    s = await setupCivicTest('residentA', 'residentB', 'secretaryA', 'handlerA');
    county = s.county;
  });
  afterAll(() => s.t.close());

  const caseRow = (id: string) =>
    s.t.platform.db.selectFrom('civic_case').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('needs a session (401) and the report permission (403 for a property-company handler)', async () => {
    const anonymous = await postWithKey(s.t, null, '/me/civic-cases', sewerReport(county));
    expect(anonymous.statusCode).toBe(401);
    const handler = await postWithKey(s.t, s.handlerA, '/me/civic-cases', sewerReport(county));
    expect(handler.statusCode).toBe(403);
    expect(errorCode(handler)).toBe('FORBIDDEN');
  });

  it('requires an Idempotency-Key (400) and a well-formed body (400)', async () => {
    const noKey = await as(s.t.app, s.residentA).post(`${API}/me/civic-cases`, sewerReport(county));
    expect(noKey.statusCode).toBe(400);
    expect(errorCode(noKey)).toBe('IDEMPOTENCY_KEY_REQUIRED');
    const bad = await postWithKey(s.t, s.residentA, '/me/civic-cases', sewerReport(county, { title: '' }));
    expect(bad.statusCode).toBe(400);
    expect(errorCode(bad)).toBe('VALIDATION_FAILED');
  });

  it('names the missing required question and a wrong option by answers.<code> (400)', async () => {
    const missing = await postWithKey(s.t, s.residentA, '/me/civic-cases', sewerReport(county, { answers: {} }));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.issues).toEqual([{ path: 'answers.severity', message: 'required' }]);
    const wrong = await postWithKey(
      s.t,
      s.residentA,
      '/me/civic-cases',
      sewerReport(county, { answers: { severity: 'flooded', colour: 'red' } }),
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.issues).toEqual([
      { path: 'answers.colour', message: 'unknown' },
      { path: 'answers.severity', message: 'option' },
    ]);
  });

  it('refuses a staff-only category and anonymity where the category does not allow it (422)', async () => {
    const staffOnly = await postWithKey(
      s.t,
      s.residentA,
      '/me/civic-cases',
      sewerReport(county, { categoryId: STAFF_ONLY_CATEGORY, answers: {} }),
    );
    expect(staffOnly.statusCode).toBe(422);
    expect(staffOnly.json().error).toMatchObject({ code: 'CATEGORY_NOT_OPEN', details: { reason: 'staff_only' } });
    const anonymous = await postWithKey(s.t, s.residentA, '/me/civic-cases', sewerReport(county, { anonymous: true }));
    expect(anonymous.statusCode).toBe(422);
    expect(anonymous.json().error.details).toEqual({ reason: 'anonymous' });
  });

  it('checks the place: no such compound is 404, a grid of another compound is 400 on place.gridId', async () => {
    const place = { compoundId: randomUUID() };
    const nowhere = await postWithKey(s.t, s.residentA, '/me/civic-cases', sewerReport(county, { place }));
    expect(nowhere.statusCode).toBe(404);
    const foreignGrid = await postWithKey(
      s.t,
      s.residentA,
      '/me/civic-cases',
      sewerReport(county, { place: { compoundId: county.compoundB.id, gridId: county.gridA.id } }),
    );
    expect(foreignGrid.statusCode).toBe(400);
    expect(foreignGrid.json().error.details.issues).toEqual([{ path: 'place.gridId', message: 'compound' }]);
  });

  it('files the case: number, accept-step deadline, submit and auto_route events, photos, a notice and an audit row', async () => {
    const photo = await uploadPhoto(s.t, s.residentA);
    const body = sewerReport(county, {
      place: { compoundId: county.compoundA.id, gridId: county.gridA.id, building: '3', room: '502' },
      photoIds: [photo.id],
    });
    const res = await postWithKey(s.t, s.residentA, '/me/civic-cases', body);
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ trackingCode: null, status: 'submitted' });
    expect(created.number).toMatch(/^MQ20261127-\d{4}$/);
    const row = await caseRow(created.id);
    expect(row).toMatchObject({
      channel: 'h5',
      anonymous: 0,
      reporter_user_id: s.residentA.userId,
      urgency: 'utility',
      status: 'submitted',
      step: 'accept',
      path: county.gridA.path,
      community_id: county.community.id,
      room: '502',
      received_on: '2026-11-27',
      unit_id: null,
    });
    // utility accept limit: 120 calendar minutes from 02:00Z; due soon at 80 %.
    expect(row.deadline_at).toBe('2026-11-27T04:00:00.000Z');
    expect(row.due_soon_at).toBe('2026-11-27T03:36:00.000Z');
    expect(JSON.parse(row.answers)).toEqual({ severity: 'blocked' });
    const events = await s.t.platform.db
      .selectFrom('civic_case_event')
      .selectAll()
      .where('case_id', '=', created.id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => [e.type, e.actor_user_id])).toEqual([
      ['submit', s.residentA.userId],
      ['auto_route', null],
    ]);
    expect(JSON.parse(events[1]?.data ?? '{}')).toMatchObject({
      unit: { kind: 'org', id: county.community.id },
      fallback: true,
    });
    const files = await s.t.platform.db
      .selectFrom('civic_case_file')
      .selectAll()
      .where('case_id', '=', created.id)
      .execute();
    expect(files).toEqual([{ file_id: photo.id, case_id: created.id, event_id: events[0]?.id, kind: 'report' }]);
    const notices = await s.t.platform.db
      .selectFrom('notification')
      .selectAll()
      .where('link', '=', `/civic-cases/${created.id}`)
      .execute();
    expect(notices.map((n) => [n.user_id, n.kind])).toEqual([[s.secretaryA.userId, 'civic_case.submitted']]);
    const [audit] = await auditRowsOf(s.t.platform, 'civic_case.submit', created.id);
    expect(audit).toMatchObject({ actor_id: s.residentA.userId });
    expect(audit?.details).toMatchObject({ number: created.number, channel: 'h5', anonymous: false });
    const thumb = await as(s.t.app, s.secretaryA).get(`${API}/files/${photo.id}/thumbnail`);
    expect(thumb.statusCode).toBe(200);
  });

  it('replays the same key and body without a second case, and refuses the key with another body (422)', async () => {
    const key = randomUUID();
    const body = sewerReport(county, { title: '重放测试' });
    const first = await postWithKey(s.t, s.residentA, '/me/civic-cases', body, key);
    const again = await postWithKey(s.t, s.residentA, '/me/civic-cases', body, key);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const rows = await s.t.platform.db.selectFrom('civic_case').select('id').where('title', '=', '重放测试').execute();
    expect(rows).toHaveLength(1);
    const other = await postWithKey(s.t, s.residentA, '/me/civic-cases', { ...body, title: '另一个' }, key);
    expect(other.statusCode).toBe(422);
    expect(errorCode(other)).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('PI-8: an anonymous report made while signed in keeps no trace of the reporter anywhere', async () => {
    const reporter: Session = await signInAs(s.t.platform, 'resident', county.compoundA);
    const photo = await uploadPhoto(s.t, reporter);
    const res = await postWithKey(
      s.t,
      reporter,
      '/me/civic-cases',
      parkingReport(county, {
        anonymous: true,
        photoIds: [photo.id],
        place: {
          compoundId: county.compoundA.id,
          building: '5',
          unit: '1',
          room: '301',
          location: { lng: 102.7, lat: 25.04 },
        },
      }),
    );
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.id).toBeNull();
    expect(created.trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    const row = await s.t.platform.db
      .selectFrom('civic_case')
      .selectAll()
      .where('number', '=', created.number)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      anonymous: 1,
      tracking_code: created.trackingCode,
      reporter_user_id: null,
      reporter_name_cipher: null,
      reporter_phone_cipher: null,
      filed_by: null,
      household_id: null,
      room: null,
      lng: null,
      lat: null,
      building: '5',
    });
    const [file] = await s.t.platform.db
      .selectFrom('civic_case_file')
      .innerJoin('stored_file', 'stored_file.id', 'civic_case_file.file_id')
      .select(['stored_file.id', 'stored_file.created_by', 'stored_file.thumbnail_file_id'])
      .where('civic_case_file.case_id', '=', row.id)
      .execute();
    expect(file?.created_by).toBeNull();
    // The upload's own audit row names the uploaded id; the case holds a fresh copy that it never names.
    expect(file?.id).not.toBe(photo.id);
    const thumbnail = await s.t.platform.db
      .selectFrom('stored_file')
      .select('created_by')
      .where('id', '=', file?.thumbnail_file_id ?? '')
      .executeTakeFirstOrThrow();
    expect(thumbnail.created_by).toBeNull();
    const user = reporter.userId;
    const caseAudit = await s.t.platform.db
      .selectFrom('audit_log')
      .selectAll()
      .where('object_id', 'in', [row.id, file?.id ?? ''])
      .execute();
    expect(caseAudit).toHaveLength(1);
    expect(caseAudit[0]).toMatchObject({
      actor_id: null,
      actor_roles: null,
      ip: null,
      user_agent: null,
      request_id: null,
    });
    const mentions = await s.t.platform.db
      .selectFrom('audit_log')
      .select('id')
      .where((eb) => eb.or([eb('actor_id', '=', user), eb('details', 'like', `%${user}%`), eb('object_id', '=', user)]))
      .where('action', 'like', 'civic_case.%')
      .execute();
    expect(mentions).toHaveLength(0);
    const events = await s.t.platform.db
      .selectFrom('civic_case_event')
      .select('id')
      .where((eb) => eb.or([eb('actor_user_id', '=', user), eb('data', 'like', `%${user}%`)]))
      .execute();
    expect(events).toHaveLength(0);
    const stored = await s.t.platform.db
      .selectFrom('idempotency_record')
      .select('scope')
      .where('scope', 'like', 'anon:%')
      .execute();
    expect(stored).toHaveLength(0);
  });

  it('lets a resident of 龙泉苑 report in 金碧花园, which shows them nothing else of it', async () => {
    const res = await postWithKey(
      s.t,
      s.residentB,
      '/me/civic-cases',
      sewerReport(county, { title: '路过看到下水道堵了' }),
    );
    expect(res.statusCode).toBe(201);
    const other = await s.t.platform.db
      .selectFrom('civic_case')
      .select('id')
      .where('compound_id', '=', county.compoundA.id)
      .where('reporter_user_id', '=', s.residentA.userId)
      .executeTakeFirstOrThrow();
    const detail = await as(s.t.app, s.residentB).get(`${API}/civic-cases/${other.id}`);
    expect(detail.statusCode).toBe(403);
    const mine = await as(s.t.app, s.residentB).get(`${API}/me/civic-cases/${other.id}`);
    expect(mine.statusCode).toBe(403);
    const list = await as(s.t.app, s.residentB).get(`${API}/me/civic-cases`);
    expect(list.json().items.map((c: { title: string }) => c.title)).toEqual(['路过看到下水道堵了']);
    const own = await as(s.t.app, s.residentB).get(`${API}/me/civic-cases/${res.json().id}`);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({
      reporter: true,
      status: 'submitted',
      abilities: { rate: false, reopen: false },
    });
  });

  it('lets a category default the urgency and a category of the tree without questions pass with no answers', async () => {
    const res = await postWithKey(
      s.t,
      s.residentA,
      '/me/civic-cases',
      sewerReport(county, { categoryId: CATEGORY.property, answers: {} }),
    );
    expect(res.statusCode).toBe(201);
    expect((await caseRow(res.json().id)).urgency).toBe('ordinary');
  });
});
