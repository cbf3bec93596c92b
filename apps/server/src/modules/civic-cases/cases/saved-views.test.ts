import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, errorCode } from '../../../../test/harness.ts';
import { newId } from '../../../platform/ids.ts';
import { auditRowsOf } from '../../organisation/organisation.test-support.ts';
import { setupCivicTest } from '../civic-cases.test-support.ts';
import { MAX_SAVED_VIEWS } from './saved-views.service.ts';

type Setup = Awaited<ReturnType<typeof setup>>;
const setup = () => setupCivicTest('secretaryA', 'gridWorkerA', 'handlerA', 'residentA');

describe('saved views of the case centre', () => {
  let s: Setup;
  const url = '/api/v1/civic-case-views';

  beforeAll(async () => {
    s = await setup();
  });
  afterAll(() => s.t.close());

  it('answers 401 without a session on every route', async () => {
    const anonymous = as(s.t.app, null);
    expect((await anonymous.get(url)).statusCode).toBe(401);
    expect((await anonymous.post(url, { name: '超期', query: {} })).statusCode).toBe(401);
    expect((await anonymous.delete(`${url}/${newId()}`)).statusCode).toBe(401);
  });

  it('refuses a resident, who has no case centre', async () => {
    const resident = as(s.t.app, s.residentA);
    expect((await resident.get(url)).statusCode).toBe(403);
    expect((await resident.post(url, { name: '超期', query: {} })).statusCode).toBe(403);
  });

  it('answers 400 for a query the list would not accept, naming the key', async () => {
    const me = as(s.t.app, s.secretaryA);
    const unknown = await me.post(url, { name: '颜色', query: { colour: 'red' } });
    expect(unknown.statusCode).toBe(400);
    expect(errorCode(unknown)).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(unknown.json().error.details)).toContain('body.query');
    expect(JSON.stringify(unknown.json().error.details)).toContain('colour');
    expect((await me.post(url, { name: '游标', query: { cursor: 'abc' } })).statusCode).toBe(400);
    expect((await me.post(url, { name: '错排序', query: { sort: 'name' } })).statusCode).toBe(400);
    expect((await me.post(url, { name: '', query: {} })).statusCode).toBe(400);
  });

  it('saves, lists and deletes my views, audited, and never shows or deletes another user’s', async () => {
    const me = as(s.t.app, s.secretaryA);
    const created = await me.post(url, {
      name: '超期待办',
      query: { view: 'inbox', overdue: 'true', sort: 'deadline' },
    });
    expect(created.statusCode).toBe(201);
    const view = created.json();
    expect(view).toMatchObject({ name: '超期待办', query: { view: 'inbox', overdue: 'true', sort: 'deadline' } });
    expect((await me.get(url)).json().items).toEqual([view]);
    expect((await as(s.t.app, s.handlerA).get(url)).json().items).toEqual([]);
    const foreign = await as(s.t.app, s.gridWorkerA).delete(`${url}/${view.id}`);
    expect(foreign.statusCode).toBe(404);
    expect((await me.delete(`${url}/${view.id}`)).statusCode).toBe(204);
    expect((await me.get(url)).json().items).toEqual([]);
    expect(await auditRowsOf(s.t.platform, 'civic_case.save_view', view.id)).toHaveLength(1);
    expect(await auditRowsOf(s.t.platform, 'civic_case.delete_view', view.id)).toHaveLength(1);
  });

  it(`keeps at most ${MAX_SAVED_VIEWS} views a user`, async () => {
    const me = as(s.t.app, s.gridWorkerA);
    for (let i = 0; i < MAX_SAVED_VIEWS; i += 1) {
      expect((await me.post(url, { name: `视图${i}`, query: { status: 'handled' } })).statusCode).toBe(201);
    }
    const over = await me.post(url, { name: '多一个', query: {} });
    expect(over.statusCode).toBe(409);
    expect(over.json().error.details).toMatchObject({ reason: 'saved_view_limit' });
    expect((await me.get(url)).json().items).toHaveLength(MAX_SAVED_VIEWS);
  });
});
