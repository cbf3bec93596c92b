import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounty, createUser, type OrgNode, sessionFor, signInAs } from '../../../test/factories.ts';
import { as, createTestApp, errorCode, type TestApp } from '../../../test/harness.ts';
import { auditRows } from '../../platform/auth/auth-test-kit.ts';
import { isoNow } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';

describe('resident claims', () => {
  let t: TestApp;
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let phoneSeq = 0;

  beforeAll(async () => {
    t = await createTestApp();
    county = await buildCounty(t.platform);
  });
  afterAll(() => t.close());

  /** A registered resident's pending claim on a household in `compound`. */
  const createClaim = async (compound: OrgNode, room = '101') => {
    phoneSeq += 1;
    const phone = `136${String(phoneSeq).padStart(8, '0')}`;
    const user = await createUser(t.platform, { phone, displayName: `居民${phoneSeq}` });
    const id = newId();
    await t.platform.db
      .insertInto('resident_claim')
      .values({
        id,
        user_id: user.id,
        compound_id: compound.id,
        path: compound.path,
        building: '1栋',
        unit: null,
        room,
        status: 'pending',
        decided_by: null,
        decided_at: null,
        created_at: isoNow(t.platform.clock),
      })
      .execute();
    return { id, userId: user.id, phone };
  };

  describe('GET /resident-claims', () => {
    it('answers 401 without a session', async () => {
      const response = await as(t.app, null).get('/api/v1/resident-claims');
      expect(response.statusCode).toBe(401);
    });

    it('answers 403 to a role without compound.write', async () => {
      const committee = await signInAs(t.platform, 'branch_committee', county.compoundA);
      expect((await as(t.app, committee).get('/api/v1/resident-claims')).statusCode).toBe(403);
    });

    it('answers 400 for an unknown status or a bad cursor', async () => {
      const secretary = await signInAs(t.platform, 'branch_secretary', county.compoundA);
      expect((await as(t.app, secretary).get('/api/v1/resident-claims?status=maybe')).statusCode).toBe(400);
      expect((await as(t.app, secretary).get('/api/v1/resident-claims?cursor=%%%')).statusCode).toBe(400);
    });

    it('lists only claims in scope, newest first, phones masked, page by page', async () => {
      const first = await createClaim(county.compoundA, '101');
      const second = await createClaim(county.compoundA, '102');
      const third = await createClaim(county.compoundA, '103');
      const elsewhere = await createClaim(county.compoundB);
      const secretary = await signInAs(t.platform, 'branch_secretary', county.compoundA);
      const page1 = await as(t.app, secretary).get(`/api/v1/resident-claims?compoundId=${county.compoundA.id}&limit=2`);
      expect(page1.statusCode).toBe(200);
      const body1 = page1.json();
      expect(body1.items.map((c: { id: string }) => c.id)).toEqual([third.id, second.id]);
      expect(body1.items[0]).toEqual({
        id: third.id,
        displayName: expect.any(String),
        phoneMasked: `${third.phone.slice(0, 3)}****${third.phone.slice(-4)}`,
        compoundId: county.compoundA.id,
        compoundName: '金碧花园',
        address: '1栋 103',
        status: 'pending',
        createdAt: expect.any(String),
      });
      expect(page1.body).not.toContain(third.phone);
      const page2 = await as(t.app, secretary).get(
        `/api/v1/resident-claims?compoundId=${county.compoundA.id}&limit=2&cursor=${body1.nextCursor}`,
      );
      expect(page2.json().items.map((c: { id: string }) => c.id)).toEqual([first.id]);
      expect(page2.json().nextCursor).toBeNull();

      const all = await as(t.app, secretary).get('/api/v1/resident-claims?limit=200');
      expect(all.json().items.map((c: { id: string }) => c.id)).not.toContain(elsewhere.id);
      const countyAdmin = await signInAs(t.platform, 'county_admin', county.county);
      const wide = await as(t.app, countyAdmin).get('/api/v1/resident-claims?limit=200&status=pending');
      expect(wide.json().items.map((c: { id: string }) => c.id)).toContain(elsewhere.id);
    });
  });

  describe('POST /resident-claims/:id/decision', () => {
    const decide = (session: Awaited<ReturnType<typeof signInAs>> | null, id: string, decision: string) =>
      as(t.app, session).post(`/api/v1/resident-claims/${id}/decision`, { decision });

    it('answers 401 without a session', async () => {
      const claim = await createClaim(county.compoundA);
      expect((await decide(null, claim.id, 'confirmed')).statusCode).toBe(401);
    });

    it('answers 403 for a claim outside the caller’s compounds', async () => {
      const claim = await createClaim(county.compoundB);
      const secretary = await signInAs(t.platform, 'branch_secretary', county.compoundA);
      const response = await decide(secretary, claim.id, 'confirmed');
      expect(response.statusCode).toBe(403);
      const row = await t.platform.db
        .selectFrom('resident_claim')
        .select('status')
        .where('id', '=', claim.id)
        .executeTakeFirst();
      expect(row?.status).toBe('pending');
    });

    it('answers 400 for an unknown decision and 404 for an unknown claim', async () => {
      const secretary = await signInAs(t.platform, 'branch_secretary', county.compoundA);
      const claim = await createClaim(county.compoundA);
      expect((await decide(secretary, claim.id, 'maybe')).statusCode).toBe(400);
      expect((await decide(secretary, newId(), 'confirmed')).statusCode).toBe(404);
    });

    it('confirms: the user becomes a resident of the compound at once, audited; a second decision is 409', async () => {
      const claim = await createClaim(county.compoundA);
      const residentSession = await sessionFor(t.platform, claim.userId);
      expect((await as(t.app, residentSession).get('/api/v1/auth/me')).json().roles).toEqual([]);

      const secretary = await signInAs(t.platform, 'branch_secretary', county.compoundA);
      const response = await decide(secretary, claim.id, 'confirmed');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ id: claim.id, status: 'confirmed' });
      const assignment = await t.platform.db
        .selectFrom('role_assignment')
        .selectAll()
        .where('user_id', '=', claim.userId)
        .executeTakeFirstOrThrow();
      expect(assignment).toMatchObject({
        role: 'resident',
        scope_kind: 'compound',
        scope_id: county.compoundA.id,
        scope_path: county.compoundA.path,
        created_by: secretary.userId,
      });
      const roles = (await as(t.app, residentSession).get('/api/v1/auth/me')).json().roles;
      expect(roles).toEqual([expect.objectContaining({ role: 'resident', scopeName: '金碧花园' })]);
      const audits = (await auditRows(t, 'resident_claim.decide')).filter((r) => r.object_id === claim.id);
      expect(audits).toHaveLength(1);
      expect(JSON.parse(audits[0]?.details ?? '{}')).toMatchObject({ decision: 'confirmed', roleGranted: true });
      // The account is now on the household register at the claimed address, so it can rate services there.
      const resident = await t.platform.db
        .selectFrom('resident')
        .innerJoin('household', 'household.id', 'resident.household_id')
        .select(['household.compound_id', 'household.building', 'household.room', 'resident.relation'])
        .where('resident.user_id', '=', claim.userId)
        .executeTakeFirstOrThrow();
      expect(resident).toMatchObject({ compound_id: county.compoundA.id, relation: 'other' });

      const again = await decide(secretary, claim.id, 'rejected');
      expect(again.statusCode).toBe(409);
      expect(errorCode(again)).toBe('CONFLICT');
    });

    it('rejects: the claim closes and no role is granted', async () => {
      const claim = await createClaim(county.compoundA);
      const committee = await signInAs(t.platform, 'committee_admin', county.committee);
      const response = await decide(committee, claim.id, 'rejected');
      expect(response.json().status).toBe('rejected');
      const roles = await t.platform.db
        .selectFrom('role_assignment')
        .select('id')
        .where('user_id', '=', claim.userId)
        .execute();
      expect(roles).toHaveLength(0);
      const residents = await t.platform.db
        .selectFrom('resident')
        .select('id')
        .where('user_id', '=', claim.userId)
        .execute();
      expect(residents).toHaveLength(0);
      const row = await t.platform.db
        .selectFrom('resident_claim')
        .select(['decided_by', 'decided_at'])
        .where('id', '=', claim.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ decided_by: committee.userId, decided_at: t.clock.now().toISOString() });
    });
  });
});
