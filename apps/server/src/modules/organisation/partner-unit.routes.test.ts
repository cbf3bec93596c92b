import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../test/factories.ts';
import { as, type Session, type TestApp } from '../../../test/harness.ts';
import { auditRowsOf, type County, setupOrganisationTest } from './organisation.test-support.ts';

describe('partner units', () => {
  let t: TestApp;
  let county: County;
  let jinbiAdmin: Session;
  let longquanAdmin: Session;

  beforeAll(async () => {
    ({ t, county, jinbiAdmin, longquanAdmin } = await setupOrganisationTest('jinbiAdmin', 'longquanAdmin'));
  });
  afterAll(() => t.close());

  const unit = (compoundIds: string[], extra: Record<string, unknown> = {}) => ({
    name: '县供电公司',
    contactName: '吴主任',
    contactPhone: '13611112222',
    resources: '场地共享、志愿服务',
    compoundIds,
    ...extra,
  });

  it('answers 401 without a session', async () => {
    expect((await as(t.app, null).get('/api/v1/partner-units')).statusCode).toBe(401);
    expect((await as(t.app, null).post('/api/v1/partner-units', unit([]))).statusCode).toBe(401);
  });

  it('answers 401 and 400 on the detail and list routes too', async () => {
    expect((await as(t.app, null).get(`/api/v1/partner-units/${county.compoundA.id}`)).statusCode).toBe(401);
    expect((await as(t.app, jinbiAdmin).get('/api/v1/partner-units/unit-1')).statusCode).toBe(400);
    expect((await as(t.app, jinbiAdmin).get('/api/v1/partner-units?compoundId=x')).statusCode).toBe(400);
  });

  it('answers 404 for an unknown compound to link', async () => {
    const response = await as(t.app, jinbiAdmin).post(
      '/api/v1/partner-units',
      unit(['01900000-0000-7000-8000-000000000000']),
    );
    expect(response.statusCode).toBe(404);
  });

  it('refuses linking a compound outside the caller scope', async () => {
    const response = await as(t.app, longquanAdmin).post('/api/v1/partner-units', unit([county.compoundA.id]));
    expect(response.statusCode).toBe(403);
    const rows = await t.platform.db.selectFrom('partner_unit').select('id').execute();
    expect(rows).toEqual([]);
  });

  it('answers 400 for a bad phone, a missing name and an unknown field', async () => {
    const post = (body: unknown) => as(t.app, jinbiAdmin).post('/api/v1/partner-units', body);
    expect((await post(unit([], { contactPhone: '021-1234' }))).statusCode).toBe(400);
    expect((await post({ compoundIds: [] })).statusCode).toBe(400);
    expect((await post(unit([], { path: '/' }))).statusCode).toBe(400);
  });

  it('registers a unit under the caller org with a masked, encrypted phone, and audits it', async () => {
    const response = await as(t.app, jinbiAdmin).post('/api/v1/partner-units', unit([county.compoundA.id]));
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({ contactPhoneMasked: '136****2222', compoundIds: [county.compoundA.id] });
    const row = await t.platform.db
      .selectFrom('partner_unit')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row.path).toBe(`${county.committee.path}${created.id}/`);
    expect(row.contact_phone_cipher).not.toContain('13611112222');
    const audit = await auditRowsOf(t.platform, 'partner_unit.create', created.id);
    expect(audit[0]?.details).toEqual({
      name: '县供电公司',
      orgId: county.committee.id,
      compoundIds: [county.compoundA.id],
    });

    const secretary = await signInAs(t.platform, 'branch_secretary', county.compoundA);
    const mine = (await as(t.app, secretary).get(`/api/v1/partner-units?compoundId=${county.compoundA.id}`)).json();
    expect(mine.items.map((u: { id: string }) => u.id)).toEqual([created.id]);
    expect((await as(t.app, secretary).get(`/api/v1/partner-units/${created.id}`)).statusCode).toBe(200);
    expect((await as(t.app, longquanAdmin).get(`/api/v1/partner-units/${created.id}`)).statusCode).toBe(403);
    expect((await as(t.app, longquanAdmin).get('/api/v1/partner-units')).json().items).toEqual([]);
  });
});
