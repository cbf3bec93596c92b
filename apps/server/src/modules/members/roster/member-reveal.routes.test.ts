import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../../test/factories.ts';
import { as, errorCode, type Session, type TestApp } from '../../../../test/harness.ts';
import { auditRowsOf, type County, setupOrganisationTest } from '../../organisation/organisation.test-support.ts';
import { type InsertedMember, insertMember } from '../members.test-support.ts';
import { MEMBERS } from './roster.test-support.ts';

describe('member reveal (PI-3)', () => {
  let t: TestApp;
  let county: County;
  let secretaryA: Session;
  let longquanAdmin: Session;
  let member: InsertedMember;
  let url: string;

  beforeAll(async () => {
    ({ t, county, secretaryA, longquanAdmin } = await setupOrganisationTest('secretaryA', 'longquanAdmin'));
    member = await insertMember(t.platform, { residence: county.compoundA, branch: county.compoundA.branch });
    url = `${MEMBERS}/${member.id}/reveal`;
  });
  afterAll(() => t.close());

  const body = { fields: ['idNumber', 'phone'], reason: '核对党员身份信息' };

  it('answers 401 without a session', async () => {
    expect((await as(t.app, null).post(url, body)).statusCode).toBe(401);
  });

  it('answers 403 out of scope or without member.reveal, and 404 for an unknown member', async () => {
    expect((await as(t.app, longquanAdmin).post(url, body)).statusCode).toBe(403);
    const committee = await signInAs(t.platform, 'branch_committee', county.compoundA);
    expect((await as(t.app, committee).post(url, body)).statusCode).toBe(403);
    const unknown = `${MEMBERS}/01900000-0000-7000-8000-00000000abcd/reveal`;
    expect((await as(t.app, secretaryA).post(unknown, body)).statusCode).toBe(404);
    expect(await auditRowsOf(t.platform, 'member.reveal', member.id)).toEqual([]);
  });

  it.each([
    ['no reason', { fields: ['phone'] }],
    ['a reason under four characters', { fields: ['phone'], reason: '看看' }],
    ['no fields', { fields: [], reason: '核对党员身份信息' }],
    ['an unknown field', { fields: ['password'], reason: '核对党员身份信息' }],
  ])('answers 400 for %s', async (_label, bad) => {
    const response = await as(t.app, secretaryA).post(url, bad);
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe('VALIDATION_FAILED');
  });

  it('returns only the requested fields unmasked and writes one audit row with fields and reason, never values', async () => {
    const response = await as(t.app, secretaryA).post(url, body);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ idNumber: member.idNumber, phone: member.phone });
    const rows = await auditRowsOf(t.platform, 'member.reveal', member.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.details).toEqual({ fields: ['idNumber', 'phone'], reason: '核对党员身份信息' });
    expect(JSON.stringify(rows[0])).not.toContain(member.idNumber);
    expect(JSON.stringify(rows[0])).not.toContain(member.phone);
    const address = await as(t.app, secretaryA).post(url, { fields: ['address'], reason: '上门走访核对' });
    expect(address.json()).toEqual({ address: null });
  });

  it('rate-limits reveals per user (429 within 20 a minute), not per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await as(t.app, secretaryA).post(url, body)).statusCode);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(20);
    // A colleague at the same address still may reveal.
    const colleague = await signInAs(t.platform, 'branch_secretary', county.compoundA);
    expect((await as(t.app, colleague).post(url, body)).statusCode).toBe(200);
  });
});
