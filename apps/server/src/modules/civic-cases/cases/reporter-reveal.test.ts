import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../../test/factories.ts';
import { as, errorCode } from '../../../../test/harness.ts';
import { auditRowsOf } from '../../organisation/organisation.test-support.ts';
import { insertCase, propertyUnitA, setupCivicTest } from '../civic-cases.test-support.ts';

const PHONE = '13812345678';
type Setup = Awaited<ReturnType<typeof setup>>;
const setup = () => setupCivicTest('secretaryA', 'gridWorkerA', 'handlerA', 'residentA', 'longquanAdmin');

describe('POST /civic-cases/:id/reporter', () => {
  let s: Setup;
  let filed: string;
  let viaAccount: string;
  let anonymous: string;
  const reason = { reason: '回访核实处理结果' };

  beforeAll(async () => {
    s = await setup();
    const { t, county } = s;
    const cipher = t.platform.cipher;
    filed = (
      await insertCase(t.platform, county, {
        status: 'dispatched',
        unit: propertyUnitA(county),
        overrides: { reporter_name_cipher: cipher.encrypt('王小明'), reporter_phone_cipher: cipher.encrypt(PHONE) },
      })
    ).id;
    await t.platform.db
      .updateTable('app_user')
      .set({ display_name: '李居民', phone_cipher: cipher.encrypt('13900001111') })
      .where('id', '=', s.residentA.userId)
      .execute();
    viaAccount = (await insertCase(t.platform, county, { status: 'submitted', reporterUserId: s.residentA.userId })).id;
    anonymous = (
      await insertCase(t.platform, county, { status: 'dispatched', unit: propertyUnitA(county), anonymous: true })
    ).id;
  });
  afterAll(() => s.t.close());

  const reveal = (who: Parameters<typeof as>[1], caseId: string, body: unknown = reason) =>
    as(s.t.app, who).post(`/api/v1/civic-cases/${caseId}/reporter`, body);

  it('answers 401 without a session and 400 without a reason', async () => {
    expect((await reveal(null, filed)).statusCode).toBe(401);
    const bad = await reveal(s.secretaryA, filed, {});
    expect(bad.statusCode).toBe(400);
    expect(errorCode(bad)).toBe('VALIDATION_FAILED');
  });

  it('refuses readers who neither dispatch nor handle the case, and the reporter', async () => {
    expect((await reveal(s.gridWorkerA, filed)).statusCode).toBe(403);
    expect((await reveal(s.residentA, viaAccount)).statusCode).toBe(403);
    expect((await reveal(s.longquanAdmin, filed)).statusCode).toBe(403);
    expect((await reveal(s.handlerA, viaAccount)).statusCode).toBe(403);
  });

  it('answers 404 for an anonymous case, which stores nobody (PI-8)', async () => {
    const response = await reveal(s.secretaryA, anonymous);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.details).toMatchObject({ reason: 'anonymous' });
    expect(await auditRowsOf(s.t.platform, 'civic_case.reveal_reporter', anonymous)).toHaveLength(0);
  });

  it('reveals to the handling unit and audits the reason, never the values', async () => {
    const response = await reveal(s.handlerA, filed);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ name: '王小明', phone: PHONE });
    const audits = await auditRowsOf(s.t.platform, 'civic_case.reveal_reporter', filed);
    expect(audits).toHaveLength(1);
    expect(audits[0]?.actor_id).toBe(s.handlerA.userId);
    expect(audits[0]?.details).toMatchObject({ reason: '回访核实处理结果' });
    expect(JSON.stringify(audits[0])).not.toContain(PHONE);
    expect(JSON.stringify(audits[0])).not.toContain('王小明');
  });

  it('reveals a resident’s own report to the dispatcher from their account', async () => {
    const response = await reveal(s.secretaryA, viaAccount);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ name: '李居民', phone: '13900001111' });
  });

  it('rate-limits reveals per user (SEC-22)', async () => {
    const busy = await signInAs(s.t.platform, 'branch_secretary', s.county.compoundA);
    const codes: number[] = [];
    for (let i = 0; i < 21; i += 1) codes.push((await reveal(busy, filed)).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 200)).toBe(true);
    expect(codes[20]).toBe(429);
  });
});
