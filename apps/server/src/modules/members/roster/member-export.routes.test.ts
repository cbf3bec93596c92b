import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type Session, type TestApp } from '../../../../test/harness.ts';
import { auditRowsOf, type County, setupOrganisationTest } from '../../organisation/organisation.test-support.ts';
import { type InsertedMember, insertMember } from '../members.test-support.ts';
import { MEMBERS, readExport } from './roster.test-support.ts';

const EXPORT = `${MEMBERS}/export`;

describe('member export (masked, watermarked, audited)', () => {
  let t: TestApp;
  let county: County;
  let secretaryA: Session;
  let a1: InsertedMember;
  let b1: InsertedMember;

  beforeAll(async () => {
    ({ t, county, secretaryA } = await setupOrganisationTest('secretaryA'));
    a1 = await insertMember(t.platform, { name: '王一', residence: county.compoundA, branch: county.compoundA.branch });
    b1 = await insertMember(t.platform, { name: '刘二', residence: county.compoundB });
  });
  afterAll(() => t.close());

  it('answers 401 without a session and 400 for a bad filter', async () => {
    expect((await as(t.app, null).get(EXPORT)).statusCode).toBe(401);
    expect((await as(t.app, secretaryA).get(`${EXPORT}?status=x`)).statusCode).toBe(400);
    expect((await as(t.app, secretaryA).get(`${EXPORT}?approvalId=nope`)).statusCode).toBe(400);
    expect((await as(t.app, secretaryA).get(`${EXPORT}?q=${a1.phone}`)).statusCode).toBe(400);
  });

  it('exports the caller scope only, masked, with a watermark line and properties, and audits the filter and count', async () => {
    const response = await as(t.app, secretaryA).get(`${EXPORT}?sort=name`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('党员名册'));
    const { rows, book } = await readExport(response);
    expect(rows[0]?.[0]).toMatch(/^导出人 .+ 导出时间 2026-11-27 10:00$/);
    expect(rows[1]?.slice(0, 5)).toEqual(['姓名', '性别', '年龄', '身份证号', '手机号']);
    expect(rows.slice(2).map((r) => r[0])).toEqual(['王一']);
    expect(rows[2]?.[3]).toBe(`${a1.idNumber.slice(0, 3)}${'*'.repeat(11)}${a1.idNumber.slice(-4)}`);
    expect(book.subject).toContain('导出人');
    expect(book.description).toBe(rows[0]?.[0]);
    const bytes = response.rawPayload.toString('latin1');
    for (const secret of [a1.idNumber, a1.phone, b1.idNumber]) expect(bytes).not.toContain(secret);
    const [audit] = await auditRowsOf(t.platform, 'member.export');
    expect(audit?.details).toMatchObject({ rows: 1, masked: true, approvalId: null, filter: { sort: 'name' } });
  });

  it('refuses an unmasked export without an approval of the caller (403)', async () => {
    const response = await as(t.app, secretaryA).get(`${EXPORT}?approvalId=01900000-0000-7000-8000-00000000abcd`);
    expect(response.statusCode).toBe(403);
  });
});
