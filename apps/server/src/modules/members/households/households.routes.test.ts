import type { HouseholdDetail, Resident } from '@linli/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signInAs } from '../../../../test/factories.ts';
import { as, errorCode, type Session, type TestApp } from '../../../../test/harness.ts';
import {
  auditRowsOf,
  type County,
  ifMatch,
  setupOrganisationTest,
} from '../../organisation/organisation.test-support.ts';
import { insertHousehold } from '../members.test-support.ts';

const api = '/api/v1';

describe('households and residents', () => {
  let t: TestApp;
  let county: County;
  let countyAdmin: Session;
  let secretaryA: Session;
  let gridWorker: Session;
  /** In 金碧花园, inside grid A. */
  let inGrid: string;
  /** In 金碧花园, outside the grid. */
  let outsideGrid: string;
  /** In 龙泉苑. */
  let inB: string;

  beforeAll(async () => {
    ({ t, county, countyAdmin, secretaryA } = await setupOrganisationTest('countyAdmin', 'secretaryA'));
    gridWorker = await signInAs(t.platform, 'grid_worker', county.gridA, '网格员小王');
    inGrid = await insertHousehold(
      t.platform,
      county.compoundA,
      { building: '1栋', unit: '1单元', room: '101' },
      county.gridA,
    );
    outsideGrid = await insertHousehold(t.platform, county.compoundA, { building: '9栋', unit: '1单元', room: '101' });
    inB = await insertHousehold(t.platform, county.compoundB, { building: '1栋', unit: '', room: '1' });
  });
  afterAll(() => t.close());

  it('answers 401 on every route without a session', async () => {
    const anon = as(t.app, null);
    const id = inGrid;
    const responses = await Promise.all([
      anon.get(`${api}/households`),
      anon.get(`${api}/households/export`),
      anon.get(`${api}/households/${id}`),
      anon.post(`${api}/households`, { compoundId: county.compoundA.id, building: '1栋', room: '1' }),
      anon.patch(`${api}/households/${id}`, { room: '2' }, ifMatch(1)),
      anon.post(`${api}/households/${id}/residents`, { name: '张三', relation: 'owner' }),
      anon.patch(`${api}/residents/${id}`, { name: '李四' }, ifMatch(1)),
      anon.delete(`${api}/residents/${id}`),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual(Array(8).fill(401));
  });

  it('refuses roles without household.read or household.write', async () => {
    const auditor = await signInAs(t.platform, 'auditor', county.county);
    expect((await as(t.app, auditor).get(`${api}/households`)).statusCode).toBe(403);
    expect((await as(t.app, auditor).get(`${api}/households/export`)).statusCode).toBe(403);
    const resident = await signInAs(t.platform, 'resident', county.compoundA);
    expect((await as(t.app, resident).get(`${api}/households/${outsideGrid}`)).statusCode).toBe(403);
    const created = await as(t.app, resident).post(`${api}/households`, {
      compoundId: county.compoundA.id,
      building: '5栋',
      room: '501',
    });
    expect(created.statusCode).toBe(403);
  });

  it('lets a grid worker read households of the grid only, not the rest of the compound nor another compound', async () => {
    const worker = as(t.app, gridWorker);
    expect((await worker.get(`${api}/households/${inGrid}`)).statusCode).toBe(200);
    expect(errorCode(await worker.get(`${api}/households/${outsideGrid}`))).toBe('FORBIDDEN');
    expect(errorCode(await worker.get(`${api}/households/${inB}`))).toBe('FORBIDDEN');
    const list = (await worker.get(`${api}/households`)).json();
    expect(list.items.map((h: { id: string }) => h.id)).toEqual([inGrid]);
    expect(errorCode(await as(t.app, secretaryA).get(`${api}/households/${inB}`))).toBe('FORBIDDEN');
  });

  it('answers 404 for an unknown household and 400 for bad input', async () => {
    const sec = as(t.app, secretaryA);
    expect((await sec.get(`${api}/households/0190a5a0-0000-7000-8000-000000000000`)).statusCode).toBe(404);
    expect((await sec.get(`${api}/households/not-a-uuid`)).statusCode).toBe(400);
    expect((await sec.get(`${api}/households?limit=0`)).statusCode).toBe(400);
    expect((await sec.get(`${api}/households?cursor=garbage`)).statusCode).toBe(400);
    expect((await sec.get(`${api}/households?sort=room`)).statusCode).toBe(400);
    const noRoom = await sec.post(`${api}/households`, { compoundId: county.compoundA.id, building: '1栋' });
    expect(noRoom.statusCode).toBe(400);
  });

  it('requires a grid to lie in the household compound', async () => {
    const response = await as(t.app, countyAdmin).post(`${api}/households`, {
      compoundId: county.compoundB.id,
      gridId: county.gridA.id,
      building: '3栋',
      room: '301',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.issues[0]).toEqual({ path: 'body.gridId', message: 'gridNotInCompound' });
  });

  it('lets a grid worker register households in the grid only, scoped by the grid path', async () => {
    const worker = as(t.app, gridWorker);
    const body = { compoundId: county.compoundA.id, building: '3栋', unit: '2单元', room: '501' };
    expect(errorCode(await worker.post(`${api}/households`, body))).toBe('FORBIDDEN');
    const created = await worker.post(`${api}/households`, { ...body, gridId: county.gridA.id, note: '独居老人' });
    expect(created.statusCode).toBe(201);
    const detail = created.json() as HouseholdDetail;
    expect(detail).toMatchObject({
      compoundId: county.compoundA.id,
      compoundName: '金碧花园',
      gridId: county.gridA.id,
      label: '3栋2单元501',
      note: '独居老人',
      residentCount: 0,
      linkedMemberCount: 0,
      lastVisitOn: null,
      residents: [],
      links: [],
      recentVisits: [],
      // Linking needs a member the worker may see (`member.read`), which a grid worker never holds.
      abilities: { update: true, link: false, visit: true },
      version: 1,
    });
    const row = await t.platform.db
      .selectFrom('household')
      .selectAll()
      .where('id', '=', detail.id)
      .executeTakeFirstOrThrow();
    expect(row.path).toBe(county.gridA.path);
    const audit = await auditRowsOf(t.platform, 'household.create', detail.id);
    expect(audit[0]?.details).toEqual({
      compoundId: county.compoundA.id,
      gridId: county.gridA.id,
      label: '3栋2单元501',
    });
  });

  it('refuses a second household at the same address of a compound with 409 DUPLICATE', async () => {
    const body = { compoundId: county.compoundA.id, building: '9栋', unit: '1单元', room: '101' };
    const response = await as(t.app, secretaryA).post(`${api}/households`, body);
    expect(response.statusCode).toBe(409);
    expect(errorCode(response)).toBe('DUPLICATE');
    const elsewhere = await as(t.app, countyAdmin).post(`${api}/households`, {
      ...body,
      compoundId: county.compoundB.id,
    });
    expect(elsewhere.statusCode).toBe(201);
  });

  it('sorts by address naturally (2栋 before 10栋) and pages by keyset', async () => {
    const admin = as(t.app, countyAdmin);
    for (const [building, room] of [
      ['10栋', '1001'],
      ['2栋', '201'],
      ['2栋', '99'],
    ]) {
      expect(
        (await admin.post(`${api}/households`, { compoundId: county.compoundB.id, building, room })).statusCode,
      ).toBe(201);
    }
    const labels: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `${api}/households?compoundId=${county.compoundB.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await admin.get(query)).json() as { items: { label: string }[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(2);
      labels.push(...page.items.map((h) => h.label));
      cursor = page.nextCursor;
    } while (cursor);
    expect(labels).toEqual(['1栋1', '2栋99', '2栋201', '9栋1单元101', '10栋1001']);
    const filtered = (
      await admin.get(`${api}/households?compoundId=${county.compoundB.id}&building=${encodeURIComponent('2栋')}&q=99`)
    ).json();
    expect(filtered.items.map((h: { label: string }) => h.label)).toEqual(['2栋99']);
  });

  it('edits a household under If-Match and moves its residents with it into a grid', async () => {
    const sec = as(t.app, secretaryA);
    const id = await insertHousehold(t.platform, county.compoundA, { building: '6栋', unit: '1单元', room: '601' });
    const resident = await sec.post(`${api}/households/${id}/residents`, { name: '赵六', relation: 'tenant' });
    expect(resident.statusCode).toBe(201);
    expect((await sec.patch(`${api}/households/${id}`, { room: '602' })).statusCode).toBe(428);
    expect(errorCode(await as(t.app, gridWorker).patch(`${api}/households/${id}`, { room: '602' }, ifMatch(1)))).toBe(
      'FORBIDDEN',
    );
    expect((await sec.patch(`${api}/households/${id}`, { room: '' }, ifMatch(1))).statusCode).toBe(400);
    const moved = await sec.patch(`${api}/households/${id}`, { room: '602', gridId: county.gridA.id }, ifMatch(1));
    expect(moved.statusCode).toBe(200);
    expect(moved.headers.etag).toBe('"v2"');
    expect(moved.json()).toMatchObject({ label: '6栋1单元602', gridId: county.gridA.id, residentCount: 1, version: 2 });
    const residentRow = await t.platform.db
      .selectFrom('resident')
      .select('path')
      .where('household_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(residentRow.path).toBe(county.gridA.path);
    expect((await as(t.app, gridWorker).get(`${api}/households/${id}`)).statusCode).toBe(200);
    expect((await sec.patch(`${api}/households/${id}`, { note: '旧版本' }, ifMatch(1))).statusCode).toBe(412);
    const duplicate = await sec.patch(`${api}/households/${id}`, { building: '9栋', room: '101' }, ifMatch(2));
    expect(errorCode(duplicate)).toBe('DUPLICATE');
  });

  it('exports the households in scope as CSV with Chinese headers and audits it', async () => {
    const response = await as(t.app, gridWorker).get(`${api}/households/export`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('小区,网格,楼栋,单元,房号,门牌,登记住户数,联系党员数,最近走访,备注');
    expect(lines.slice(1).every((l) => l.startsWith('金碧花园,网格'))).toBe(true);
    expect(response.body).not.toContain('9栋1单元101');
    expect(response.body).not.toContain('龙泉苑');
    const audit = await auditRowsOf(t.platform, 'household.export');
    expect(audit.at(-1)).toMatchObject({ actor_id: gridWorker.userId, details: { rows: lines.length - 1 } });
  });

  describe('residents', () => {
    it('stores the phone encrypted, answers it masked and links the account with that phone', async () => {
      const phone = '13912345678';
      const user = await createUser(t.platform, { phone });
      const response = await as(t.app, gridWorker).post(`${api}/households/${inGrid}/residents`, {
        name: '王芳',
        relation: 'owner',
        phone,
      });
      expect(response.statusCode).toBe(201);
      const resident = response.json() as Resident;
      expect(resident).toMatchObject({ name: '王芳', relation: 'owner', phoneMasked: '139****5678', hasAccount: true });
      const row = await t.platform.db
        .selectFrom('resident')
        .selectAll()
        .where('id', '=', resident.id)
        .executeTakeFirstOrThrow();
      expect(row.phone_cipher).not.toContain(phone);
      expect(row.phone_index).toBe(t.platform.blindIndex(phone));
      expect(row.user_id).toBe(user.id);
      const audit = await auditRowsOf(t.platform, 'resident.create', resident.id);
      expect(JSON.stringify(audit[0]?.details)).not.toContain(phone);
      const detail = (await as(t.app, gridWorker).get(`${api}/households/${inGrid}`)).json() as HouseholdDetail;
      expect(detail.residents.map((r) => r.phoneMasked)).toContain('139****5678');
      expect(JSON.stringify(detail)).not.toContain(phone);
    });

    it('edits a resident under If-Match: phone null clears it and unlinks the account', async () => {
      const sec = as(t.app, secretaryA);
      const created = (
        await sec.post(`${api}/households/${outsideGrid}/residents`, {
          name: '孙七',
          relation: 'family',
          phone: '13800001111',
        })
      ).json() as Resident;
      expect(created.hasAccount).toBe(false);
      expect((await sec.patch(`${api}/residents/${created.id}`, { relation: 'friend' }, ifMatch(1))).statusCode).toBe(
        400,
      );
      expect(
        errorCode(await as(t.app, gridWorker).patch(`${api}/residents/${created.id}`, { name: '孙八' }, ifMatch(1))),
      ).toBe('FORBIDDEN');
      const renamed = await sec.patch(`${api}/residents/${created.id}`, { name: '孙八' }, ifMatch(1));
      expect(renamed.json()).toMatchObject({ name: '孙八', phoneMasked: '138****1111', version: 2 });
      const cleared = await sec.patch(`${api}/residents/${created.id}`, { phone: null }, ifMatch(2));
      expect(cleared.json()).toMatchObject({ phoneMasked: null, hasAccount: false, version: 3 });
      expect((await sec.patch(`${api}/residents/${created.id}`, { name: 'x' }, ifMatch(2))).statusCode).toBe(412);
    });

    it('removes a resident, in scope only', async () => {
      const sec = as(t.app, secretaryA);
      const created = (
        await sec.post(`${api}/households/${outsideGrid}/residents`, { name: '周九', relation: 'other' })
      ).json() as Resident;
      expect(errorCode(await as(t.app, gridWorker).delete(`${api}/residents/${created.id}`))).toBe('FORBIDDEN');
      expect((await sec.delete(`${api}/residents/bad`)).statusCode).toBe(400);
      expect((await sec.delete(`${api}/residents/${created.id}`)).statusCode).toBe(204);
      const left = await t.platform.db.selectFrom('resident').select('id').where('id', '=', created.id).execute();
      expect(left).toEqual([]);
      expect(await auditRowsOf(t.platform, 'resident.delete', created.id)).toHaveLength(1);
      expect((await sec.delete(`${api}/residents/${created.id}`)).statusCode).toBe(404);
    });

    it('refuses residents on a household out of scope and bad input', async () => {
      const worker = as(t.app, gridWorker);
      expect(
        errorCode(await worker.post(`${api}/households/${outsideGrid}/residents`, { name: '甲', relation: 'owner' })),
      ).toBe('FORBIDDEN');
      expect(
        (await worker.post(`${api}/households/${inGrid}/residents`, { name: '甲', relation: 'boss' })).statusCode,
      ).toBe(400);
      expect(
        (await worker.post(`${api}/households/${inGrid}/residents`, { name: '甲', relation: 'owner', phone: '123' }))
          .statusCode,
      ).toBe(400);
    });
  });
});
