import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OrgNode, signInAs } from '../../../../test/factories.ts';
import { as, errorCode, type Session, type TestApp } from '../../../../test/harness.ts';
import {
  auditRowsOf,
  type County,
  createOrganBranches,
  setupOrganisationTest,
} from '../../organisation/organisation.test-support.ts';
import { insertMember } from '../members.test-support.ts';
import { insertReportIn } from './report-in.test-support.ts';

const URL = '/api/v1/org-report-ins';

describe('organisation report-ins (组织双报到)', () => {
  let t: TestApp;
  let county: County;
  let secretaryA: Session;
  let longquanAdmin: Session;
  let organ: OrgNode;
  let otherOrgan: OrgNode;
  let organSubmitter: Session;
  let otherSubmitter: Session;

  beforeAll(async () => {
    ({ t, county, secretaryA, longquanAdmin } = await setupOrganisationTest('secretaryA', 'longquanAdmin'));
    [organ, otherOrgan] = await createOrganBranches(t.platform, county, '县财政局机关党支部', '县教育局机关党支部');
    organSubmitter = await signInAs(t.platform, 'committee_admin', organ);
    otherSubmitter = await signInAs(t.platform, 'committee_admin', otherOrgan);
  });
  afterAll(() => t.close());

  const body = (extra: Record<string, unknown> = {}) => ({
    reportingOrgId: organ.id,
    targetKind: 'compound',
    targetId: county.compoundA.id,
    contactName: '李主任',
    contactPhone: '13712345678',
    resources: '法律咨询、义诊',
    reportedOn: '2026-03-01',
    ...extra,
  });

  it('answers 401 without a session on every route', async () => {
    const anon = as(t.app, null);
    expect((await anon.get(URL)).statusCode).toBe(401);
    expect((await anon.post(URL, body())).statusCode).toBe(401);
    expect((await anon.get(`${URL}/${organ.id}`)).statusCode).toBe(401);
    expect((await anon.post(`${URL}/${organ.id}/receive`)).statusCode).toBe(401);
  });

  it('answers 400 for bad input: phone, date, target kind, unknown field, non-uuid id', async () => {
    const post = (b: unknown) => as(t.app, organSubmitter).post(URL, b);
    expect((await post(body({ contactPhone: '12345' }))).statusCode).toBe(400);
    expect((await post(body({ reportedOn: '2026-13-01' }))).statusCode).toBe(400);
    expect((await post(body({ targetKind: 'grid' }))).statusCode).toBe(400);
    expect((await post(body({ path: '/' }))).statusCode).toBe(400);
    expect((await as(t.app, organSubmitter).get(`${URL}/x`)).statusCode).toBe(400);
  });

  it('refuses a reporting org that is not an organ, and an organ as the community target', async () => {
    const notOrgan = await as(t.app, longquanAdmin).post(URL, body({ reportingOrgId: county.otherCommittee.id }));
    expect(notOrgan.statusCode).toBe(400);
    const organTarget = await as(t.app, organSubmitter).post(
      URL,
      body({ targetKind: 'community', targetId: otherOrgan.id }),
    );
    expect(organTarget.statusCode).toBe(400);
  });

  it('answers 403 when the caller cannot submit for the reporting org', async () => {
    expect((await as(t.app, otherSubmitter).post(URL, body())).statusCode).toBe(403);
    expect((await as(t.app, secretaryA).post(URL, body())).statusCode).toBe(403);
  });

  it('answers 404 for an unknown target', async () => {
    const response = await as(t.app, organSubmitter).post(
      URL,
      body({ targetId: '01900000-0000-7000-8000-000000000000' }),
    );
    expect(response.statusCode).toBe(404);
  });

  let reportId = '';

  it('files a 报到单 at the compound path with an encrypted, masked phone, and audits it', async () => {
    const response = await as(t.app, organSubmitter).post(URL, body());
    expect(response.statusCode).toBe(201);
    const report = response.json();
    reportId = report.id;
    expect(report).toMatchObject({
      reportingOrgName: '县财政局机关党支部',
      targetKind: 'compound',
      targetName: '金碧花园',
      contactPhoneMasked: '137****5678',
      status: 'submitted',
      receiptNo: null,
      abilities: { receive: false },
    });
    const row = await t.platform.db
      .selectFrom('org_report_in')
      .selectAll()
      .where('id', '=', reportId)
      .executeTakeFirstOrThrow();
    expect(row.path).toBe(county.compoundA.path);
    expect(row.reporting_path).toBe(organ.path);
    expect(row.contact_phone_cipher).not.toContain('13712345678');
    const audits = await auditRowsOf(t.platform, 'org_report_in.submit', reportId);
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0]?.details)).not.toContain('13712345678');
  });

  it('refuses a second open 报到单 to the same target with 409', async () => {
    const again = await as(t.app, organSubmitter).post(URL, body());
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe('CONFLICT');
  });

  it('accepts a community Party organisation as target', async () => {
    const response = await as(t.app, organSubmitter).post(
      URL,
      body({ targetKind: 'community', targetId: county.otherCommunity.id }),
    );
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ targetName: '龙泉社区党总支', targetKind: 'community' });
  });

  it('lists to the target side and the reporting side, and to nobody else', async () => {
    const ids = async (s: Session) => ((await as(t.app, s).get(URL)).json().items as { id: string }[]).map((r) => r.id);
    expect(await ids(secretaryA)).toEqual([reportId]);
    expect(await ids(organSubmitter)).toHaveLength(2);
    expect(await ids(otherSubmitter)).toEqual([]);
    expect((await as(t.app, secretaryA).get(`${URL}/${reportId}`)).json().abilities).toEqual({ receive: true });
    expect((await as(t.app, otherSubmitter).get(`${URL}/${reportId}`)).statusCode).toBe(403);
    const member = await signInAs(t.platform, 'member', county.compoundA);
    expect((await as(t.app, member).get(URL)).statusCode).toBe(403);
  });

  it('pages the list with a cursor', async () => {
    const first = (await as(t.app, organSubmitter).get(`${URL}?limit=1`)).json();
    expect(first.items).toHaveLength(1);
    const second = (await as(t.app, organSubmitter).get(`${URL}?limit=1&cursor=${first.nextCursor}`)).json();
    expect(second.items).toHaveLength(1);
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect(second.nextCursor).toBeNull();
    expect((await as(t.app, organSubmitter).get(`${URL}?cursor=bogus`)).statusCode).toBe(400);
  });

  it('lets only the target receive, issuing a BD receipt number once (second receive 409)', async () => {
    // A receipt issued outside this counter (imported or seeded): numbering continues above it.
    const seeded = await insertMember(t.platform, { residence: county.compoundA });
    await insertReportIn(t.platform, {
      memberId: seeded.id,
      compound: county.compoundA,
      status: 'confirmed',
      receiptNo: 'BD-2026-000041',
    });
    expect((await as(t.app, organSubmitter).post(`${URL}/${reportId}/receive`)).statusCode).toBe(403);
    expect((await as(t.app, longquanAdmin).post(`${URL}/${reportId}/receive`)).statusCode).toBe(403);
    const received = await as(t.app, secretaryA).post(`${URL}/${reportId}/receive`);
    expect(received.statusCode).toBe(200);
    expect(received.json()).toMatchObject({ status: 'received', abilities: { receive: false } });
    expect(received.json().receiptNo).toBe('BD-2026-000042');
    const twice = await as(t.app, secretaryA).post(`${URL}/${reportId}/receive`);
    expect(twice.statusCode).toBe(409);
    const audits = await auditRowsOf(t.platform, 'org_report_in.receive', reportId);
    expect(audits.map((a) => a.details?.receiptNo)).toEqual([received.json().receiptNo]);
    expect((await as(t.app, secretaryA).post(`${URL}/01900000-0000-7000-8000-000000000000/receive`)).statusCode).toBe(
      404,
    );
  });
});
