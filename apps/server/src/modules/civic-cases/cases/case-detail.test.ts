import type { CivicCaseDetail } from '@linli/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, errorCode, type Session } from '../../../../test/harness.ts';
import { newId } from '../../../platform/ids.ts';
import { insertCase, propertyUnitA, setupCivicTest } from '../civic-cases.test-support.ts';

const PHONE = '13812345678';
type Setup = Awaited<ReturnType<typeof setup>>;
const setup = () =>
  setupCivicTest('countyAdmin', 'secretaryA', 'gridWorkerA', 'handlerA', 'residentA', 'residentB', 'longquanAdmin');

describe('GET /civic-cases/:id', () => {
  let s: Setup;
  let main: string;
  let anonymous: string;
  let other: string;
  let merged: string;
  let closed: string;
  let photo: string;

  async function storedFile(withThumbnail: boolean): Promise<string> {
    const db = s.t.platform.db;
    const id = newId();
    const base = { purpose: 'photo' as const, owner_type: 'civic_case', owner_id: main, path: s.county.gridA.path };
    const file = { ...base, byte_size: 10, sha256: 'x'.repeat(64), created_at: '2026-03-02T01:00:00.000Z' };
    const thumbnail = withThumbnail ? newId() : null;
    if (thumbnail) {
      await db
        .insertInto('stored_file')
        .values({ ...file, id: thumbnail, file_name: 't.jpg', media_type: 'image/jpeg', created_by: null })
        .execute();
    }
    await db
      .insertInto('stored_file')
      .values({
        ...file,
        id,
        file_name: withThumbnail ? 'p.jpg' : 'a.pdf',
        media_type: withThumbnail ? 'image/jpeg' : 'application/pdf',
        created_by: null,
        thumbnail_file_id: thumbnail,
      })
      .execute();
    return id;
  }

  beforeAll(async () => {
    s = await setup();
    const { t, county } = s;
    const cipher = t.platform.cipher;
    main = (
      await insertCase(t.platform, county, {
        status: 'dispatched',
        unit: propertyUnitA(county),
        reporterUserId: s.residentA.userId,
        overrides: { reporter_name_cipher: cipher.encrypt('王小明'), reporter_phone_cipher: cipher.encrypt(PHONE) },
      })
    ).id;
    anonymous = (
      await insertCase(t.platform, county, { status: 'dispatched', unit: propertyUnitA(county), anonymous: true })
    ).id;
    other = (await insertCase(t.platform, county, { compound: 'B' })).id;
    merged = (
      await insertCase(t.platform, county, {
        status: 'voided',
        overrides: { merged_into_id: main, void_reason: 'duplicate' },
      })
    ).id;
    closed = (
      await insertCase(t.platform, county, {
        status: 'closed',
        overrides: {
          end_type: 'resolved',
          closed_at: '2026-03-01T00:00:00.000Z',
          rating: 'satisfied',
          rating_resolved: 1,
          rating_comment: '很及时',
          rated_at: '2026-03-01T02:00:00.000Z',
          rated_by_reporter: 1,
        },
      })
    ).id;
    photo = await storedFile(true);
    const pdf = await storedFile(false);
    const eventId = newId();
    await t.platform.db
      .insertInto('civic_case_event')
      .values({
        id: eventId,
        case_id: main,
        seq: 2,
        type: 'dispatch',
        from_status: 'accepted',
        to_status: 'dispatched',
        actor_user_id: null,
        actor_name: '派遣员',
        actor_role: 'branch_secretary',
        at: '2026-03-02T02:00:00.000Z',
        deadline: '2026-03-02T03:00:00.000Z',
        on_time: 1,
        public_note: '已派物业处理',
        internal_note: '该户反复投诉，注意态度',
        data: JSON.stringify({ unit: 'property_company' }),
      })
      .execute();
    await t.platform.db
      .insertInto('civic_case_file')
      .values([
        { file_id: photo, case_id: main, event_id: eventId, kind: 'report' },
        { file_id: pdf, case_id: main, event_id: null, kind: 'other' },
      ])
      .execute();
    await t.platform.db
      .insertInto('civic_case_assist')
      .values({
        case_id: main,
        unit_kind: 'grid',
        unit_id: county.gridA.id,
        unit_name: '网格一',
        unit_path: county.gridA.path,
      })
      .execute();
    await t.platform.db
      .insertInto('civic_case_follower')
      .values({ case_id: main, user_id: s.countyAdmin.userId, created_at: '2026-03-02T01:00:00.000Z' })
      .execute();
  });
  afterAll(() => s.t.close());

  const open = async (who: Session | null, caseId: string) => as(s.t.app, who).get(`/api/v1/civic-cases/${caseId}`);
  const detail = async (who: Session, caseId: string): Promise<CivicCaseDetail> => {
    const response = await open(who, caseId);
    expect(response.statusCode).toBe(200);
    return response.json() as CivicCaseDetail;
  };

  it('answers 401 without a session, 400 for a malformed id and 404 for no case', async () => {
    expect((await open(null, main)).statusCode).toBe(401);
    expect((await open(s.countyAdmin, 'not-an-id')).statusCode).toBe(400);
    const missing = await open(s.countyAdmin, newId());
    expect(missing.statusCode).toBe(404);
    expect(errorCode(missing)).toBe('NOT_FOUND');
  });

  it('refuses a branch secretary of 金碧花园 a case of 龙泉苑, and a stranger resident any case', async () => {
    expect((await open(s.secretaryA, other)).statusCode).toBe(403);
    expect((await open(s.longquanAdmin, main)).statusCode).toBe(403);
    expect((await open(s.residentB, main)).statusCode).toBe(403);
  });

  it('refuses the property company a case of its compound not dispatched to it (PI-9)', async () => {
    expect((await open(s.handlerA, closed)).statusCode).toBe(403);
  });

  it('gives the handling unit the whole case with the reporter masked, never the phone in clear', async () => {
    const response = await open(s.handlerA, main);
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"v1"');
    expect(response.body).not.toMatch(/1[3-9]\d{9}/);
    const body = response.json() as CivicCaseDetail;
    expect(body).toMatchObject({
      id: main,
      status: 'dispatched',
      reporterName: '王**',
      reporterPhone: '138****5678',
      description: '楼道灯坏了，晚上看不见路。',
      building: '3',
      unitNo: '2',
      unit: { kind: 'property_company', id: s.county.propertyCompanyA },
      assists: [{ kind: 'grid', id: s.county.gridA.id, name: '网格一' }],
      merged: [{ id: merged }],
      mergedInto: null,
      rating: null,
      following: false,
      version: 1,
    });
    expect(body.abilities).toMatchObject({ sign: true, send_back: true, comment: true });
    expect(body.abilities.dispatch).toBeUndefined();
    const dispatch = body.events.find((e) => e.type === 'dispatch');
    expect(dispatch).toMatchObject({
      seq: 2,
      actorName: '派遣员',
      onTime: true,
      publicNote: '已派物业处理',
      internalNote: '该户反复投诉，注意态度',
      data: { unit: 'property_company' },
    });
    expect(dispatch?.files).toEqual([
      {
        id: photo,
        kind: 'report',
        contentType: 'image/jpeg',
        url: `/api/v1/files/${photo}`,
        thumbnailUrl: `/api/v1/files/${photo}/thumbnail`,
      },
    ]);
    expect(body.files).toHaveLength(2);
    expect(body.files.find((f) => f.kind === 'other')?.thumbnailUrl).toBeNull();
  });

  it('shows the reporter their case without internal notes or staff actions', async () => {
    const body = await detail(s.residentA, main);
    expect(body.events.length).toBeGreaterThanOrEqual(2);
    for (const event of body.events) expect(event).not.toHaveProperty('internalNote');
    expect(body.abilities).toEqual({ comment: true });
  });

  it('gives staff the internal notes and tells a follower they follow', async () => {
    const body = await detail(s.countyAdmin, main);
    expect(body.following).toBe(true);
    expect(body.events.find((e) => e.type === 'dispatch')?.internalNote).toBe('该户反复投诉，注意态度');
    expect(body.abilities).toMatchObject({ reassign: true, supervise: true });
  });

  it('has null reporter fields on an anonymous case for everybody', async () => {
    for (const who of [s.countyAdmin, s.secretaryA, s.handlerA]) {
      const body = await detail(who, anonymous);
      expect(body.anonymous).toBe(true);
      expect(body.reporterName).toBeNull();
      expect(body.reporterPhone).toBeNull();
    }
  });

  it('links a merged case to the case it was merged into, and shows a rating', async () => {
    const duplicate = await detail(s.secretaryA, merged);
    expect(duplicate.mergedInto).toEqual({ id: main, number: expect.any(String) });
    expect(duplicate.voidReason).toBe('duplicate');
    const rated = await detail(s.secretaryA, closed);
    expect(rated.rating).toEqual({
      resolved: true,
      rating: 'satisfied',
      comment: '很及时',
      ratedAt: '2026-03-01T02:00:00.000Z',
      byReporter: true,
    });
    expect(rated.closedAt).toBe('2026-03-01T00:00:00.000Z');
  });
});
