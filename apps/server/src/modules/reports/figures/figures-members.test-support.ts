import type { TestApp } from '../../../../test/harness.ts';
import { isoNow } from '../../../platform/clock.ts';
import type { Platform } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import {
  insertHousehold,
  insertMember,
  insertPostClaim,
  insertReportIn,
  insertService,
} from '../../members/members.test-support.ts';
import { BEFORE, LATE, type ReportsCounty } from './figures-organisation.test-support.ts';

/*
 * The members half of the reports dataset: thirteen members m1…m13 (see the table in
 * `figures-expected.test-support.ts`), their report-ins, organisations' report-ins, posts and claims, household
 * links and service records.
 */

async function insertOrgReportIn(
  platform: Platform,
  input: {
    reporting: { id: string; path: string };
    target: { id: string; path: string };
    targetKind: 'compound' | 'community';
    status: 'submitted' | 'received';
    receivedAt?: string;
  },
) {
  const now = isoNow(platform.clock);
  const id = newId();
  await platform.db
    .insertInto('org_report_in')
    .values({
      id,
      reporting_org_id: input.reporting.id,
      reporting_path: input.reporting.path,
      target_kind: input.targetKind,
      target_id: input.target.id,
      path: input.target.path,
      contact_name: '联络员',
      contact_phone_cipher: platform.cipher.encrypt('13900000000'),
      resources: '党员志愿者',
      reported_on: now.slice(0, 10),
      status: input.status,
      receipt_no: input.status === 'received' ? `JG-T-${id.slice(-6)}` : null,
      received_by: null,
      received_at: input.status === 'received' ? (input.receivedAt ?? now) : null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

async function insertLink(platform: Platform, memberId: string, householdId: string) {
  const household = await platform.db
    .selectFrom('household')
    .select('path')
    .where('id', '=', householdId)
    .executeTakeFirstOrThrow();
  await platform.db
    .insertInto('household_link')
    .values({
      id: newId(),
      member_id: memberId,
      household_id: householdId,
      path: household.path,
      created_at: isoNow(platform.clock),
      created_by: null,
    })
    .execute();
}

/** The members, report-ins, posts, links and services of the dataset; answers the members by name. */
export async function insertReportsMembers(t: TestApp, c: ReportsCounty) {
  const p = t.platform;
  t.clock.set(BEFORE);
  const A = c.compoundA;
  const A2 = c.compoundA2;
  const m = {
    m1: await insertMember(p, { residence: A, branch: A.branch, name: '甲一' }),
    m2: await insertMember(p, { residence: A, branch: A.branch, name: '甲二' }),
    m3: await insertMember(p, { residence: A, branch: A.branch, name: '甲三', employment: 'retired' }),
    m4: await insertMember(p, { residence: A, branch: A.branch, name: '甲四', employment: 'retired' }),
    m5: await insertMember(p, { residence: A, branch: c.organ1, name: '甲五' }),
    m6: await insertMember(p, { residence: A, branch: A.branch, name: '甲六' }),
    m7: await insertMember(p, { residence: A2, branch: A2.branch, name: '乙一' }),
    m8: await insertMember(p, { residence: A2, branch: A2.branch, name: '乙二', employment: 'retired' }),
    m9: await insertMember(p, { residence: A2, branch: c.community, name: '乙三', employment: 'other' }),
    m10: await insertMember(p, { residence: c.compoundB, name: '丙一' }),
    m11: await insertMember(p, {
      residence: c.compoundB2,
      branch: c.compoundB2.branch,
      name: '丙二',
      employment: 'retired',
    }),
    m12: await insertMember(p, { residence: c.compoundB2, branch: c.compoundB2.branch, name: '丙三' }),
    m13: await insertMember(p, { branch: c.organ2, name: '丁一' }),
  };
  // m6 joined the Party after the period: not a member as at its end.
  await p.db
    .updateTable('member')
    .set({ joined_on: '2026-09-01', full_member_on: null })
    .where('id', '=', m.m6.id)
    .execute();

  await insertReportIn(p, {
    memberId: m.m1.id,
    compound: A,
    status: 'confirmed',
    decidedAt: '2026-02-10T02:00:00.000Z',
  });
  await insertReportIn(p, {
    memberId: m.m2.id,
    compound: A,
    status: 'confirmed',
    decidedAt: '2026-09-01T02:00:00.000Z',
  });
  await insertReportIn(p, {
    memberId: m.m5.id,
    compound: A,
    status: 'confirmed',
    decidedAt: '2025-11-20T02:00:00.000Z',
  });
  await insertReportIn(p, { memberId: m.m7.id, compound: A2, status: 'pending' });
  await insertReportIn(p, { memberId: m.m10.id, compound: c.compoundB, status: 'rejected' });
  await insertReportIn(p, {
    memberId: m.m12.id,
    compound: c.compoundB2,
    status: 'confirmed',
    decidedAt: '2026-04-01T02:00:00.000Z',
  });

  const at = (day: string) => `${day}T02:00:00.000Z`;
  await insertOrgReportIn(p, {
    reporting: c.organ1,
    target: A,
    targetKind: 'compound',
    status: 'received',
    receivedAt: at('2026-03-01'),
  });
  await insertOrgReportIn(p, { reporting: c.organ2, target: A, targetKind: 'compound', status: 'submitted' });
  await insertOrgReportIn(p, {
    reporting: c.organ2,
    target: c.community,
    targetKind: 'community',
    status: 'received',
    receivedAt: at('2026-05-01'),
  });
  await insertOrgReportIn(p, {
    reporting: c.organ1,
    target: A2,
    targetKind: 'compound',
    status: 'received',
    receivedAt: at('2026-08-01'),
  });
  await insertOrgReportIn(p, {
    reporting: c.organ1,
    target: c.compoundB,
    targetKind: 'compound',
    status: 'received',
    receivedAt: at('2026-02-01'),
  });

  await insertPostClaim(p, { memberId: m.m1.id, compound: A, title: '楼栋长', decidedAt: at('2026-02-01') });
  await insertPostClaim(p, { memberId: m.m2.id, compound: A, title: '环境监督岗', decidedAt: at('2026-03-01') });
  await insertPostClaim(p, { memberId: m.m1.id, compound: A, title: '政策宣传岗', decidedAt: at('2026-03-02') });
  await insertPostClaim(p, { memberId: m.m3.id, compound: A, title: '文明劝导岗', status: 'pending' });
  const closed = await insertPostClaim(p, { memberId: m.m3.id, compound: A, title: '防汛岗', status: 'pending' });
  await p.db.updateTable('post').set({ status: 'closed' }).where('id', '=', closed).execute();
  await insertPostClaim(p, { memberId: m.m7.id, compound: A2, title: '楼栋长', decidedAt: at('2026-09-01') });
  await insertPostClaim(p, {
    memberId: m.m12.id,
    compound: c.compoundB2,
    title: '楼栋长',
    decidedAt: at('2026-05-01'),
  });

  const hA1 = await insertHousehold(p, A, { building: '1栋', unit: '1单元', room: '101' }, c.gridA);
  const hA2 = await insertHousehold(p, A, { building: '1栋', unit: '1单元', room: '102' }, c.gridA);
  const hA3 = await insertHousehold(p, A, { building: '2栋', unit: '1单元', room: '201' });
  const hA2x = await insertHousehold(p, A2, { building: '5栋', unit: '', room: '501' }, c.gridA2);
  const hB2 = await insertHousehold(p, c.compoundB2, { building: '3栋', unit: '2单元', room: '301' });
  await insertLink(p, m.m1.id, hA1);
  await insertLink(p, m.m2.id, hA1);
  await insertLink(p, m.m1.id, hA2);
  await insertLink(p, m.m7.id, hA2x);
  await insertLink(p, m.m12.id, hB2);

  await insertService(p, { memberId: m.m1.id, compound: A, servedOn: '2026-01-15', minutes: 90 });
  await insertService(p, { memberId: m.m2.id, compound: A, servedOn: '2026-03-10', minutes: 45 });
  await insertService(p, { memberId: m.m5.id, compound: A, servedOn: '2026-06-30', minutes: 50 });
  await insertService(p, { memberId: m.m1.id, compound: A, servedOn: '2026-07-01', minutes: 120 });
  await insertService(p, { memberId: m.m1.id, compound: A, servedOn: '2025-12-31', minutes: 30 });
  await insertService(p, { memberId: m.m7.id, compound: A2, servedOn: '2026-02-02', minutes: 35 });
  await insertService(p, { memberId: m.m12.id, compound: c.compoundB2, servedOn: '2026-04-04', minutes: 80 });

  t.clock.set(LATE);
  await insertPostClaim(p, { memberId: m.m4.id, compound: A, title: '夜间巡逻岗', decidedAt: at('2026-08-02') });
  await insertLink(p, m.m3.id, hA3);
  t.clock.set(BEFORE);
  return m;
}
