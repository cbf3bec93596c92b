import { buildCounty, createCompound, createGrid, createOrgUnit, type OrgNode } from '../../../../test/factories.ts';
import type { TestApp } from '../../../../test/harness.ts';
import { isoNow } from '../../../platform/clock.ts';
import type { Platform } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';

/*
 * The organisation half of the reports dataset (see `reports.test-support.ts` for the whole story and
 * `figures-expected.test-support.ts` for the answers). Rows are written straight into the tables.
 */

/** Before the period: what the county already had on 2026-01-01. */
export const BEFORE = '2025-12-01T02:00:00.000Z';
/** After the period's end (2026-06-30): rows created then must not count in stock figures. */
export const LATE = '2026-08-01T02:00:00.000Z';

async function insertDutyZone(platform: Platform, kind: 'river' | 'street', holder: OrgNode, name: string) {
  const id = newId();
  const now = isoNow(platform.clock);
  await platform.db
    .insertInto('duty_zone')
    .values({
      id,
      kind,
      name,
      description: null,
      holder_org_id: holder.id,
      path: `${holder.path}${id}/`,
      geometry: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

async function insertPartnerUnit(platform: Platform, org: OrgNode, name: string, compounds: OrgNode[]) {
  const id = newId();
  const now = isoNow(platform.clock);
  await platform.db
    .insertInto('partner_unit')
    .values({
      id,
      name,
      contact_name: null,
      contact_phone_cipher: null,
      resources: null,
      org_id: org.id,
      path: `${org.path}${id}/`,
      created_at: now,
      updated_at: now,
    })
    .execute();
  for (const compound of compounds) {
    await platform.db
      .insertInto('partner_unit_compound')
      .values({ partner_unit_id: id, compound_id: compound.id })
      .execute();
  }
}

async function insertVenue(platform: Platform, compound: OrgNode, name: string) {
  const id = newId();
  const now = isoNow(platform.clock);
  await platform.db
    .insertInto('venue')
    .values({
      id,
      compound_id: compound.id,
      name,
      address: null,
      area_sqm: 60,
      equipment: '[]',
      path: `${compound.path}${id}/`,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/** A branch term elected on `electedOn` with `size` committee members. */
async function insertTerm(platform: Platform, branch: OrgNode, electedOn: string, size: number) {
  const id = newId();
  const now = isoNow(platform.clock);
  const year = Number(electedOn.slice(0, 4));
  await platform.db
    .insertInto('branch_term')
    .values({
      id,
      branch_org_id: branch.id,
      elected_on: electedOn,
      starts_on: electedOn,
      ends_on: `${year + 5}${electedOn.slice(4)}`,
      path: `${branch.path}${id}/`,
      created_at: now,
      updated_at: now,
    })
    .execute();
  for (let i = 0; i < size; i += 1) {
    await platform.db
      .insertInto('branch_term_member')
      .values({ id: newId(), term_id: id, name: `委员${i + 1}`, position: i === 0 ? '书记' : '委员', sort_order: i })
      .execute();
  }
}

const branchOf = (compound: { branch: OrgNode | null }): OrgNode => {
  if (!compound.branch) throw new Error('compound without a branch');
  return compound.branch;
};

/**
 * `buildCounty` plus: 金碧雅苑 (A2, pilot, branch), 金碧新村 (A3, validation, no branch and no rows at all: the
 * empty compound), 龙泉新居 (B2, validation, branch); 县直机关工委 with two organ branches and 金碧镇's own organ
 * branch; grids, duty zones, partner units, venues and branch terms. Then, after the period, 金碧东苑 (A4) with
 * a branch and a term, a grid, a street zone, a partner unit, a venue and a new term for A2 — none may count.
 */
export async function buildReportsCounty(t: TestApp) {
  const p = t.platform;
  t.clock.set(BEFORE);
  const base = await buildCounty(p);
  const compoundA2 = await createCompound(p, base.community, {
    name: '金碧雅苑',
    rolloutStage: 'pilot',
    withBranch: true,
  });
  const compoundA3 = await createCompound(p, base.community, { name: '金碧新村', rolloutStage: 'validation' });
  const compoundB2 = await createCompound(p, base.otherCommunity, {
    name: '龙泉新居',
    rolloutStage: 'validation',
    withBranch: true,
  });
  const organs = await createOrgUnit(p, {
    parent: base.county,
    kind: 'working_committee',
    sector: 'organ',
    name: '县直机关工委',
  });
  const organ1 = await createOrgUnit(p, {
    parent: organs,
    kind: 'branch',
    sector: 'organ',
    name: '县财政局机关党支部',
  });
  const organ2 = await createOrgUnit(p, {
    parent: organs,
    kind: 'branch',
    sector: 'organ',
    name: '县住建局机关党支部',
  });
  const organJ = await createOrgUnit(p, {
    parent: base.committee,
    kind: 'branch',
    sector: 'organ',
    name: '金碧镇机关党支部',
  });
  const gridA2 = await createGrid(p, base.community, compoundA2);
  const gridJ = await createGrid(p, base.community);
  const gridB = await createGrid(p, base.otherCommunity, base.compoundB);
  await insertDutyZone(p, 'river', organ1, '金碧河一段');
  await insertDutyZone(p, 'river', organ1, '金碧河二段');
  await insertDutyZone(p, 'river', organ2, '龙泉河一段');
  await insertDutyZone(p, 'street', organ2, '人民路');
  await insertDutyZone(p, 'street', organJ, '金碧街');
  await insertPartnerUnit(p, base.community, '县供电公司', [base.compoundA]);
  await insertPartnerUnit(p, base.committee, '县人民医院', [compoundA2]);
  await insertPartnerUnit(p, base.otherCommunity, '县第二中学', [base.compoundB]);
  await insertPartnerUnit(p, base.county, '县邮政局', [base.compoundA]);
  await insertVenue(p, base.compoundA, '金碧花园党群服务站');
  await insertVenue(p, base.compoundA, '金碧花园党员活动室');
  await insertVenue(p, compoundA2, '金碧雅苑议事厅');
  await insertVenue(p, base.compoundB, '龙泉苑活动室');
  await insertTerm(p, branchOf(base.compoundA), '2023-03-01', 3);
  await insertTerm(p, branchOf(base.compoundA), '2026-03-15', 5);
  await insertTerm(p, branchOf(compoundA2), '2025-06-01', 3);
  await insertTerm(p, branchOf(compoundB2), '2024-05-01', 4);

  t.clock.set(LATE);
  const compoundA4 = await createCompound(p, base.community, {
    name: '金碧东苑',
    rolloutStage: 'pilot',
    withBranch: true,
  });
  await createGrid(p, base.community, base.compoundA);
  await insertDutyZone(p, 'street', organ1, '金碧东路');
  await insertPartnerUnit(p, base.community, '县自来水公司', [base.compoundA]);
  await insertVenue(p, base.compoundA, '金碧花园图书角');
  await insertTerm(p, branchOf(compoundA2), '2026-08-10', 7);
  await insertTerm(p, branchOf(compoundA4), '2026-08-15', 3);
  t.clock.set(BEFORE);

  return {
    ...base,
    compoundA2,
    compoundA3,
    compoundA4,
    compoundB2,
    organs,
    organ1,
    organ2,
    organJ,
    gridA2,
    gridJ,
    gridB,
  };
}

export type ReportsCounty = Awaited<ReturnType<typeof buildReportsCounty>>;
