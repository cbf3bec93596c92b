import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../test/factories.ts';
import { as, type Session, type TestApp } from '../../../test/harness.ts';
import { auditRowsOf, type County, setupOrganisationTest } from './organisation.test-support.ts';

describe('branch terms', () => {
  let t: TestApp;
  let county: County;
  let jinbiAdmin: Session;
  let longquanAdmin: Session;
  let branchId: string;

  beforeAll(async () => {
    ({ t, county, jinbiAdmin, longquanAdmin } = await setupOrganisationTest('jinbiAdmin', 'longquanAdmin'));
    branchId = county.compoundA.branch?.id ?? '';
  });
  afterAll(() => t.close());

  const term = (extra: Record<string, unknown> = {}) => ({
    branchOrgId: branchId,
    electedOn: '2024-03-15',
    startsOn: '2024-03-15',
    endsOn: '2029-03-14',
    members: [
      { name: '陈书记', position: 'secretary' },
      { name: '林委员', position: 'organization' },
    ],
    ...extra,
  });

  it('answers 401 without a session', async () => {
    expect((await as(t.app, null).get('/api/v1/branch-terms')).statusCode).toBe(401);
    expect((await as(t.app, null).post('/api/v1/branch-terms', term())).statusCode).toBe(401);
  });

  it('answers 401 and 400 on the detail and list routes too', async () => {
    expect((await as(t.app, null).get(`/api/v1/branch-terms/${branchId}`)).statusCode).toBe(401);
    expect((await as(t.app, jinbiAdmin).get('/api/v1/branch-terms/term-1')).statusCode).toBe(400);
    expect((await as(t.app, jinbiAdmin).get('/api/v1/branch-terms?cursor=abc')).statusCode).toBe(400);
  });

  it('refuses a committee admin of 龙泉镇 recording a term of a 金碧镇 branch, and the branch secretary', async () => {
    expect((await as(t.app, longquanAdmin).post('/api/v1/branch-terms', term())).statusCode).toBe(403);
    const secretary = await signInAs(t.platform, 'branch_secretary', county.compoundA);
    expect((await as(t.app, secretary).post('/api/v1/branch-terms', term())).statusCode).toBe(403);
  });

  it('answers 400 for two secretaries, none, reversed dates and an org that is not a branch', async () => {
    const post = (body: unknown) => as(t.app, jinbiAdmin).post('/api/v1/branch-terms', body);
    const two = term({
      members: [
        { name: '甲', position: 'secretary' },
        { name: '乙', position: 'secretary' },
      ],
    });
    expect((await post(two)).statusCode).toBe(400);
    expect((await post(term({ members: [{ name: '甲', position: 'propaganda' }] }))).statusCode).toBe(400);
    expect((await post(term({ startsOn: '2030-01-01' }))).statusCode).toBe(400);
    const notBranch = await post(term({ branchOrgId: county.community.id }));
    expect(notBranch.statusCode).toBe(400);
    expect(notBranch.json().error.details.issues[0].message).toBe('notABranch');
  });

  it('records the term with its members under the branch path, audited, readable in scope only', async () => {
    const response = await as(t.app, jinbiAdmin).post('/api/v1/branch-terms', term());
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created.members.map((m: { name: string; position: string }) => [m.name, m.position])).toEqual([
      ['陈书记', 'secretary'],
      ['林委员', 'organization'],
    ]);
    const row = await t.platform.db
      .selectFrom('branch_term')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row.path).toBe(`${county.compoundA.branch?.path}${created.id}/`);
    const members = await t.platform.db
      .selectFrom('branch_term_member')
      .selectAll()
      .where('term_id', '=', created.id)
      .execute();
    expect(members).toHaveLength(2);
    expect(await auditRowsOf(t.platform, 'branch_term.create', created.id)).toHaveLength(1);

    const secretary = await signInAs(t.platform, 'branch_secretary', county.compoundA);
    const list = (await as(t.app, secretary).get(`/api/v1/branch-terms?branchOrgId=${branchId}`)).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([created.id]);
    expect((await as(t.app, longquanAdmin).get('/api/v1/branch-terms')).json().items).toEqual([]);
    expect((await as(t.app, longquanAdmin).get(`/api/v1/branch-terms/${created.id}`)).statusCode).toBe(403);
  });

  it('lists the latest term first across pages', async () => {
    await as(t.app, jinbiAdmin).post(
      '/api/v1/branch-terms',
      term({ electedOn: '2019-03-01', startsOn: '2019-03-01', endsOn: '2024-02-28' }),
    );
    const first = (await as(t.app, jinbiAdmin).get(`/api/v1/branch-terms?branchOrgId=${branchId}&limit=1`)).json();
    expect(first.items[0].startsOn).toBe('2024-03-15');
    const second = (
      await as(t.app, jinbiAdmin).get(`/api/v1/branch-terms?branchOrgId=${branchId}&limit=1&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items[0].startsOn).toBe('2019-03-01');
    expect(second.nextCursor).toBeNull();
  });

  it('tells a branch committee member they may not change a term, and the town committee admin that they may', async () => {
    const created = (await as(t.app, jinbiAdmin).post('/api/v1/branch-terms', term())).json();
    const url = `/api/v1/branch-terms/${created.id}`;
    const member = await signInAs(t.platform, 'branch_committee', county.compoundA);
    const read = await as(t.app, member).get(url);
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"v1"');
    expect(read.json()).toMatchObject({ id: created.id, abilities: { update: false } });
    const countyAdmin = await signInAs(t.platform, 'county_admin', county.county);
    expect((await as(t.app, countyAdmin).get(url)).json().abilities).toEqual({ update: true });
    expect((await as(t.app, jinbiAdmin).get(url)).json().abilities).toEqual({ update: true });
  });
});
