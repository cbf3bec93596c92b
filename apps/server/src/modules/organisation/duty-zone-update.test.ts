import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OrgNode, signInAs } from '../../../test/factories.ts';
import { as, errorCode, type Session, type TestApp } from '../../../test/harness.ts';
import {
  auditRowsOf,
  type County,
  createOrganBranches,
  ifMatch,
  setupOrganisationTest,
} from './organisation.test-support.ts';

describe('PATCH /duty-zones/:id', () => {
  let t: TestApp;
  let county: County;
  let countyAdmin: Session;
  let jinbiAdmin: Session;
  let waterAdmin: Session;
  let water: OrgNode;
  let housing: OrgNode;

  beforeAll(async () => {
    ({ t, county, countyAdmin, jinbiAdmin } = await setupOrganisationTest('countyAdmin', 'jinbiAdmin'));
    [water, housing] = await createOrganBranches(t.platform, county, '县水务局机关党支部', '县住建局机关党支部');
    waterAdmin = await signInAs(t.platform, 'committee_admin', water);
  });
  afterAll(() => t.close());

  /** A fresh river zone held by the water bureau, at version 1. */
  async function newZone(): Promise<{ id: string; url: string }> {
    const response = await as(t.app, countyAdmin).post('/api/v1/duty-zones', {
      kind: 'river',
      name: '盘龙江（城区段）',
      description: '河道巡查',
      holderOrgId: water.id,
    });
    expect(response.statusCode).toBe(201);
    const id: string = response.json().id;
    return { id, url: `/api/v1/duty-zones/${id}` };
  }

  const zoneRow = (id: string) =>
    t.platform.db.selectFrom('duty_zone').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('answers 401 without a session', async () => {
    const { url } = await newZone();
    expect((await as(t.app, null).patch(url, { name: '新名' }, ifMatch(1))).statusCode).toBe(401);
  });

  it('refuses a town committee admin editing a county organ zone', async () => {
    const { id, url } = await newZone();
    const response = await as(t.app, jinbiAdmin).patch(url, { name: '新名' }, ifMatch(1));
    expect(response.statusCode).toBe(403);
    expect((await zoneRow(id)).name).toBe('盘龙江（城区段）');
  });

  it('refuses the holder handing its zone to an organ outside its own scope', async () => {
    const { id, url } = await newZone();
    const response = await as(t.app, waterAdmin).patch(url, { holderOrgId: housing.id }, ifMatch(1));
    expect(response.statusCode).toBe(403);
    expect((await zoneRow(id)).holder_org_id).toBe(water.id);
  });

  it('answers 400 for a bad kind, an empty name, an unknown field and a holder that is not an organ', async () => {
    const { id, url } = await newZone();
    const patch = (body: unknown) => as(t.app, countyAdmin).patch(url, body, ifMatch(1));
    expect((await patch({ kind: 'lake' })).statusCode).toBe(400);
    expect((await patch({ name: '  ' })).statusCode).toBe(400);
    expect((await patch({ path: '/' })).statusCode).toBe(400);
    const notOrgan = await patch({ holderOrgId: county.community.id });
    expect(notOrgan.statusCode).toBe(400);
    expect(notOrgan.json().error.details.issues[0]).toEqual({ path: 'body.holderOrgId', message: 'holderNotOrgan' });
    expect((await zoneRow(id)).version).toBe(1);
  });

  it('answers 428 without If-Match', async () => {
    const { url } = await newZone();
    const response = await as(t.app, countyAdmin).patch(url, { name: '新名' });
    expect(response.statusCode).toBe(428);
    expect(errorCode(response)).toBe('VERSION_REQUIRED');
  });

  it('answers 412 to the second of two editors who read the same version, keeping the first one’s edit', async () => {
    const { id, url } = await newZone();
    expect((await as(t.app, countyAdmin).patch(url, { name: '甲的名字' }, ifMatch(1))).statusCode).toBe(200);
    const stale = await as(t.app, waterAdmin).patch(url, { name: '乙的名字' }, ifMatch(1));
    expect(stale.statusCode).toBe(412);
    expect(errorCode(stale)).toBe('VERSION_STALE');
    expect(await zoneRow(id)).toMatchObject({ name: '甲的名字', version: 2 });
  });

  it('hands a zone to another organ with its path, audited, and the old holder loses sight of it', async () => {
    const { id, url } = await newZone();
    const response = await as(t.app, countyAdmin).patch(
      url,
      { kind: 'street', name: '北京路（1号路段）', description: '', holderOrgId: housing.id },
      ifMatch(1),
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"v2"');
    expect(response.json()).toMatchObject({
      kind: 'street',
      name: '北京路（1号路段）',
      description: null,
      holderOrgId: housing.id,
      holderOrgName: '县住建局机关党支部',
      version: 2,
      abilities: { update: true },
    });
    expect(await zoneRow(id)).toMatchObject({
      kind: 'street',
      description: null,
      holder_org_id: housing.id,
      path: `${housing.path}${id}/`,
      version: 2,
    });
    const audit = await auditRowsOf(t.platform, 'duty_zone.update', id);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toEqual({
      fields: ['kind', 'name', 'description', 'holderOrgId'],
      holderOrgId: housing.id,
      fromHolderOrgId: water.id,
    });
    expect((await as(t.app, waterAdmin).get(url)).statusCode).toBe(403);
    const housingAdmin = await signInAs(t.platform, 'committee_admin', housing);
    expect((await as(t.app, housingAdmin).get(url)).statusCode).toBe(200);
  });

  it('tells a read-only county role it may not edit the zone, and the county admin that it may', async () => {
    const { url } = await newZone();
    const reader = await signInAs(t.platform, 'sys_admin', county.county);
    const read = await as(t.app, reader).get(url);
    expect(read.statusCode).toBe(200);
    expect(read.json().abilities).toEqual({ update: false });
    expect((await as(t.app, reader).patch(url, { name: '新名' }, ifMatch(1))).statusCode).toBe(403);
    expect((await as(t.app, countyAdmin).get(url)).json().abilities).toEqual({ update: true });
    expect((await as(t.app, waterAdmin).get(url)).json().abilities).toEqual({ update: true });
  });
});
