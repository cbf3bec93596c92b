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

describe('the demo county’s year of 民情', () => {
  it('has cases across channels, categories and outcomes, each in the state its last event left it', async () => {
    const cases = await t.platform.db
      .selectFrom('civic_case')
      .select(['id', 'status', 'channel', 'category_id', 'end_type', 'anonymous', 'reporter_user_id'])
      .execute();
    expect(cases.length).toBeGreaterThan(250);
    expect(new Set(cases.map((c) => c.channel)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(cases.map((c) => c.category_id)).size).toBeGreaterThanOrEqual(12);
    const endTypes = new Set(cases.map((c) => c.end_type));
    for (const type of ['resolved', 'unresolved', 'voided', null]) expect(endTypes).toContain(type);
    expect(cases.filter((c) => c.anonymous === 1 && c.reporter_user_id !== null)).toEqual([]);
    const disagreeing = await count(sql<{ n: number }>`
      SELECT count(*) AS n FROM civic_case c
      WHERE c.status <> (SELECT e.to_status FROM civic_case_event e WHERE e.case_id = c.id ORDER BY e.seq DESC LIMIT 1)`);
    expect(disagreeing).toBe(0);
  });

  it('keeps each case’s counters equal to its events', async () => {
    const wrong = await count(sql<{ n: number }>`
      SELECT count(*) AS n FROM civic_case c
      WHERE c.rework_count <> (SELECT count(*) FROM civic_case_event e WHERE e.case_id = c.id AND e.type = 'reject')
         OR c.reopen_count <> (SELECT count(*) FROM civic_case_event e WHERE e.case_id = c.id AND e.type = 'reopen')
         OR c.extension_count <> (SELECT count(*) FROM civic_case_request r
                                  WHERE r.case_id = c.id AND r.kind = 'extension' AND r.status = 'granted')
         OR (c.rated_at IS NULL) <> NOT EXISTS (SELECT 1 FROM civic_case_event e WHERE e.case_id = c.id AND e.type = 'rate')`);
    expect(wrong).toBe(0);
  });

  it('leaves something in each demo account’s inbox', async () => {
    const waiting = async (role: string, statuses: string[]) => {
      const assignment = await t.platform.db
        .selectFrom('role_assignment')
        .innerJoin('app_user', 'app_user.id', 'role_assignment.user_id')
        .select(['role_assignment.scope_path'])
        .where('role_assignment.role', '=', role)
        .where('app_user.username', '=', role.replaceAll('_', '-'))
        .executeTakeFirstOrThrow();
      const rows = await t.platform.db
        .selectFrom('civic_case')
        .select('id')
        .where('status', 'in', statuses as never[])
        .where((eb) =>
          eb.or([
            eb('unit_path', 'like', `${assignment.scope_path}%`),
            eb('path', 'like', `${assignment.scope_path}%`),
          ]),
        )
        .execute();
      return rows.length;
    };
    expect(await waiting('grid_worker', ['dispatched', 'handled'])).toBeGreaterThan(0);
    expect(await waiting('handler', ['dispatched'])).toBeGreaterThan(0);
    expect(await waiting('branch_secretary', ['submitted'])).toBeGreaterThan(0);
    const toRate = await t.platform.db
      .selectFrom('civic_case')
      .innerJoin('app_user', 'app_user.id', 'civic_case.reporter_user_id')
      .select('civic_case.id')
      .where('app_user.phone_index', '=', t.platform.blindIndex('13900000002'))
      .where('civic_case.status', '=', 'closed')
      .where('civic_case.rated_at', 'is', null)
      .execute();
    expect(toRate.length).toBeGreaterThan(0);
  });
});
