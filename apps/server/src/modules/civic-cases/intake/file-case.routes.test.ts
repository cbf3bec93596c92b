import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from '../../../../test/harness.ts';
import { isoNow } from '../../../platform/clock.ts';
import { newId } from '../../../platform/ids.ts';
import { auditRowsOf } from '../../organisation/organisation.test-support.ts';
import { CATEGORY, type CivicCounty, setupCivicTest } from '../civic-cases.test-support.ts';
import { postWithKey, STAFF_ONLY_CATEGORY, sewerReport } from './intake.test-support.ts';

type Setup = Awaited<ReturnType<typeof setupCivicTest<'residentA' | 'secretaryA' | 'gridWorkerA' | 'countyAdmin'>>>;

describe('POST /civic-cases: staff file a case', () => {
  let s: Setup;
  let county: CivicCounty;

  beforeAll(async () => {
    s = await setupCivicTest('residentA', 'secretaryA', 'gridWorkerA', 'countyAdmin');
    county = s.county;
  });
  afterAll(() => s.t.close());

  const caseRow = (id: string) =>
    s.t.platform.db.selectFrom('civic_case').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  /** A household in 金碧花园's grid and a visit to it by the grid worker. */
  async function visitInA(compoundId = county.compoundA.id, gridId: string | null = county.gridA.id) {
    const householdId = newId();
    const visitId = newId();
    const now = isoNow(s.t.platform.clock);
    const path = gridId ? county.gridA.path : county.compoundB.path;
    await s.t.platform.db
      .insertInto('household')
      .values({
        id: householdId,
        compound_id: compoundId,
        grid_id: gridId,
        path,
        building: '7',
        room: newId().slice(-6),
        note: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await s.t.platform.db
      .insertInto('household_visit')
      .values({
        id: visitId,
        household_id: householdId,
        path,
        visitor_user_id: s.gridWorkerA.userId,
        member_id: null,
        visited_on: '2026-11-26',
        summary: '走访了解到楼道堆物',
        findings: '楼道堆放杂物，存在消防隐患',
        civic_case_id: null,
        created_at: now,
      })
      .execute();
    return { householdId, visitId };
  }

  it('needs a session (401) and civic_case.file over the place (403 for a resident, or a secretary elsewhere)', async () => {
    const body = { ...sewerReport(county), channel: 'proxy' };
    expect((await postWithKey(s.t, null, '/civic-cases', body)).statusCode).toBe(401);
    const resident = await postWithKey(s.t, s.residentA, '/civic-cases', body);
    expect(resident.statusCode).toBe(403);
    const elsewhere = await postWithKey(s.t, s.secretaryA, '/civic-cases', {
      ...body,
      place: { compoundId: county.compoundB.id },
    });
    expect(elsewhere.statusCode).toBe(403);
    expect(errorCode(elsewhere)).toBe('FORBIDDEN');
  });

  it('rejects an unknown channel, a visit without its visit (400) and a visit to another compound (400)', async () => {
    const badChannel = await postWithKey(s.t, s.secretaryA, '/civic-cases', { ...sewerReport(county), channel: 'h5' });
    expect(badChannel.statusCode).toBe(400);
    const noVisit = await postWithKey(s.t, s.secretaryA, '/civic-cases', { ...sewerReport(county), channel: 'visit' });
    expect(noVisit.statusCode).toBe(400);
    expect(noVisit.json().error.details.issues).toEqual([{ path: 'visitId', message: 'required' }]);
    const { visitId } = await visitInA(county.compoundB.id, null);
    const foreign = await postWithKey(s.t, s.secretaryA, '/civic-cases', {
      ...sewerReport(county),
      channel: 'visit',
      visitId,
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details.issues).toEqual([{ path: 'visitId', message: 'compound' }]);
  });

  it('files on a resident’s behalf with their name and phone encrypted, in a staff-only category', async () => {
    const res = await postWithKey(s.t, s.secretaryA, '/civic-cases', {
      ...sewerReport(county, { categoryId: STAFF_ONLY_CATEGORY, answers: {} }),
      channel: 'proxy',
      urgency: 'complex',
      reporterName: '王大爷',
      reporterPhone: '13912345678',
    });
    expect(res.statusCode).toBe(201);
    const row = await caseRow(res.json().id);
    expect(row).toMatchObject({
      channel: 'proxy',
      urgency: 'complex',
      filed_by: s.secretaryA.userId,
      reporter_user_id: null,
      // 金碧花园 has one grid: a case filed without one lies in it, so its grid worker sees it.
      grid_id: county.gridA.id,
      path: county.gridA.path,
    });
    expect(row.reporter_name_cipher).not.toContain('王大爷');
    expect(s.t.platform.cipher.decrypt(row.reporter_name_cipher ?? '')).toBe('王大爷');
    expect(s.t.platform.cipher.decrypt(row.reporter_phone_cipher ?? '')).toBe('13912345678');
    const [audit] = await auditRowsOf(s.t.platform, 'civic_case.submit', row.id);
    expect(audit).toMatchObject({ actor_id: s.secretaryA.userId });
    expect(JSON.stringify(audit?.details)).not.toContain('139');
  });

  it('lets a grid worker file from a household visit: the case lands in their grid and the visit points to it', async () => {
    const { householdId, visitId } = await visitInA();
    const res = await postWithKey(s.t, s.gridWorkerA, '/civic-cases', {
      ...sewerReport(county, {
        categoryId: CATEGORY.property,
        answers: {},
        place: { compoundId: county.compoundA.id },
      }),
      channel: 'visit',
      visitId,
    });
    expect(res.statusCode).toBe(201);
    const row = await caseRow(res.json().id);
    expect(row).toMatchObject({
      channel: 'visit',
      visit_id: visitId,
      household_id: householdId,
      grid_id: county.gridA.id,
      path: county.gridA.path,
    });
    const visit = await s.t.platform.db
      .selectFrom('household_visit')
      .select('civic_case_id')
      .where('id', '=', visitId)
      .executeTakeFirstOrThrow();
    expect(visit.civic_case_id).toBe(row.id);
  });

  it('makes a suggestion-box letter anonymous with a tracking code, keeping who filed it', async () => {
    const res = await postWithKey(s.t, s.secretaryA, '/civic-cases', {
      ...sewerReport(county),
      channel: 'suggestion_box',
      reporterName: '不该留下',
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.trackingCode).toMatch(/^[0-9A-Z]{10}$/);
    const row = await caseRow(created.id);
    expect(row).toMatchObject({
      anonymous: 1,
      reporter_name_cipher: null,
      room: null,
      filed_by: s.secretaryA.userId,
    });
  });

  it('opens a dispute with an empty mediation record', async () => {
    const res = await postWithKey(s.t, s.countyAdmin, '/civic-cases', {
      ...sewerReport(county, { categoryId: CATEGORY.dispute, answers: {} }),
      channel: 'reception',
      kind: 'mediation',
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    expect((await caseRow(id)).kind).toBe('mediation');
    const mediation = await s.t.platform.db
      .selectFrom('civic_mediation')
      .selectAll()
      .where('case_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(mediation).toMatchObject({ parties: '[]', outcome: 'pending', mediator_user_id: null });
  });
});
