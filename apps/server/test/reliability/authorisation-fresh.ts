import type { CivicCaseStatus } from '@linli/contracts';
import type { Insertable } from 'kysely';
import { defaultPostCategoryId } from '../../src/db/migrations/0006-members.ts';
import type { CivicCaseTable } from '../../src/db/schema-civic.ts';
import { CATEGORY, insertCase } from '../../src/modules/civic-cases/civic-cases.test-support.ts';
import { realJpeg } from '../../src/modules/civic-cases/intake/intake.test-support.ts';
import {
  insertMember,
  insertPostClaim,
  insertReportIn,
  testPhone,
} from '../../src/modules/members/members.test-support.ts';
import { isoNow } from '../../src/platform/clock.ts';
import { newId } from '../../src/platform/ids.ts';
import { createOrgUnit, type OrgNode, sessionFor } from '../factories.ts';
import type { TestApp } from '../harness.ts';
import { API, multipart } from './authorisation-cells.ts';
import { quickUser } from './authorisation-users.ts';
import { apiOf, type SidePlaces } from './authorisation-world.ts';

/**
 * Fresh objects for cells whose call consumes one (a decision, a delete, a state change): made straight in the
 * tables, in the state the route acts on, so every cell of a route meets the same object state.
 */

export const CIVIC_CATEGORY = CATEGORY;
/** 组织建设, the first default post category. */
export const POST_CATEGORY = defaultPostCategoryId(0);

/** A 民情 case on the side, in the grid, reported by the side's resident, led by its property company. */
export async function freshCase(
  t: TestApp,
  places: SidePlaces,
  options: {
    status?: CivicCaseStatus;
    kind?: 'request' | 'mediation';
    photo?: string;
    reporterUserId?: string | null;
    overrides?: Partial<Insertable<CivicCaseTable>>;
  } = {},
): Promise<string> {
  const compound = { ...places.compound, branch: places.branch };
  // insertCase places its case in `compoundA` of the county it is given: here, this side's places.
  const view = {
    county: places.town,
    committee: places.town,
    otherCommittee: places.town,
    community: places.community,
    otherCommunity: places.community,
    compoundA: compound,
    compoundB: compound,
    gridA: places.grid,
    propertyCompanyA: places.propertyCompany,
    branchPartyA: places.branchParty,
  };
  const status = options.status ?? 'submitted';
  const dispatched = !['submitted', 'triaged', 'accepted', 'voided'].includes(status);
  const { id } = await insertCase(t.platform, view, {
    status,
    reporterUserId: options.reporterUserId === undefined ? places.resident.userId : options.reporterUserId,
    unit: dispatched ? { kind: 'property_company', id: places.propertyCompany, path: places.compound.path } : null,
    overrides: { kind: options.kind ?? 'request', ...options.overrides },
  });
  if (options.photo) {
    await t.platform.db
      .updateTable('stored_file')
      .set({ owner_type: 'civic_case', owner_id: id, path: places.grid.path })
      .where('id', '=', options.photo)
      .execute();
    await t.platform.db
      .insertInto('civic_case_file')
      .values({ file_id: options.photo, case_id: id, event_id: null, kind: 'report' })
      .execute();
  }
  return id;
}

/** A photo uploaded by the user through the API (not yet attached to anything). */
export async function freshPhotoUpload(t: TestApp, userId: string): Promise<string> {
  const upload = multipart('photo.jpg', await realJpeg(), 'image/jpeg');
  const session = await sessionFor(t.platform, userId);
  const file = await apiOf(t).ok<{ id: string }>(session, 'POST', `${API}/files`, upload.payload, upload.headers);
  return file.id;
}

/** An open post of the side's compound. */
export async function freshPost(t: TestApp, places: SidePlaces): Promise<string> {
  const now = isoNow(t.platform.clock);
  const id = newId();
  await t.platform.db
    .insertInto('post')
    .values({
      id,
      compound_id: places.compound.id,
      path: places.compound.path,
      category_id: POST_CATEGORY,
      title: '楼栋长',
      duties: '联系本楼住户，收集诉求',
      seats: 5,
      area_kind: 'none',
      area_buildings: null,
      duty_zone_id: null,
      status: 'open',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** A pending claim of the side's member (or the given member) on a new post of the side's compound. */
export async function freshPostClaim(t: TestApp, places: SidePlaces, memberId = places.member.memberId) {
  await insertPostClaim(t.platform, { memberId, compound: places.compound, title: '宣传员', status: 'pending' });
  const row = await t.platform.db
    .selectFrom('post_claim')
    .select('id')
    .where('member_id', '=', memberId)
    .where('status', '=', 'pending')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An unrated service of the side's member for the side's household. */
export async function freshServiceRecord(t: TestApp, places: SidePlaces): Promise<string> {
  const now = isoNow(t.platform.clock);
  const id = newId();
  await t.platform.db
    .insertInto('service_record')
    .values({
      id,
      member_id: places.member.memberId,
      compound_id: places.compound.id,
      path: places.compound.path,
      need_id: null,
      post_id: null,
      household_id: places.household,
      served_on: '2026-11-20',
      minutes: 60,
      content: '帮忙打扫楼道',
      rating: null,
      rated_by_kind: null,
      rated_by: null,
      rated_at: null,
      rating_comment: null,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** A leaf org unit under `parent` (deleted or moved by a cell). */
export async function freshLeafOrg(t: TestApp, parent: OrgNode): Promise<OrgNode> {
  return createOrgUnit(t.platform, { parent, kind: 'branch', sector: 'community', name: '临时支部' });
}

/** An organ Party branch of the town: files its own 报到单, one open at a time per target. */
export const freshOrganBranch = (t: TestApp, places: SidePlaces): Promise<OrgNode> =>
  createOrgUnit(t.platform, { parent: places.town, kind: 'branch', sector: 'organ', name: '机关党支部' });

/** A member of the side's branch living in its compound (roster entry only, no account). */
export async function freshMember(t: TestApp, places: SidePlaces): Promise<string> {
  const member = await insertMember(t.platform, { residence: places.compound, branch: places.branch });
  return member.id;
}

/** A new member's pending report-in to the side's compound. */
export async function freshPendingReportIn(t: TestApp, places: SidePlaces): Promise<string> {
  const memberId = await freshMember(t, places);
  return insertReportIn(t.platform, { memberId, compound: places.compound, status: 'pending' });
}

/** A new account's pending claim to live in the side's compound (as registration leaves it). */
export async function freshResidentClaim(t: TestApp, places: SidePlaces): Promise<string> {
  const user = await quickUser(t, { phone: testPhone() });
  const id = newId();
  await t.platform.db
    .insertInto('resident_claim')
    .values({
      id,
      user_id: user.id,
      compound_id: places.compound.id,
      path: places.compound.path,
      building: '7栋',
      unit: null,
      room: '301',
      status: 'pending',
      decided_by: null,
      decided_at: null,
      created_at: isoNow(t.platform.clock),
    })
    .execute();
  return id;
}

/** An open need of the side's compound. */
export async function freshNeed(t: TestApp, places: SidePlaces): Promise<string> {
  const now = isoNow(t.platform.clock);
  const id = newId();
  await t.platform.db
    .insertInto('need')
    .values({
      id,
      compound_id: places.compound.id,
      path: places.compound.path,
      category_id: POST_CATEGORY,
      title: '陪同就医',
      description: '独居老人下周复查需要陪同',
      household_id: null,
      due_on: null,
      status: 'open',
      claimed_by_member_id: null,
      claimed_at: null,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** A resident row of the side's household (removed by a cell). */
export async function freshResident(t: TestApp, places: SidePlaces): Promise<string> {
  const now = isoNow(t.platform.clock);
  const id = newId();
  await t.platform.db
    .insertInto('resident')
    .values({
      id,
      household_id: places.household,
      path: places.grid.path,
      name: '家属',
      relation: 'family',
      phone_cipher: null,
      phone_index: null,
      user_id: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** A new member of the side linked to its household (党员联系住户), the link removed by a cell. */
export async function freshHouseholdLink(t: TestApp, places: SidePlaces): Promise<string> {
  const id = newId();
  await t.platform.db
    .insertInto('household_link')
    .values({
      id,
      member_id: await freshMember(t, places),
      household_id: places.household,
      path: places.grid.path,
      created_at: isoNow(t.platform.clock),
      created_by: null,
    })
    .execute();
  return id;
}

/** A dispute case of the side with its two parties on record, as a mediator's first save leaves it. */
export async function freshMediationCase(t: TestApp, places: SidePlaces): Promise<string> {
  const id = await freshCase(t, places, { status: 'accepted', kind: 'mediation' });
  const now = isoNow(t.platform.clock);
  const party = (name: string, role: 'applicant' | 'respondent') => ({
    name,
    role,
    phoneCipher: null,
    householdId: null,
  });
  await t.platform.db
    .insertInto('civic_mediation')
    .values({
      case_id: id,
      mediator_user_id: null,
      mediator_name: '调解员',
      parties: JSON.stringify([party('甲方', 'applicant'), party('乙方', 'respondent')]),
      outcome: 'pending',
      agreement_text: null,
      agreement_file_id: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** An open manual 督办 of the side's town on a signed case of its property company. */
export async function freshSupervision(t: TestApp, places: SidePlaces): Promise<string> {
  const caseId = await freshCase(t, places, { status: 'signed', overrides: { open_supervisions: 1 } });
  const id = newId();
  const now = isoNow(t.platform.clock);
  await t.platform.db
    .insertInto('civic_supervision')
    .values({
      id,
      case_id: caseId,
      kind: 'manual',
      level_org_id: places.town.id,
      level_path: places.town.path,
      unit_kind: 'property_company',
      unit_id: places.propertyCompany,
      unit_name: '物业服务有限公司',
      reason: '群众反映强烈',
      status: 'open',
      due_at: '2026-11-28T02:00:00.000Z',
      answer: null,
      answered_by: null,
      answered_at: null,
      dedupe_key: null,
      created_by: null,
      created_at: now,
    })
    .execute();
  return id;
}
