import { createOrgUnit, type OrgNode } from '../../../../test/factories.ts';
import { isoNow } from '../../../platform/clock.ts';
import type { Platform } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import {
  CATEGORY,
  type CivicCounty,
  insertCase,
  propertyUnitA,
  setupCivicTest,
} from '../../civic-cases/civic-cases.test-support.ts';
import { insertMember } from '../../members/members.test-support.ts';

/**
 * A small county counted by hand for the cockpit (the clock stands at 2026-11-27; the period is October and
 * November 2026):
 *
 * - 金碧镇党委 → 金碧社区党总支 → 金碧花园 (rollout, with its branch); 龙泉镇党委 → 龙泉社区党总支 → 龙泉苑 (pilot,
 *   no branch); 金碧镇党委 also has 空白党支部 with no compound (not a drill-down row).
 * - Cases: A1 金碧花园 物业服务 received 10-05, dispatched and responded, closed 10-10 on time, rated satisfied and
 *   resolved 10-11; A2 金碧花园 车辆乱停 received 11-02, dispatched not responded, in progress and overdue;
 *   B1 龙泉苑 下水道堵塞 received 11-10, dispatched and responded, closed 11-12, rated dissatisfied 11-12;
 *   B2 龙泉苑 received 09-15 (before the period), closed 09-20.
 * - Mediations opened: A1's 10-12 agreed, B1's 11-13 pending, B2's 09-18 failed (before the period).
 * - Members by residence: m1 in 金碧花园 and its branch (reported in, confirmed), m2 at 龙泉苑 (report-in
 *   pending), m3 in 金碧社区党总支 (no compound: residence path = that branch), m4 in 金碧花园, joined 2026-11-15.
 */
export const PERIOD = { from: '2026-10-01', to: '2026-11-30' } as const;

export async function setupDashboardTest() {
  const setup = await setupCivicTest(
    'countyAdmin',
    'jinbiAdmin',
    'longquanAdmin',
    'communityAdmin',
    'secretaryA',
    'gridWorkerA',
    'residentA',
  );
  const { t, county } = setup;
  const p = t.platform;
  await p.db.updateTable('compound').set({ rollout_stage: 'pilot' }).where('id', '=', county.compoundB.id).execute();
  const emptyBranch = await createOrgUnit(p, { parent: county.committee, kind: 'branch', name: '空白党支部' });
  const cases = await insertCases(p, county);
  await insertMediation(p, cases.a1, 'agreed', '2026-10-12T02:00:00.000Z');
  await insertMediation(p, cases.b1, 'pending', '2026-11-13T02:00:00.000Z');
  await insertMediation(p, cases.b2, 'failed', '2026-09-18T02:00:00.000Z');
  const branchA = county.compoundA.branch;
  if (!branchA) throw new Error('金碧花园 has a branch');
  const m1 = await insertMember(p, { branch: branchA, residence: county.compoundA });
  const m2 = await insertMember(p, { residence: county.compoundB });
  await insertMember(p, { branch: county.community });
  const m4 = await insertMember(p, { residence: county.compoundA });
  await p.db.updateTable('member').set({ joined_on: '2026-11-15' }).where('id', '=', m4.id).execute();
  await insertReportIn(p, m1.id, county.compoundA, 'confirmed');
  await insertReportIn(p, m2.id, county.compoundB, 'pending');
  return { ...setup, emptyBranch, cases };
}

async function insertCases(p: Platform, county: CivicCounty) {
  const unitA = propertyUnitA(county);
  const a1 = await insertCase(p, county, {
    status: 'closed',
    categoryId: CATEGORY.property,
    receivedOn: '2026-10-05',
    unit: unitA,
    overrides: {
      end_type: 'resolved',
      dispatched_on: '2026-10-05',
      responded: 1,
      handle_on_time: 1,
      closed_on: '2026-10-10',
      rated_on: '2026-10-11',
      rating: 'satisfied',
      rating_resolved: 1,
    },
  });
  const a2 = await insertCase(p, county, {
    status: 'in_progress',
    categoryId: CATEGORY.parking,
    receivedOn: '2026-11-02',
    unit: unitA,
    overrides: { dispatched_on: '2026-11-02', responded: 0, overdue: 1 },
  });
  const b1 = await insertCase(p, county, {
    compound: 'B',
    status: 'closed',
    categoryId: CATEGORY.sewer,
    receivedOn: '2026-11-10',
    overrides: {
      end_type: 'resolved',
      dispatched_on: '2026-11-10',
      responded: 1,
      handle_on_time: 0,
      closed_on: '2026-11-12',
      rated_on: '2026-11-12',
      rating: 'dissatisfied',
      rating_resolved: 0,
    },
  });
  const b2 = await insertCase(p, county, {
    compound: 'B',
    status: 'closed',
    receivedOn: '2026-09-15',
    overrides: { end_type: 'resolved', dispatched_on: '2026-09-15', responded: 1, closed_on: '2026-09-20' },
  });
  return { a1: a1.id, a2: a2.id, b1: b1.id, b2: b2.id };
}

async function insertMediation(p: Platform, caseId: string, outcome: 'agreed' | 'pending' | 'failed', at: string) {
  await p.db
    .insertInto('civic_mediation')
    .values({
      case_id: caseId,
      mediator_user_id: null,
      mediator_name: '调解员',
      parties: '[]',
      outcome,
      agreement_text: null,
      agreement_file_id: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

/** A member's report-in at a compound (the members module's own helper lives below its index, out of reach). */
async function insertReportIn(p: Platform, memberId: string, compound: OrgNode, status: 'pending' | 'confirmed') {
  const now = isoNow(p.clock);
  await p.db
    .insertInto('member_report_in')
    .values({
      id: newId(),
      member_id: memberId,
      compound_id: compound.id,
      path: compound.path,
      work_unit_id: null,
      status,
      skills: null,
      registered_at: now,
      decided_by: null,
      decided_at: status === 'confirmed' ? now : null,
      reject_reason: null,
      receipt_no: status === 'confirmed' ? `BD-T-${memberId.slice(-6)}` : null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}
