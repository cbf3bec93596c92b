import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompound, type OrgNode } from '../../../test/factories.ts';
import { as, errorCode, type Session, type TestApp } from '../../../test/harness.ts';
import { auditRowsOf, type County, ifMatch, setupOrganisationTest } from './organisation.test-support.ts';

describe('PATCH /partner-units/:id', () => {
  let t: TestApp;
  let county: County;
  let countyAdmin: Session;
  let jinbiAdmin: Session;
  let longquanAdmin: Session;
  let secretaryA: Session;
  let compoundA2: OrgNode;

  beforeAll(async () => {
    ({ t, county, countyAdmin, jinbiAdmin, longquanAdmin, secretaryA } = await setupOrganisationTest(
      'countyAdmin',
      'jinbiAdmin',
      'longquanAdmin',
      'secretaryA',
    ));
    compoundA2 = await createCompound(t.platform, county.community, { name: '金碧二区' });
  });
  afterAll(() => t.close());

  /** A fresh unit registered by 金碧镇党委, linked to the given compounds, at version 1. */
  async function newUnit(compoundIds: string[] = [county.compoundA.id]): Promise<{ id: string; url: string }> {
    const response = await as(t.app, countyAdmin).post('/api/v1/partner-units', {
      name: '县供电公司',
      contactName: '吴主任',
      contactPhone: '13611112222',
      resources: '场地共享',
      compoundIds,
      orgId: county.committee.id,
    });
    expect(response.statusCode).toBe(201);
    const id: string = response.json().id;
    return { id, url: `/api/v1/partner-units/${id}` };
  }

  const unitRow = (id: string) =>
    t.platform.db.selectFrom('partner_unit').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const linkedIds = async (id: string) =>
    (
      await t.platform.db
        .selectFrom('partner_unit_compound')
        .select('compound_id')
        .where('partner_unit_id', '=', id)
        .execute()
    )
      .map((l) => l.compound_id)
      .sort();

  it('answers 401 without a session', async () => {
    const { url } = await newUnit();
    expect((await as(t.app, null).patch(url, { name: '新名' }, ifMatch(1))).statusCode).toBe(401);
  });

  it('refuses a committee admin of 龙泉镇, and the branch secretary who only reads the unit', async () => {
    const { id, url } = await newUnit();
    expect((await as(t.app, longquanAdmin).patch(url, { name: '新名' }, ifMatch(1))).statusCode).toBe(403);
    expect((await as(t.app, secretaryA).patch(url, { name: '新名' }, ifMatch(1))).statusCode).toBe(403);
    expect((await unitRow(id)).name).toBe('县供电公司');
  });

  it('refuses linking a compound outside the caller scope, and unlinking one', async () => {
    const { id, url } = await newUnit([county.compoundA.id, county.compoundB.id]);
    const link = await as(t.app, jinbiAdmin).patch(
      url,
      { compoundIds: [county.compoundA.id, compoundA2.id] },
      ifMatch(1),
    );
    expect(link.statusCode).toBe(403);
    expect(await linkedIds(id)).toEqual([county.compoundA.id, county.compoundB.id].sort());

    // The 龙泉镇 link the caller leaves alone stays; the 金碧镇 links they change are theirs to change.
    const keep = await as(t.app, jinbiAdmin).patch(
      url,
      { compoundIds: [county.compoundB.id, compoundA2.id] },
      ifMatch(1),
    );
    expect(keep.statusCode).toBe(200);
    expect(await linkedIds(id)).toEqual([county.compoundB.id, compoundA2.id].sort());
  });

  it('answers 400 for a bad phone, a blank name and a change of the registering org, 404 for an unknown compound', async () => {
    const { id, url } = await newUnit();
    const patch = (body: unknown) => as(t.app, jinbiAdmin).patch(url, body, ifMatch(1));
    expect((await patch({ contactPhone: '021-1234' })).statusCode).toBe(400);
    expect((await patch({ name: '' })).statusCode).toBe(400);
    expect((await patch({ orgId: county.otherCommittee.id })).statusCode).toBe(400);
    const unknown = await patch({ compoundIds: ['01900000-0000-7000-8000-000000000000'] });
    expect(unknown.statusCode).toBe(404);
    expect(await unitRow(id)).toMatchObject({ version: 1, org_id: county.committee.id });
    expect(await linkedIds(id)).toEqual([county.compoundA.id]);
  });

  it('answers 428 without If-Match', async () => {
    const { url } = await newUnit();
    const response = await as(t.app, jinbiAdmin).patch(url, { name: '新名' });
    expect(response.statusCode).toBe(428);
    expect(errorCode(response)).toBe('VERSION_REQUIRED');
  });

  it('answers 412 to the second of two editors who read the same version, keeping the first one’s edit', async () => {
    const { id, url } = await newUnit();
    const first = await as(t.app, jinbiAdmin).patch(url, { compoundIds: [compoundA2.id] }, ifMatch(1));
    expect(first.statusCode).toBe(200);
    const stale = await as(t.app, countyAdmin).patch(url, { compoundIds: [county.compoundB.id] }, ifMatch(1));
    expect(stale.statusCode).toBe(412);
    expect(errorCode(stale)).toBe('VERSION_STALE');
    expect(await linkedIds(id)).toEqual([compoundA2.id]);
    expect((await unitRow(id)).version).toBe(2);
  });

  it('edits the contact and the links, phone encrypted and masked, audited without the phone', async () => {
    const { id, url } = await newUnit();
    const response = await as(t.app, jinbiAdmin).patch(
      url,
      {
        name: '县供电局',
        contactName: null,
        contactPhone: '13922223333',
        resources: '',
        compoundIds: [compoundA2.id],
      },
      ifMatch(1),
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"v2"');
    expect(response.json()).toEqual({
      id,
      name: '县供电局',
      contactName: null,
      contactPhoneMasked: '139****3333',
      resources: null,
      compoundIds: [compoundA2.id],
      version: 2,
      abilities: { update: true },
    });
    const row = await unitRow(id);
    expect(row).toMatchObject({ name: '县供电局', contact_name: null, resources: null, version: 2 });
    expect(row.contact_phone_cipher).not.toContain('13922223333');
    expect(t.platform.cipher.decrypt(row.contact_phone_cipher ?? '')).toBe('13922223333');
    expect(await linkedIds(id)).toEqual([compoundA2.id]);
    const audit = await auditRowsOf(t.platform, 'partner_unit.update', id);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toEqual({
      fields: ['name', 'contactName', 'contactPhone', 'resources', 'compoundIds'],
      compoundIdsAdded: [compoundA2.id],
      compoundIdsRemoved: [county.compoundA.id],
    });
    expect(JSON.stringify(audit[0])).not.toContain('13922223333');
    // Unlinked from 金碧花园, the unit leaves that compound's view.
    expect((await as(t.app, secretaryA).get(url)).statusCode).toBe(403);
  });

  it('tells the branch secretary of a linked compound they may not edit the unit, and the county admin that they may', async () => {
    const { url } = await newUnit();
    const read = await as(t.app, secretaryA).get(url);
    expect(read.statusCode).toBe(200);
    expect(read.json().abilities).toEqual({ update: false });
    expect((await as(t.app, countyAdmin).get(url)).json().abilities).toEqual({ update: true });
    expect((await as(t.app, jinbiAdmin).get(url)).json().abilities).toEqual({ update: true });
  });
});
