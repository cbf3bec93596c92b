import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionFor, signInAs } from '../../../../test/factories.ts';
import { as, errorCode, type Session, type TestApp } from '../../../../test/harness.ts';
import { HOUR_MS } from '../../../platform/clock.ts';
import { auditRowsOf, type County, setupOrganisationTest } from '../../organisation/organisation.test-support.ts';
import { type InsertedMember, insertMember } from '../members.test-support.ts';
import { MEMBERS, readExport } from './roster.test-support.ts';

const REQUESTS = '/api/v1/member-export-requests';

describe('PI-4 unmasked export approvals', () => {
  let t: TestApp;
  let county: County;
  let secretaryA: Session;
  let jinbiAdmin: Session;
  let longquanAdmin: Session;
  let countyAdmin: Session;
  let member: InsertedMember;

  beforeAll(async () => {
    ({ t, county, secretaryA, jinbiAdmin, longquanAdmin, countyAdmin } = await setupOrganisationTest(
      'secretaryA',
      'jinbiAdmin',
      'longquanAdmin',
      'countyAdmin',
    ));
    member = await insertMember(t.platform, {
      name: '王一',
      residence: county.compoundA,
      branch: county.compoundA.branch,
    });
    await insertMember(t.platform, { name: '刘二', residence: county.compoundB });
  });
  afterAll(() => t.close());

  const request = async (session: Session, filter: Record<string, unknown> = { compoundId: county.compoundA.id }) => {
    const response = await as(t.app, session).post(REQUESTS, { filter, reason: '换届选举需核对名册' });
    expect(response.statusCode).toBe(201);
    return response.json() as { id: string; status: string; abilities: { decide: boolean } };
  };
  const decide = (session: Session, id: string, decision = 'approved') =>
    as(t.app, session).post(`${REQUESTS}/${id}/decision`, { decision, note: '同意' });

  it('answers 401 without a session on every route', async () => {
    const anon = as(t.app, null);
    expect((await anon.post(REQUESTS, { reason: '换届选举需核对名册' })).statusCode).toBe(401);
    expect((await anon.get(REQUESTS)).statusCode).toBe(401);
    expect(
      (await anon.post(`${REQUESTS}/01900000-0000-7000-8000-00000000abcd/decision`, { decision: 'approved' }))
        .statusCode,
    ).toBe(401);
  });

  it('answers 400 for bad bodies and 403 for a filter outside the caller scope', async () => {
    expect((await as(t.app, secretaryA).post(REQUESTS, { reason: '短' })).statusCode).toBe(400);
    expect(
      (await as(t.app, secretaryA).post(REQUESTS, { reason: '换届选举需核对名册', filter: { q: member.phone } }))
        .statusCode,
    ).toBe(400);
    const outside = await as(t.app, secretaryA).post(REQUESTS, {
      reason: '换届选举需核对名册',
      filter: { compoundId: county.compoundB.id },
    });
    expect(outside.statusCode).toBe(403);
    const mine = await request(secretaryA);
    expect(
      (await as(t.app, countyAdmin).post(`${REQUESTS}/${mine.id}/decision`, { decision: 'maybe' })).statusCode,
    ).toBe(400);
  });

  it('lets neither the requester, nor an approver out of scope, nor a role without the permission decide (403)', async () => {
    const own = await request(jinbiAdmin);
    expect(own.abilities.decide).toBe(false);
    const self = await decide(jinbiAdmin, own.id);
    expect(self.statusCode).toBe(403);
    expect(self.json().error.details).toMatchObject({ reason: 'own_request' });
    expect((await decide(longquanAdmin, own.id)).statusCode).toBe(403);
    expect((await decide(secretaryA, own.id)).statusCode).toBe(403);
    const row = await t.platform.db
      .selectFrom('pii_export_request')
      .select('status')
      .where('id', '=', own.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
  });

  it('gives the requester one unmasked export of the approved filter within 24 hours, audited', async () => {
    const asked = await request(secretaryA);
    const listed = await as(t.app, jinbiAdmin).get(REQUESTS);
    expect(listed.json().items.find((r: { id: string }) => r.id === asked.id)?.abilities).toEqual({ decide: true });
    expect((await as(t.app, longquanAdmin).get(REQUESTS)).json().items).toEqual([]);
    const approved = await decide(jinbiAdmin, asked.id);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      decidedByName: expect.any(String),
      expiresAt: '2026-11-28T02:00:00.000Z',
    });
    expect(errorCode(await decide(countyAdmin, asked.id))).toBe('CONFLICT');
    // Only the requester may use it.
    expect((await as(t.app, jinbiAdmin).get(`${MEMBERS}/export?approvalId=${asked.id}`)).statusCode).toBe(403);
    const file = await as(t.app, secretaryA).get(
      `${MEMBERS}/export?approvalId=${asked.id}&compoundId=${county.compoundB.id}`,
    );
    expect(file.statusCode).toBe(200);
    const { rows } = await readExport(file);
    expect(rows[0]?.[0]).toContain('未脱敏');
    expect(rows.slice(2)).toHaveLength(1);
    expect(rows[2]?.slice(3, 5)).toEqual([member.idNumber, member.phone]);
    const again = await as(t.app, secretaryA).get(`${MEMBERS}/export?approvalId=${asked.id}`);
    expect(again.statusCode).toBe(403);
    const audits = await auditRowsOf(t.platform, 'member.export');
    expect(audits.at(-1)?.details).toMatchObject({ masked: false, approvalId: asked.id, rows: 1 });
    expect(JSON.stringify(audits)).not.toContain(member.idNumber);
    const decisions = await auditRowsOf(t.platform, 'member.export_decision', asked.id);
    expect(decisions).toHaveLength(1);
  });

  it('expires an unused approval after 24 hours and refuses a rejected one', async () => {
    const asked = await request(secretaryA);
    await decide(countyAdmin, asked.id);
    t.clock.advance(25 * HOUR_MS);
    // A day later the staff sessions have ended: sign in again.
    secretaryA = await sessionFor(t.platform, secretaryA.userId);
    countyAdmin = await sessionFor(t.platform, countyAdmin.userId);
    expect((await as(t.app, secretaryA).get(`${MEMBERS}/export?approvalId=${asked.id}`)).statusCode).toBe(403);
    const expired = await as(t.app, secretaryA).get(`${REQUESTS}?status=expired`);
    expect(expired.json().items.map((r: { id: string }) => r.id)).toContain(asked.id);
    const rejected = await request(secretaryA);
    expect((await decide(countyAdmin, rejected.id, 'rejected')).json().status).toBe('rejected');
    expect((await as(t.app, secretaryA).get(`${MEMBERS}/export?approvalId=${rejected.id}`)).statusCode).toBe(403);
    const grid = await signInAs(t.platform, 'grid_worker', county.gridA);
    expect((await as(t.app, grid).get(REQUESTS)).statusCode).toBe(403);
  });
});
