import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompound, signInAs } from '../../../test/factories.ts';
import { as, errorCode, type Session, type TestApp } from '../../../test/harness.ts';
import { auditRowsOf, type County, ifMatch, setupOrganisationTest } from './organisation.test-support.ts';

describe('PUT /compounds/:id/parties/:kind', () => {
  let t: TestApp;
  let county: County;
  let countyAdmin: Session;
  let longquanAdmin: Session;

  beforeAll(async () => {
    ({ t, county, countyAdmin, longquanAdmin } = await setupOrganisationTest('countyAdmin', 'longquanAdmin'));
  });
  afterAll(() => t.close());

  const url = (compoundId: string, kind: string) => `/api/v1/compounds/${compoundId}/parties/${kind}`;
  const owners = {
    name: '金碧花园业主委员会',
    people: [
      { name: '赵六', position: '主任', phone: '13700001111' },
      { name: '钱七', position: '委员' },
    ],
  };

  it('answers 401 without a session', async () => {
    const response = await as(t.app, null).put(url(county.compoundA.id, 'owners_committee'), owners, ifMatch(0));
    expect(response.statusCode).toBe(401);
  });

  it('refuses a committee admin of 龙泉镇 replacing a party of 金碧镇', async () => {
    const response = await as(t.app, longquanAdmin).put(
      url(county.compoundA.id, 'owners_committee'),
      owners,
      ifMatch(0),
    );
    expect(response.statusCode).toBe(403);
  });

  it('answers 400 for an unknown party kind or a missing name, and 428 without If-Match', async () => {
    expect(
      (await as(t.app, countyAdmin).put(url(county.compoundA.id, 'fan_club'), owners, ifMatch(0))).statusCode,
    ).toBe(400);
    const noName = await as(t.app, countyAdmin).put(
      url(county.compoundA.id, 'owners_committee'),
      { people: [] },
      ifMatch(0),
    );
    expect(noName.statusCode).toBe(400);
    const noVersion = await as(t.app, countyAdmin).put(url(county.compoundA.id, 'owners_committee'), owners);
    expect(noVersion.statusCode).toBe(428);
  });

  it('creates a party at v0, replaces its people at the version read and refuses a stale write', async () => {
    const secretary = await signInAs(t.platform, 'branch_secretary', county.compoundA);
    const created = await as(t.app, secretary).put(url(county.compoundA.id, 'owners_committee'), owners, ifMatch(0));
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ kind: 'owners_committee', version: 1 });
    expect(created.json().people.map((p: { phoneMasked: string | null }) => p.phoneMasked)).toEqual([
      '137****1111',
      null,
    ]);

    const againAtZero = await as(t.app, secretary).put(
      url(county.compoundA.id, 'owners_committee'),
      owners,
      ifMatch(0),
    );
    expect(againAtZero.statusCode).toBe(412);

    const replaced = await as(t.app, secretary).put(
      url(county.compoundA.id, 'owners_committee'),
      { name: '金碧花园业委会', people: [{ name: '孙八', position: '主任' }] },
      ifMatch(1),
    );
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({ name: '金碧花园业委会', version: 2, people: [{ name: '孙八' }] });
    const people = await t.platform.db
      .selectFrom('party_person')
      .select('name')
      .where('party_id', '=', replaced.json().id)
      .execute();
    expect(people).toEqual([{ name: '孙八' }]);
    const stale = await as(t.app, countyAdmin).put(url(county.compoundA.id, 'owners_committee'), owners, ifMatch(1));
    expect(stale.statusCode).toBe(412);
    expect(errorCode(stale)).toBe('VERSION_STALE');
    expect(await auditRowsOf(t.platform, 'compound.party.replace', replaced.json().id)).toHaveLength(2);
  });

  it('creates the branch org node when a branch party is first added, and marks cross-appointments', async () => {
    const compound = await createCompound(t.platform, county.otherCommunity, { name: '新苑' });
    const branch = await as(t.app, longquanAdmin).put(
      url(compound.id, 'branch'),
      { name: '新苑党支部', people: [{ name: '周九', position: '书记' }] },
      ifMatch(0),
    );
    expect(branch.statusCode).toBe(200);
    const orgId = branch.json().orgId;
    const node = await t.platform.db
      .selectFrom('org_unit')
      .selectAll()
      .where('id', '=', orgId)
      .executeTakeFirstOrThrow();
    expect(node).toMatchObject({ kind: 'branch', sector: 'compound', compound_id: compound.id, name: '新苑党支部' });
    expect(node.path).toBe(`${compound.path}${orgId}/`);
    expect(await auditRowsOf(t.platform, 'org.create', orgId)).toHaveLength(1);

    await as(t.app, longquanAdmin).put(
      url(compound.id, 'supervisory_committee'),
      { name: '新苑居务监督委员会', people: [{ name: '周 九', position: '主任' }] },
      ifMatch(0),
    );
    const detail = (await as(t.app, longquanAdmin).get(`/api/v1/compounds/${compound.id}`)).json();
    expect(detail.branchOrgId).toBe(orgId);
    expect(
      detail.parties.map((p: { kind: string; people: Array<{ alsoIn: string[] }> }) => [p.kind, p.people[0]?.alsoIn]),
    ).toEqual([
      ['branch', ['supervisory_committee']],
      ['supervisory_committee', ['branch']],
    ]);

    const renamed = await as(t.app, longquanAdmin).put(
      url(compound.id, 'branch'),
      { name: '新苑小区党支部', people: [] },
      ifMatch(1),
    );
    expect(renamed.json().orgId).toBe(orgId);
    const nodes = await t.platform.db
      .selectFrom('org_unit')
      .select('name')
      .where('compound_id', '=', compound.id)
      .execute();
    expect(nodes).toEqual([{ name: '新苑小区党支部' }]);
  });
});
