import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../../test/factories.ts';
import { as, errorCode, type Session, type TestApp } from '../../../../test/harness.ts';
import { newId } from '../../../platform/ids.ts';
import { CATEGORY, type CivicCounty, setupCivicTest } from '../civic-cases.test-support.ts';

const URL = '/api/v1/civic-routing-rules';
const PREVIEW = '/api/v1/civic-routing/preview';

describe('routing rule routes', () => {
  let t: TestApp;
  let county: CivicCounty;
  let admin: Session;
  let committee: Session;
  let resident: Session;
  let handler: Session;
  let longquanConfigurer: Session;

  beforeAll(async () => {
    const setup = await setupCivicTest('countyAdmin', 'jinbiAdmin', 'residentA', 'handlerA');
    ({ t, county } = setup);
    admin = setup.countyAdmin;
    committee = setup.jinbiAdmin;
    resident = setup.residentA;
    handler = setup.handlerA;
    longquanConfigurer = await signInAs(t.platform, 'county_admin', county.otherCommittee);
  });
  afterAll(() => t.close());

  const compoundRule = () => ({
    scope: { kind: 'compound', id: county.compoundA.id },
    categoryId: CATEGORY.sewer,
    target: 'property_company',
  });
  const preview = (session: Session | null, compoundId = county.compoundA.id, categoryId: string = CATEGORY.sewer) =>
    as(t.app, session).get(`${PREVIEW}?compoundId=${compoundId}&categoryId=${categoryId}`);
  const audits = (action: string) =>
    t.platform.db
      .selectFrom('audit_log')
      .select(['object_id', 'details'])
      .where('action', '=', action)
      .orderBy('seq')
      .execute();

  it('answers 401 without a session', async () => {
    expect((await as(t.app, null).get(URL)).statusCode).toBe(401);
    expect((await as(t.app, null).post(URL, compoundRule())).statusCode).toBe(401);
    expect(
      (await as(t.app, null).patch(`${URL}/${newId()}`, { active: false }, { 'if-match': '"v1"' })).statusCode,
    ).toBe(401);
    expect((await preview(null)).statusCode).toBe(401);
  });

  it('previews the 属地兜底 fallback while there are no rules', async () => {
    const response = await preview(committee);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      unit: { kind: 'org', id: county.community.id, name: '金碧社区党总支' },
      ruleId: null,
      fallback: true,
    });
  });

  it('refuses rule creation without civic_case.configure over the scope', async () => {
    expect((await as(t.app, committee).post(URL, compoundRule())).statusCode).toBe(403);
    expect((await as(t.app, longquanConfigurer).post(URL, compoundRule())).statusCode).toBe(403);
    expect(await t.platform.db.selectFrom('civic_routing_rule').selectAll().execute()).toEqual([]);
  });

  it('answers 400 for an unknown scope or category, a target and org that do not fit, and unknown fields', async () => {
    const post = (body: unknown) => as(t.app, admin).post(URL, body);
    const issue = async (body: unknown) => {
      const response = await post(body);
      expect(response.statusCode).toBe(400);
      return response.json().error.details.issues[0];
    };
    expect(await issue({ ...compoundRule(), scope: { kind: 'compound', id: newId() } })).toMatchObject({
      path: 'body.scope.id',
    });
    expect(await issue({ ...compoundRule(), categoryId: newId() })).toMatchObject({ path: 'body.categoryId' });
    expect(await issue({ ...compoundRule(), target: 'org' })).toMatchObject({
      path: 'body.targetOrgId',
      message: 'required',
    });
    expect(await issue({ ...compoundRule(), targetOrgId: county.committee.id })).toMatchObject({
      message: 'not_allowed',
    });
    expect(await issue({ ...compoundRule(), target: 'org', targetOrgId: newId() })).toMatchObject({
      message: 'org_not_found',
    });
    expect((await post({ ...compoundRule(), scopePath: '/' })).statusCode).toBe(400);
    expect((await post({ ...compoundRule(), target: 'mayor' })).statusCode).toBe(400);
  });

  it('creates rules (audited), refuses a second active rule for the same scope and category, and previews them', async () => {
    const first = await as(t.app, admin).post(URL, compoundRule());
    expect(first.statusCode).toBe(201);
    const rule = first.json();
    expect(rule).toMatchObject({
      scope: { kind: 'compound', id: county.compoundA.id, name: '金碧花园' },
      categoryId: CATEGORY.sewer,
      categoryName: '下水道堵塞',
      target: 'property_company',
      targetOrg: null,
      active: true,
      version: 1,
    });
    const stored = await t.platform.db
      .selectFrom('civic_routing_rule')
      .selectAll()
      .where('id', '=', rule.id)
      .executeTakeFirstOrThrow();
    expect(stored.scope_path).toBe(county.compoundA.path);
    expect((await audits('civic_routing_rule.create')).map((a) => a.object_id)).toEqual([rule.id]);

    const twin = await as(t.app, admin).post(URL, { ...compoundRule(), target: 'branch' });
    expect(twin.statusCode).toBe(409);
    expect(errorCode(twin)).toBe('DUPLICATE');

    const town = await as(t.app, admin).post(URL, {
      scope: { kind: 'org', id: county.committee.id },
      categoryId: null,
      target: 'org',
      targetOrgId: county.committee.id,
    });
    expect(town.json()).toMatchObject({
      scope: { name: '金碧镇党委' },
      targetOrg: { id: county.committee.id, name: '金碧镇党委' },
    });

    expect((await preview(committee)).json()).toEqual({
      unit: { kind: 'property_company', id: county.propertyCompanyA, name: '金碧物业服务有限公司' },
      ruleId: rule.id,
      fallback: false,
    });
    expect((await preview(committee, county.compoundA.id, CATEGORY.parking)).json()).toMatchObject({
      unit: { kind: 'org', id: county.committee.id },
      ruleId: town.json().id,
    });
  });

  it('lets a town configurer add a rule in its own town', async () => {
    const response = await as(t.app, longquanConfigurer).post(URL, {
      scope: { kind: 'compound', id: county.compoundB.id },
      categoryId: null,
      target: 'branch',
    });
    expect(response.statusCode).toBe(201);
  });

  it('lists the rules that bear on the caller’s area to case staff, and refuses residents and handlers', async () => {
    expect((await as(t.app, resident).get(URL)).statusCode).toBe(403);
    expect((await as(t.app, handler).get(URL)).statusCode).toBe(403);
    const mine = (await as(t.app, committee).get(URL))
      .json()
      .items.map((r: { scope: { name: string } }) => r.scope.name);
    expect(mine).toEqual(['金碧镇党委', '金碧花园']);
    expect((await as(t.app, admin).get(URL)).json().items).toHaveLength(3);
  });

  describe('PATCH', () => {
    const ruleOf = async (name: string) =>
      (await as(t.app, admin).get(URL)).json().items.find((r: { scope: { name: string } }) => r.scope.name === name);
    const patch = (session: Session, id: string, body: unknown, version?: number) =>
      as(t.app, session).patch(`${URL}/${id}`, body, version === undefined ? {} : { 'if-match': `"v${version}"` });

    it('requires configure over the rule’s scope, If-Match and a current version', async () => {
      const rule = await ruleOf('金碧花园');
      expect((await patch(longquanConfigurer, rule.id, { active: false }, 1)).statusCode).toBe(403);
      expect((await patch(committee, rule.id, { active: false }, 1)).statusCode).toBe(403);
      expect(errorCode(await patch(admin, rule.id, { active: false }))).toBe('VERSION_REQUIRED');
      expect((await patch(admin, rule.id, { active: false }, 9)).statusCode).toBe(412);
      expect((await patch(admin, newId(), { active: false }, 1)).statusCode).toBe(404);
    });

    it('answers 400 for a target that needs an org without one, or for fields it cannot change', async () => {
      const rule = await ruleOf('金碧花园');
      expect((await patch(admin, rule.id, { target: 'org' }, 1)).statusCode).toBe(400);
      expect((await patch(admin, rule.id, { categoryId: null }, 1)).statusCode).toBe(400);
    });

    it('changes the target, drops the org of a former org rule, switches rules off, and audits each edit', async () => {
      const town = await ruleOf('金碧镇党委');
      const retargeted = await patch(admin, town.id, { target: 'grid_worker' }, 1);
      expect(retargeted.statusCode).toBe(200);
      expect(retargeted.json()).toMatchObject({ target: 'grid_worker', targetOrg: null, version: 2 });
      expect(retargeted.headers.etag).toBe('"v2"');

      const rule = await ruleOf('金碧花园');
      const off = await patch(admin, rule.id, { active: false }, 1);
      expect(off.json()).toMatchObject({ active: false, version: 2 });
      // With the compound's rule off, the town's grid-worker rule routes sewer cases to 金碧花园's grid.
      expect((await preview(committee)).json()).toMatchObject({
        unit: { kind: 'grid', id: county.gridA.id },
        ruleId: town.id,
      });
      const rows = await audits('civic_routing_rule.update');
      expect(rows.map((r) => r.object_id)).toEqual([town.id, rule.id]);
      expect(JSON.parse(rows[1]?.details ?? '{}')).toMatchObject({
        before: { active: true },
        after: { active: false },
      });
    });

    it('refuses to switch a rule back on beside an active twin', async () => {
      const rule = await ruleOf('金碧花园');
      expect((await as(t.app, admin).post(URL, { ...compoundRule(), target: 'branch' })).statusCode).toBe(201);
      const response = await patch(admin, rule.id, { active: true }, rule.version);
      expect(response.statusCode).toBe(409);
    });
  });

  it('preview: 400 for a bad query or unknown category, 404 for an unknown compound, 403 outside the reader’s scope', async () => {
    expect((await as(t.app, committee).get(`${PREVIEW}?compoundId=${county.compoundA.id}`)).statusCode).toBe(400);
    expect((await preview(committee, county.compoundA.id, newId())).statusCode).toBe(400);
    expect((await preview(committee, newId())).statusCode).toBe(404);
    expect((await preview(committee, county.compoundB.id)).statusCode).toBe(403);
    expect((await preview(resident)).statusCode).toBe(403);
  });
});
