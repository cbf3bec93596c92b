import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { idNumberProblem } from '@linli/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { seedDemoIfEmpty } from './index.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ config: { LINLI_DATA_DIR: mkdtempSync(join(tmpdir(), 'linli-demo-')) } });
  await seedDemoIfEmpty(t.platform);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const count = async (query: ReturnType<typeof sql<{ n: number }>>) =>
  Number((await query.execute(t.platform.db)).rows[0]?.n ?? -1);

describe('the demo county’s members, 双报到, posts and services', () => {
  it('has a roster in plausible proportions, every ID a valid GB 11643 number and unique', async () => {
    const members = await t.platform.db.selectFrom('member').select(['id_number_cipher', 'employment']).execute();
    expect(members.length).toBeGreaterThan(500);
    const ids = members.map((m) => t.platform.cipher.decrypt(m.id_number_cipher));
    expect(ids.filter((id) => idNumberProblem(id) !== null)).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    const inService = members.filter((m) => m.employment === 'in_service').length / members.length;
    expect(inService).toBeGreaterThan(0.3);
    expect(inService).toBeLessThan(0.65);
  });

  it('keeps each member’s report-in state equal to the member’s report-in rows', async () => {
    const disagreeing = await count(sql<{ n: number }>`
      SELECT count(*) AS n FROM member m
      WHERE m.report_in_status <> COALESCE(
        (SELECT r.status FROM member_report_in r WHERE r.member_id = m.id ORDER BY r.registered_at DESC LIMIT 1),
        'none')`);
    expect(disagreeing).toBe(0);
    const confirmedWithoutReceipt = await count(
      sql<{ n: number }>`SELECT count(*) AS n FROM member_report_in WHERE status = 'confirmed' AND receipt_no IS NULL`,
    );
    expect(confirmedWithoutReceipt).toBe(0);
    expect(await count(sql<{ n: number }>`SELECT count(*) AS n FROM member_report_in`)).toBeGreaterThan(100);
  });

  it('never approves more claims than a post has seats, and services come from reported-in members', async () => {
    const overfull = await count(sql<{ n: number }>`
      SELECT count(*) AS n FROM post p
      WHERE p.seats < (SELECT count(*) FROM post_claim c WHERE c.post_id = p.id AND c.status = 'approved')`);
    expect(overfull).toBe(0);
    const byUnreported = await count(sql<{ n: number }>`
      SELECT count(*) AS n FROM service_record s JOIN member m ON m.id = s.member_id
      WHERE m.report_in_status <> 'confirmed'`);
    expect(byUnreported).toBe(0);
    expect(await count(sql<{ n: number }>`SELECT count(*) AS n FROM service_record`)).toBeGreaterThan(100);
  });

  it('puts the demo member on the roster, in service and not reported in, and gives the resident a service to rate', async () => {
    const member = await t.platform.db
      .selectFrom('member')
      .innerJoin('app_user', 'app_user.id', 'member.user_id')
      .select(['member.name', 'member.employment', 'member.report_in_status', 'app_user.display_name'])
      .where('app_user.phone_index', '=', t.platform.blindIndex('13900000001'))
      .executeTakeFirstOrThrow();
    expect(member).toMatchObject({ employment: 'in_service', report_in_status: 'none', name: member.display_name });
    const toRate = await t.platform.db
      .selectFrom('service_record')
      .innerJoin('resident', 'resident.household_id', 'service_record.household_id')
      .innerJoin('app_user', 'app_user.id', 'resident.user_id')
      .select('service_record.id')
      .where('app_user.phone_index', '=', t.platform.blindIndex('13900000002'))
      .where('service_record.rating', 'is', null)
      .execute();
    expect(toRate.length).toBeGreaterThan(0);
  });

  it('stores no member phone or ID number in plain text', async () => {
    const sample = await t.platform.db
      .selectFrom('member')
      .select(['phone_cipher', 'id_number_cipher'])
      .limit(5)
      .execute();
    for (const row of sample) {
      expect(row.phone_cipher).not.toMatch(/1[3-9]\d{9}/);
      expect(row.id_number_cipher).not.toMatch(/\d{17}[\dX]/);
    }
  });
});
