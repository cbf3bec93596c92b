import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignRole, createCompound, createUser, sessionFor, signInAs } from '../../../test/factories.ts';
import { as, errorCode, type Session, type TestApp } from '../../../test/harness.ts';
import { auditRowsOf, type County, ifMatch, setupOrganisationTest } from './organisation.test-support.ts';

describe('compounds', () => {
  let t: TestApp;
  let county: County;
  let countyAdmin: Session;
  let jinbiAdmin: Session;
  let longquanAdmin: Session;

  beforeAll(async () => {
    ({ t, county, countyAdmin, jinbiAdmin, longquanAdmin } = await setupOrganisationTest(
      'countyAdmin',
      'jinbiAdmin',
      'longquanAdmin',
    ));
  });
  afterAll(() => t.close());

  const newCompound = (orgId: string, extra: Record<string, unknown> = {}) => ({
    name: '幸福里',
    orgId,
    address: '金碧镇幸福路8号',
    householdCount: 320,
    buildingCount: 12,
    rolloutStage: 'pilot',
    ...extra,
  });

  describe('GET /compounds', () => {
    it('answers 401 without a session', async () => {
      expect((await as(t.app, null).get('/api/v1/compounds')).statusCode).toBe(401);
    });

    it('shows each committee admin only the compounds of their own town', async () => {
      const names = async (s: Session) =>
        (await as(t.app, s).get('/api/v1/compounds')).json().items.map((c: { name: string }) => c.name);
      expect(await names(jinbiAdmin)).toEqual(['金碧花园']);
      expect(await names(longquanAdmin)).toEqual(['龙泉苑']);
    });

    it('refuses a role without compound.read', async () => {
      const auditor = await signInAs(t.platform, 'auditor', county.county);
      expect((await as(t.app, auditor).get('/api/v1/compounds')).statusCode).toBe(403);
    });

    it('answers 400 for a bad stage, limit or cursor', async () => {
      for (const query of ['rolloutStage=soon', 'limit=0', 'sort=size', 'cursor=not-a-cursor']) {
        const response = await as(t.app, countyAdmin).get(`/api/v1/compounds?${query}`);
        expect(response.statusCode, query).toBe(400);
        expect(errorCode(response)).toBe('VALIDATION_FAILED');
      }
    });

    it('filters by text, org subtree, stage and branch', async () => {
      const names = async (query: string) =>
        (await as(t.app, countyAdmin).get(`/api/v1/compounds?${query}`))
          .json()
          .items.map((c: { name: string }) => c.name);
      expect(await names(`q=${encodeURIComponent('金碧')}`)).toEqual(['金碧花园']);
      expect(await names(`orgId=${county.otherCommittee.id}`)).toEqual(['龙泉苑']);
      expect(await names('hasBranch=true')).toEqual(['金碧花园']);
      expect(await names('hasBranch=false')).toEqual(['龙泉苑']);
      expect(await names('rolloutStage=pilot')).toEqual([]);
    });
  });

  describe('GET /compounds/:id', () => {
    it('answers 401 without a session', async () => {
      expect((await as(t.app, null).get(`/api/v1/compounds/${county.compoundA.id}`)).statusCode).toBe(401);
    });

    it('refuses a committee admin of 龙泉镇 reading a compound of 金碧镇', async () => {
      const response = await as(t.app, longquanAdmin).get(`/api/v1/compounds/${county.compoundA.id}`);
      expect(response.statusCode).toBe(403);
    });

    it('answers 400 for a malformed id and 404 for an unknown one', async () => {
      expect((await as(t.app, countyAdmin).get('/api/v1/compounds/abc')).statusCode).toBe(400);
      const unknown = await as(t.app, countyAdmin).get('/api/v1/compounds/01900000-0000-7000-8000-000000000000');
      expect(unknown.statusCode).toBe(404);
    });

    it('shows the compound with its branch, town, counts and an ETag', async () => {
      const response = await as(t.app, jinbiAdmin).get(`/api/v1/compounds/${county.compoundA.id}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers.etag).toBe('"v1"');
      expect(response.json()).toMatchObject({
        name: '金碧花园',
        orgName: '金碧社区党总支',
        townName: '金碧镇党委',
        branchOrgId: county.compoundA.branch?.id,
        gridCount: 1,
        venueCount: 0,
        parties: [{ kind: 'branch', orgId: county.compoundA.branch?.id }],
      });
    });

    it('gives a county admin every ability and a grid worker who lives there none', async () => {
      const admin = (await as(t.app, countyAdmin).get(`/api/v1/compounds/${county.compoundA.id}`)).json();
      expect(admin.abilities).toEqual({ update: true, editParties: true, createGrid: true, createVenue: true });
      const user = await createUser(t.platform);
      await assignRole(t.platform, user.id, 'grid_worker', county.gridA);
      await assignRole(t.platform, user.id, 'member', county.compoundA);
      const worker = await sessionFor(t.platform, user.id);
      const asWorker = (await as(t.app, worker).get(`/api/v1/compounds/${county.compoundA.id}`)).json();
      expect(asWorker.abilities).toEqual({ update: false, editParties: false, createGrid: false, createVenue: false });
    });
  });

  describe('POST /compounds', () => {
    it('answers 401 without a session', async () => {
      expect((await as(t.app, null).post('/api/v1/compounds', newCompound(county.community.id))).statusCode).toBe(401);
    });

    it('refuses a committee admin of 龙泉镇 creating a compound in 金碧镇', async () => {
      const response = await as(t.app, longquanAdmin).post('/api/v1/compounds', newCompound(county.community.id));
      expect(response.statusCode).toBe(403);
    });

    it('answers 400 for missing fields, a bad phone and a party kind given twice', async () => {
      const missing = await as(t.app, countyAdmin).post('/api/v1/compounds', { name: '缺字段' });
      expect(missing.statusCode).toBe(400);
      const badPhone = await as(t.app, countyAdmin).post(
        '/api/v1/compounds',
        newCompound(county.community.id, {
          parties: [
            { kind: 'owners_committee', name: '业委会', people: [{ name: '王五', position: '主任', phone: '123' }] },
          ],
        }),
      );
      expect(badPhone.statusCode).toBe(400);
      const twice = await as(t.app, countyAdmin).post(
        '/api/v1/compounds',
        newCompound(county.community.id, {
          parties: [
            { kind: 'owners_committee', name: '业委会甲' },
            { kind: 'owners_committee', name: '业委会乙' },
          ],
        }),
      );
      expect(twice.statusCode).toBe(400);
      expect(twice.json().error.details.issues[0].message).toBe('duplicatePartyKind');
    });

    it('creates the compound with its parties, its branch node, encrypted phones and audit rows', async () => {
      const response = await as(t.app, jinbiAdmin).post(
        '/api/v1/compounds',
        newCompound(county.community.id, {
          location: { lng: 102.71, lat: 25.04 },
          parties: [
            {
              kind: 'branch',
              name: '幸福里党支部',
              people: [{ name: '李红', position: '书记', phone: '13912345678' }],
            },
            { kind: 'owners_committee', name: '幸福里业委会', people: [{ name: '李 红', position: '主任' }] },
            { kind: 'property_company', name: '安居物业', people: [] },
          ],
        }),
      );
      expect(response.statusCode).toBe(201);
      const created = response.json();
      expect(created.location).toEqual({ lng: 102.71, lat: 25.04 });
      expect(created.parties.map((p: { kind: string }) => p.kind)).toEqual([
        'branch',
        'owners_committee',
        'property_company',
      ]);
      expect(created.parties[0].people[0]).toMatchObject({ phoneMasked: '139****5678', alsoIn: ['owners_committee'] });
      expect(created.parties[1].people[0].alsoIn).toEqual(['branch']);
      expect(JSON.stringify(created)).not.toContain('13912345678');

      const db = t.platform.db;
      const compound = await db
        .selectFrom('compound')
        .selectAll()
        .where('id', '=', created.id)
        .executeTakeFirstOrThrow();
      expect(compound.path).toBe(`${county.community.path}${created.id}/`);
      const branch = await db
        .selectFrom('org_unit')
        .selectAll()
        .where('id', '=', created.branchOrgId)
        .executeTakeFirstOrThrow();
      expect(branch).toMatchObject({
        kind: 'branch',
        sector: 'compound',
        compound_id: created.id,
        parent_id: county.community.id,
        path: `${compound.path}${branch.id}/`,
      });
      const person = await db
        .selectFrom('party_person')
        .selectAll()
        .where('name', '=', '李红')
        .executeTakeFirstOrThrow();
      expect(person.phone_cipher).not.toContain('13912345678');
      expect(t.platform.cipher.decrypt(person.phone_cipher ?? '')).toBe('13912345678');
      const audit = await auditRowsOf(t.platform, 'compound.create', created.id);
      expect(audit[0]?.details).toMatchObject({ orgId: county.community.id, branchOrgId: created.branchOrgId });
      expect(audit[0]?.details ? JSON.stringify(audit[0].details) : '').not.toContain('1391234');
      expect(await auditRowsOf(t.platform, 'org.create', created.branchOrgId)).toHaveLength(1);
    });
  });

  describe('PATCH /compounds/:id', () => {
    it('answers 401 without a session', async () => {
      const response = await as(t.app, null).patch(
        `/api/v1/compounds/${county.compoundA.id}`,
        { name: 'x' },
        ifMatch(1),
      );
      expect(response.statusCode).toBe(401);
    });

    it('refuses a committee admin of 龙泉镇 editing a compound of 金碧镇', async () => {
      const response = await as(t.app, longquanAdmin).patch(
        `/api/v1/compounds/${county.compoundA.id}`,
        { name: '改名' },
        ifMatch(1),
      );
      expect(response.statusCode).toBe(403);
    });

    it('answers 400 for a negative household count or a field that cannot be edited here', async () => {
      const url = `/api/v1/compounds/${county.compoundA.id}`;
      expect((await as(t.app, countyAdmin).patch(url, { householdCount: -1 }, ifMatch(1))).statusCode).toBe(400);
      expect(
        (await as(t.app, countyAdmin).patch(url, { orgId: county.otherCommunity.id }, ifMatch(1))).statusCode,
      ).toBe(400);
    });

    it('lets the branch secretary edit their compound at the version read, refusing a stale one', async () => {
      const compound = await createCompound(t.platform, county.community, { name: '编辑小区' });
      const secretary = await signInAs(t.platform, 'branch_secretary', compound);
      const url = `/api/v1/compounds/${compound.id}`;
      expect((await as(t.app, secretary).patch(url, { rolloutStage: 'validation' })).statusCode).toBe(428);
      const saved = await as(t.app, secretary).patch(
        url,
        { rolloutStage: 'validation', householdCount: 450 },
        ifMatch(1),
      );
      expect(saved.statusCode).toBe(200);
      expect(saved.headers.etag).toBe('"v2"');
      expect(saved.json()).toMatchObject({ rolloutStage: 'validation', householdCount: 450, version: 2 });
      const stale = await as(t.app, jinbiAdmin).patch(url, { householdCount: 1 }, ifMatch(1));
      expect(stale.statusCode).toBe(412);
      const row = await t.platform.db
        .selectFrom('compound')
        .selectAll()
        .where('id', '=', compound.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ household_count: 450, rollout_stage: 'validation', version: 2 });
      expect(await auditRowsOf(t.platform, 'compound.update', compound.id)).toHaveLength(1);
    });

    it('clears the map point with location: null, and refuses a half location', async () => {
      const compound = await createCompound(t.platform, county.community, { name: '定位小区' });
      const url = `/api/v1/compounds/${compound.id}`;
      const placed = await as(t.app, jinbiAdmin).patch(url, { location: { lng: 102.71, lat: 25.04 } }, ifMatch(1));
      expect(placed.json().location).toEqual({ lng: 102.71, lat: 25.04 });
      expect((await as(t.app, jinbiAdmin).patch(url, { location: { lng: 102.71 } }, ifMatch(2))).statusCode).toBe(400);
      const cleared = await as(t.app, jinbiAdmin).patch(url, { location: null }, ifMatch(2));
      expect(cleared.statusCode).toBe(200);
      expect(cleared.json()).toMatchObject({ location: null, version: 3 });
      const row = await t.platform.db
        .selectFrom('compound')
        .select(['lng', 'lat', 'name'])
        .where('id', '=', compound.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ lng: null, lat: null, name: '定位小区' });
      const audit = await auditRowsOf(t.platform, 'compound.update', compound.id);
      expect(audit.map((a) => a.details?.fields)).toEqual([['location'], ['location']]);
    });
  });
});
