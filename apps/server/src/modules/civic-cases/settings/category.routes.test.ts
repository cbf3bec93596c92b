import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../../test/factories.ts';
import { as, errorCode, type Session, type TestApp } from '../../../../test/harness.ts';
import { CATEGORY, type CivicCounty, setupCivicTest } from '../civic-cases.test-support.ts';

interface Item {
  id: string;
  code: string;
  parentId: string | null;
  active: boolean;
  staffOnly: boolean;
  version: number;
}

const URL = '/api/v1/civic-categories';
const question = { code: 'floor', label: '楼层', type: 'number', required: true };

describe('civic category routes', () => {
  let t: TestApp;
  let county: CivicCounty;
  let admin: Session;
  let resident: Session;
  let gridWorker: Session;
  let committee: Session;

  beforeAll(async () => {
    const setup = await setupCivicTest('countyAdmin', 'residentA', 'gridWorkerA', 'jinbiAdmin');
    ({ t, county } = setup);
    admin = setup.countyAdmin;
    resident = setup.residentA;
    gridWorker = setup.gridWorkerA;
    committee = setup.jinbiAdmin;
  });
  afterAll(() => t.close());

  const codes = async (session: Session, query = '') =>
    ((await as(t.app, session).get(`${URL}${query}`)).json().items as Item[]).map((c) => c.code);
  const audits = (action: string, objectId: string) =>
    t.platform.db
      .selectFrom('audit_log')
      .select(['details', 'actor_id'])
      .where('action', '=', action)
      .where('object_id', '=', objectId)
      .execute();

  it('answers 401 without a session', async () => {
    expect((await as(t.app, null).get(URL)).statusCode).toBe(401);
    expect((await as(t.app, null).post(URL, { name: '新类别' })).statusCode).toBe(401);
    const patch = await as(t.app, null).patch(`${URL}/${CATEGORY.sewer}`, { name: '改名' }, { 'if-match': '"v1"' });
    expect(patch.statusCode).toBe(401);
  });

  it('lists the seeded tree in order, each root followed by its children', async () => {
    const response = await as(t.app, gridWorker).get(URL);
    expect(response.statusCode).toBe(200);
    const items = response.json().items as Item[];
    expect(items.slice(0, 3).map((c) => c.code)).toEqual(['MS', 'MS01', 'MS02']);
    const sewer = items.find((c) => c.id === CATEGORY.sewer);
    expect(sewer).toMatchObject({ parentId: CATEGORY.livelihood, defaultUrgency: 'utility', active: true });
    expect((sewer as unknown as { questions: { code: string }[] }).questions.map((q) => q.code)).toEqual(['severity']);
  });

  it('hides staff-only categories from residents but not from staff who file for them', async () => {
    expect(await codes(resident)).not.toContain('PK02');
    expect(await codes(gridWorker)).toContain('PK02');
  });

  it('keeps ?all=true for configurers', async () => {
    const response = await as(t.app, resident).get(`${URL}?all=true`);
    expect(response.statusCode).toBe(403);
    expect((await as(t.app, committee).get(`${URL}?all=true`)).statusCode).toBe(403);
    expect((await as(t.app, admin).get(`${URL}?all=yes`)).statusCode).toBe(400);
  });

  it('refuses creation to non-configurers and to a configurer below the county root', async () => {
    expect((await as(t.app, committee).post(URL, { name: '新类别' })).statusCode).toBe(403);
    const townAdmin = await signInAs(t.platform, 'county_admin', county.committee);
    expect((await as(t.app, townAdmin).post(URL, { name: '新类别' })).statusCode).toBe(403);
  });

  it('answers 400 for bad bodies: unknown field, missing or non-root parent, bad questions', async () => {
    const post = (body: unknown) => as(t.app, admin).post(URL, body);
    expect((await post({ name: '新类别', role: 'x' })).statusCode).toBe(400);
    expect((await post({ name: '' })).statusCode).toBe(400);
    const cases: [unknown, string, string][] = [
      [{ name: '甲', parentId: '00000000-0000-7000-8001-999999999999' }, 'body.parentId', 'parent_not_found'],
      [{ name: '乙', parentId: CATEGORY.sewer }, 'body.parentId', 'parent_not_root'],
      [{ name: '丙', questions: [question, question] }, 'body.questions.1.code', 'duplicate_code'],
      [
        { name: '丁', questions: [{ ...question, type: 'singlevaluelist' }] },
        'body.questions.0.options',
        'options_required',
      ],
      [
        { name: '戊', questions: [{ ...question, options: [{ key: 'a', name: '一' }] }] },
        'body.questions.0.options',
        'options_not_allowed',
      ],
    ];
    for (const [body, path, message] of cases) {
      const response = await post(body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details.issues[0]).toMatchObject({ path, message });
    }
  });

  it('creates a child with a generated code after its siblings, and audits it', async () => {
    const response = await as(t.app, admin).post(URL, {
      parentId: CATEGORY.livelihood,
      name: '电梯故障',
      defaultUrgency: 'utility',
      questions: [{ code: 'stuck', label: '有人被困', type: 'singlevaluelist', options: [{ key: 'yes', name: '是' }] }],
    });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      code: 'MS07',
      parentId: CATEGORY.livelihood,
      sortOrder: 16,
      active: true,
      staffOnly: false,
      duplicateRadius: 200,
      version: 1,
    });
    expect(response.headers.etag).toBe('"v1"');
    const row = await t.platform.db
      .selectFrom('civic_category')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.questions)[0]).toMatchObject({ code: 'stuck', required: false });
    const rows = await audits('civic_category.create', created.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.actor_id).toBe(admin.userId);
    expect(JSON.parse(rows[0]?.details ?? '{}')).toMatchObject({ code: 'MS07', name: '电梯故障' });
  });

  it('refuses a code already taken with 409', async () => {
    const response = await as(t.app, admin).post(URL, { name: '重复', code: 'MS01' });
    expect(response.statusCode).toBe(409);
    expect(errorCode(response)).toBe('DUPLICATE');
  });

  it('gives a root created without a code an R code', async () => {
    const response = await as(t.app, admin).post(URL, { name: '营商环境类', staffOnly: true });
    expect(response.json()).toMatchObject({ code: 'R01', parentId: null, staffOnly: true });
    expect(await codes(resident)).not.toContain('R01');
  });

  describe('PATCH', () => {
    const patch = (id: string, body: unknown, version?: number) =>
      as(t.app, admin).patch(`${URL}/${id}`, body, version === undefined ? {} : { 'if-match': `"v${version}"` });

    it('requires If-Match and refuses a stale version', async () => {
      expect(errorCode(await patch(CATEGORY.dispute, { name: '邻里矛盾' }))).toBe('VERSION_REQUIRED');
      expect((await patch(CATEGORY.dispute, { name: '邻里矛盾' }, 7)).statusCode).toBe(412);
    });

    it('refuses non-configurers, unknown ids and bad bodies', async () => {
      const forbidden = await as(t.app, committee).patch(
        `${URL}/${CATEGORY.dispute}`,
        { name: 'x' },
        { 'if-match': '"v1"' },
      );
      expect(forbidden.statusCode).toBe(403);
      expect((await patch('00000000-0000-7000-8001-999999999999', { name: 'x' }, 1)).statusCode).toBe(404);
      expect((await patch(CATEGORY.dispute, { code: 'X1' }, 1)).statusCode).toBe(400);
    });

    it('keeps the tree two levels deep and acyclic', async () => {
      const self = await patch(CATEGORY.livelihood, { parentId: CATEGORY.livelihood }, 1);
      expect(self.json().error.details.issues[0]).toMatchObject({ message: 'own_ancestor' });
      const withChildren = await patch(CATEGORY.livelihood, { parentId: CATEGORY.urban }, 1);
      expect(withChildren.json().error.details.issues[0]).toMatchObject({ message: 'has_children' });
      const underChild = await patch(CATEGORY.dispute, { parentId: CATEGORY.parking }, 1);
      expect(underChild.json().error.details.issues[0]).toMatchObject({ message: 'parent_not_root' });
    });

    it('edits and retires a category, hiding it from the picker, and audits each change', async () => {
      const renamed = await patch(CATEGORY.dispute, { name: '邻里矛盾', keywords: '' }, 1);
      expect(renamed.statusCode).toBe(200);
      expect(renamed.json()).toMatchObject({ name: '邻里矛盾', keywords: null, version: 2 });
      expect(renamed.headers.etag).toBe('"v2"');
      const retired = await patch(CATEGORY.dispute, { active: false }, 2);
      expect(retired.json()).toMatchObject({ active: false, version: 3 });
      expect(await codes(resident)).not.toContain('MS04');
      expect(await codes(admin, '?all=true')).toContain('MS04');
      const rows = await audits('civic_category.update', CATEGORY.dispute);
      expect(rows.map((r) => JSON.parse(r.details ?? '{}').changed)).toEqual([['name', 'keywords'], ['active']]);
    });

    it('leaves every field a PATCH omits as it was', async () => {
      const response = await patch(CATEGORY.sewer, { name: '下水道堵塞外溢' }, 1);
      expect(response.statusCode).toBe(200);
      const after = response.json();
      expect(after).toMatchObject({ name: '下水道堵塞外溢', defaultUrgency: 'utility', anonymousAllowed: false });
      expect(after.questions.map((q: { code: string }) => q.code)).toEqual(['severity']);
    });

    it('hides the children of a retired root from the picker', async () => {
      const root = (await as(t.app, admin).get(`${URL}?all=true`)).json().items.find((c: Item) => c.code === 'NY');
      expect((await patch(root.id, { active: false }, root.version)).statusCode).toBe(200);
      const shown = await codes(resident);
      expect(shown.filter((c) => c.startsWith('NY'))).toEqual([]);
    });
  });
});
