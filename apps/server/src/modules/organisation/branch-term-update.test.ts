import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../test/factories.ts';
import { as, errorCode, type Session, type TestApp } from '../../../test/harness.ts';
import { auditRowsOf, type County, ifMatch, setupOrganisationTest } from './organisation.test-support.ts';

describe('PATCH /branch-terms/:id', () => {
  let t: TestApp;
  let county: County;
  let jinbiAdmin: Session;
  let longquanAdmin: Session;

  beforeAll(async () => {
    ({ t, county, jinbiAdmin, longquanAdmin } = await setupOrganisationTest('jinbiAdmin', 'longquanAdmin'));
  });
  afterAll(() => t.close());

  /** A fresh term of 金碧花园's branch, 2024-03-15 to 2029-03-14, at version 1. */
  async function newTerm(): Promise<{ id: string; url: string }> {
    const response = await as(t.app, jinbiAdmin).post('/api/v1/branch-terms', {
      branchOrgId: county.compoundA.branch?.id,
      electedOn: '2024-03-15',
      startsOn: '2024-03-15',
      endsOn: '2029-03-14',
      members: [
        { name: '陈书记', position: 'secretary' },
        { name: '林委员', position: 'organization' },
      ],
    });
    expect(response.statusCode).toBe(201);
    const id: string = response.json().id;
    return { id, url: `/api/v1/branch-terms/${id}` };
  }

  const termRow = (id: string) =>
    t.platform.db.selectFrom('branch_term').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('answers 401 without a session', async () => {
    const { url } = await newTerm();
    expect((await as(t.app, null).patch(url, { endsOn: '2029-03-31' }, ifMatch(1))).statusCode).toBe(401);
  });

  it('refuses a committee admin of 龙泉镇 and the branch secretary, the term unchanged', async () => {
    const { id, url } = await newTerm();
    expect((await as(t.app, longquanAdmin).patch(url, { endsOn: '2029-03-31' }, ifMatch(1))).statusCode).toBe(403);
    const secretary = await signInAs(t.platform, 'branch_secretary', county.compoundA);
    expect((await as(t.app, secretary).patch(url, { endsOn: '2029-03-31' }, ifMatch(1))).statusCode).toBe(403);
    expect(await termRow(id)).toMatchObject({ ends_on: '2029-03-14', version: 1 });
  });

  it('answers 400 for a bad body, two secretaries and dates that cross the stored ones', async () => {
    const { id, url } = await newTerm();
    const patch = (body: unknown) => as(t.app, jinbiAdmin).patch(url, body, ifMatch(1));
    expect((await patch({ endsOn: '2029-02-30' })).statusCode).toBe(400);
    expect((await patch({ branchOrgId: county.community.id })).statusCode).toBe(400);
    expect((await patch({ members: [] })).statusCode).toBe(400);
    const two = await patch({
      members: [
        { name: '甲', position: 'secretary' },
        { name: '乙', position: 'secretary' },
      ],
    });
    expect(two.statusCode).toBe(400);
    expect(two.json().error.details.issues[0].message).toBe('termSecretary');
    const endsBeforeStart = await patch({ endsOn: '2024-01-01' });
    expect(endsBeforeStart.statusCode).toBe(400);
    expect(endsBeforeStart.json().error.details.issues[0]).toEqual({ path: 'body.endsOn', message: 'termDates' });
    const startsAfterEnd = await patch({ startsOn: '2030-01-01' });
    expect(startsAfterEnd.json().error.details.issues[0]).toEqual({ path: 'body.startsOn', message: 'termDates' });
    expect((await patch({ startsOn: '2030-01-01', endsOn: '2029-01-01' })).statusCode).toBe(400);
    expect(await termRow(id)).toMatchObject({ starts_on: '2024-03-15', ends_on: '2029-03-14', version: 1 });
  });

  it('answers 428 without If-Match and 412 on a stale version', async () => {
    const { url } = await newTerm();
    const missing = await as(t.app, jinbiAdmin).patch(url, { endsOn: '2029-03-31' });
    expect(missing.statusCode).toBe(428);
    expect(errorCode(missing)).toBe('VERSION_REQUIRED');
    expect((await as(t.app, jinbiAdmin).patch(url, { endsOn: '2029-03-31' }, ifMatch(1))).statusCode).toBe(200);
    const stale = await as(t.app, jinbiAdmin).patch(url, { endsOn: '2029-04-30' }, ifMatch(1));
    expect(stale.statusCode).toBe(412);
    expect(errorCode(stale)).toBe('VERSION_STALE');
  });

  it('corrects the dates and replaces the members at the version read, audited, with the new ETag', async () => {
    const { id, url } = await newTerm();
    const response = await as(t.app, jinbiAdmin).patch(
      url,
      {
        startsOn: '2024-04-01',
        members: [
          { name: '林委员', position: 'secretary' },
          { name: '王委员', position: 'propaganda' },
          { name: '赵委员', position: 'discipline' },
        ],
      },
      ifMatch(1),
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"v2"');
    const body = response.json();
    expect(body).toMatchObject({
      id,
      electedOn: '2024-03-15',
      startsOn: '2024-04-01',
      endsOn: '2029-03-14',
      version: 2,
      abilities: { update: true },
    });
    expect(body.members.map((m: { name: string; position: string }) => [m.name, m.position])).toEqual([
      ['林委员', 'secretary'],
      ['王委员', 'propaganda'],
      ['赵委员', 'discipline'],
    ]);
    expect(await termRow(id)).toMatchObject({ starts_on: '2024-04-01', ends_on: '2029-03-14', version: 2 });
    const members = await t.platform.db
      .selectFrom('branch_term_member')
      .select(['name', 'position', 'sort_order'])
      .where('term_id', '=', id)
      .orderBy('sort_order')
      .execute();
    expect(members.map((m) => m.name)).toEqual(['林委员', '王委员', '赵委员']);
    const audit = await auditRowsOf(t.platform, 'branch_term.update', id);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toEqual({
      branchOrgId: county.compoundA.branch?.id,
      fields: ['startsOn', 'members'],
      members: 3,
    });

    const datesOnly = await as(t.app, jinbiAdmin).patch(url, { endsOn: '2029-03-31' }, ifMatch(2));
    expect(datesOnly.json()).toMatchObject({ endsOn: '2029-03-31', version: 3 });
    expect(datesOnly.json().members).toHaveLength(3);
    const read = await as(t.app, jinbiAdmin).get(url);
    expect(read.headers.etag).toBe('"v3"');
  });
});
