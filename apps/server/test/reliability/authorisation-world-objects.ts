import { randomUUID } from 'node:crypto';
import { insertReportIn } from '../../src/modules/members/members.test-support.ts';
import { runLedgerJobs } from '../../src/modules/reports/ledgers/ledgers.test-support.ts';
import { isoNow } from '../../src/platform/clock.ts';
import { newId } from '../../src/platform/ids.ts';
import { assignRole, type OrgNode, sessionFor } from '../factories.ts';
import type { Session, TestApp } from '../harness.ts';
import { API, multipart } from './authorisation-cells.ts';
import {
  CIVIC_CATEGORY,
  freshCase,
  freshPhotoUpload,
  freshPost,
  freshServiceRecord,
  freshSupervision,
  POST_CATEGORY,
} from './authorisation-fresh.ts';
import { quickUser } from './authorisation-users.ts';
import { apiOf, type SidePlaces } from './authorisation-world.ts';

/** One object of every kind the routes address by id, on one side (ids unless said otherwise). */
export interface SideObjects {
  /** A committee admin on the side's town: makes what takes its place from its maker's scope (imports, documents). */
  townOperator: Session;
  /** A grid worker's account on the side (the account routes' object). */
  account: string;
  dutyZone: string;
  partnerUnit: string;
  venue: string;
  branchTerm: string;
  /** A work unit whose Party organisation is the side's organ branch; the side's member works there. */
  workUnit: string;
  memberImport: string;
  orgReportIn: string;
  /** The side member's confirmed report-in to its compound: has a receipt. */
  confirmedReportIn: string;
  post: string;
  need: string;
  /** A service of the side's member for the side's household, unrated (its resident may rate it). */
  serviceRecord: string;
  /** A 民情 case in the grid, reported by the side's resident with a photo, dispatched to the property company. */
  civicCase: string;
  photo: string;
  /** A dispute case (kind `mediation`) with its parties recorded, and one whose agreement was reached. */
  mediationCase: string;
  agreedCase: string;
  routingRule: string;
  workReport: string;
  /** A finished ledger export of the side's town. */
  ledgerExport: string;
  feedbackDocument: string;
}

export interface SeedInput {
  t: TestApp;
  county: OrgNode;
  operators: { county: Session };
  places: SidePlaces;
}

const PERIOD = { from: '2026-01-01', to: '2026-11-26' };

/** A town-level committee admin of the side: made by factories, never one of the matrix actors. */
async function townOperatorOf(t: TestApp, places: SidePlaces): Promise<Session> {
  const user = await quickUser(t, { displayName: '镇操作员' });
  await assignRole(t.platform, user.id, 'committee_admin', places.town);
  return sessionFor(t.platform, user.id);
}

async function seedOrganisation(input: SeedInput) {
  const api = apiOf(input.t);
  const op = input.operators.county;
  const { places } = input;
  const user = await quickUser(input.t, { displayName: '网格员账号' });
  await assignRole(input.t.platform, user.id, 'grid_worker', places.grid);
  const zone = await api.ok<{ id: string }>(op, 'POST', `${API}/duty-zones`, {
    kind: 'river',
    name: '河道责任区',
    holderOrgId: places.organ.id,
  });
  const partner = await api.ok<{ id: string }>(op, 'POST', `${API}/partner-units`, {
    name: '共建单位',
    orgId: places.town.id,
    compoundIds: [places.compound.id],
  });
  const venue = await api.ok<{ id: string }>(op, 'POST', `${API}/venues`, {
    compoundId: places.compound.id,
    name: '党群服务站',
    areaSqm: 120,
  });
  const term = await api.ok<{ id: string }>(op, 'POST', `${API}/branch-terms`, {
    branchOrgId: places.branch.id,
    electedOn: '2024-03-15',
    startsOn: '2024-03-15',
    endsOn: '2029-03-14',
    members: [{ name: '张书记', position: 'secretary' }],
  });
  return { account: user.id, dutyZone: zone.id, partnerUnit: partner.id, venue: venue.id, branchTerm: term.id };
}

async function seedMembers(input: SeedInput, townOperator: Session) {
  const { t, places } = input;
  const api = apiOf(t);
  const op = input.operators.county;
  const workUnit = await api.ok<{ id: string }>(op, 'POST', `${API}/work-units`, {
    name: `${places.town.id.slice(-4)}单位`,
    partyOrgId: places.organ.id,
  });
  await t.platform.db
    .updateTable('member')
    .set({ work_unit_id: workUnit.id })
    .where('id', '=', places.member.memberId)
    .execute();
  const template = await api(townOperator, 'GET', `${API}/members/import-template`);
  const upload = multipart('members.xlsx', template.rawPayload);
  const memberImport = await api.ok<{ id: string }>(townOperator, 'POST', `${API}/member-imports`, upload.payload, {
    ...upload.headers,
  });
  const orgReportIn = await api.ok<{ id: string }>(op, 'POST', `${API}/org-report-ins`, {
    reportingOrgId: places.organ.id,
    targetKind: 'compound',
    targetId: places.compound.id,
    contactName: '联络员',
    contactPhone: '13900001111',
    resources: '志愿者十名',
    reportedOn: '2026-03-01',
  });
  const confirmedReportIn = await insertReportIn(t.platform, {
    memberId: places.member.memberId,
    compound: places.compound,
    status: 'confirmed',
    workUnitId: workUnit.id,
  });
  const need = await api.ok<{ id: string }>(op, 'POST', `${API}/needs`, {
    compoundId: places.compound.id,
    categoryId: POST_CATEGORY,
    title: '代买药品',
    description: '独居老人每周需要代买降压药',
  });
  await api.ok(op, 'POST', `${API}/households/${places.household}/visits`, {
    visitedOn: '2026-11-20',
    summary: '走访了解住户近况',
  });
  const feedback = await api.ok<{ id: string }>(townOperator, 'POST', `${API}/work-unit-feedback`, {
    workUnitId: workUnit.id,
    year: 2026,
    quarter: 4,
  });
  return {
    workUnit: workUnit.id,
    memberImport: memberImport.id,
    orgReportIn: orgReportIn.id,
    confirmedReportIn,
    post: await freshPost(t, places),
    need: need.id,
    serviceRecord: await freshServiceRecord(t, places),
    feedbackDocument: feedback.id,
  };
}

async function seedCivicCases(input: SeedInput) {
  const { t, places } = input;
  const api = apiOf(t);
  const op = input.operators.county;
  const photo = await freshPhotoUpload(t, places.resident.userId);
  const civicCase = await freshCase(t, places, { status: 'dispatched', photo });
  const parties = {
    mediatorName: '调解员',
    parties: [
      { name: '甲方', role: 'applicant' },
      { name: '乙方', role: 'respondent' },
    ],
  };
  const mediationCase = await freshCase(t, places, { status: 'accepted', kind: 'mediation' });
  await api.ok(op, 'PUT', `${API}/civic-cases/${mediationCase}/mediation`, parties, { 'if-match': '"v0"' });
  const agreedCase = await freshCase(t, places, { status: 'accepted', kind: 'mediation' });
  await api.ok(op, 'PUT', `${API}/civic-cases/${agreedCase}/mediation`, parties, { 'if-match': '"v0"' });
  await api.ok(op, 'POST', `${API}/civic-cases/${agreedCase}/mediation/outcome`, {
    outcome: 'agreed',
    agreementText: '双方同意协商解决。',
  });
  const rule = await api.ok<{ id: string }>(op, 'POST', `${API}/civic-routing-rules`, {
    scope: { kind: 'org', id: places.town.id },
    categoryId: CIVIC_CATEGORY.property,
    target: 'property_company',
  });
  // An open 督办, so the supervision lists have a row on each side.
  await freshSupervision(t, places);
  return { civicCase, photo, mediationCase, agreedCase, routingRule: rule.id };
}

async function seedReports(input: SeedInput) {
  const { t, places } = input;
  const api = apiOf(t);
  const op = input.operators.county;
  const report = await api.ok<{ id: string }>(op, 'POST', `${API}/work-reports`, { orgId: places.town.id, ...PERIOD });
  const ledger = await api.ok<{ id: string }>(op, 'POST', `${API}/ledger-exports`, {
    kind: 'organisation',
    orgId: places.town.id,
  });
  await runLedgerJobs(t.platform);
  return { workReport: report.id, ledgerExport: ledger.id };
}

/** Every object of one side, made by the county operator through the API where a use case makes it. */
export async function seedSideObjects(input: SeedInput): Promise<SideObjects> {
  const townOperator = await townOperatorOf(input.t, input.places);
  const now = isoNow(input.t.platform.clock);
  // The side's resident has one notification to mark read.
  await input.t.platform.db
    .insertInto('notification')
    .values({
      id: newId(),
      user_id: input.places.resident.userId,
      kind: 'test',
      title: '通知',
      body: '矩阵测试通知',
      link: null,
      created_at: now,
      read_at: null,
    })
    .execute();
  return {
    townOperator,
    ...(await seedOrganisation(input)),
    ...(await seedMembers(input, townOperator)),
    ...(await seedCivicCases(input)),
    ...(await seedReports(input)),
  };
}

/** Objects that lie on no side: a category, templates, the Open311 key and the public ways back to a report. */
export interface SharedObjects {
  /** A 民情 category made for the matrix, edited by its PATCH cells (the defaults stay as the seed made them). */
  civicCategory: string;
  /** A work-report template at the county, edited by its PATCH cells. */
  template: string;
  open311Key: string;
  open311RequestId: string;
  /** The tracking code of an anonymous report (public page and Open311 token look-ups). */
  trackingCode: string;
}

export async function seedSharedObjects(
  t: TestApp,
  county: Session,
  a: SidePlaces,
  b: SidePlaces,
): Promise<SharedObjects> {
  const api = apiOf(t);
  // Open311 places a report by its point: the two compounds on the map, some 3 km apart.
  await t.platform.db.updateTable('compound').set({ lat: 30.5, lng: 114.3 }).where('id', '=', a.compound.id).execute();
  await t.platform.db.updateTable('compound').set({ lat: 30.5, lng: 114.33 }).where('id', '=', b.compound.id).execute();
  const category = await api.ok<{ id: string }>(county, 'POST', `${API}/civic-categories`, {
    parentId: CIVIC_CATEGORY.livelihood,
    name: '矩阵测试类别',
  });
  const template = await api.ok<{ id: string }>(county, 'POST', `${API}/work-report-templates`, {
    name: '矩阵模板',
    body: '# 工作汇报\n本期工作正常开展。',
  });
  const key = await api.ok<{ key: string }>(county, 'POST', `${API}/civic-api-keys`, { name: '12345热线' });
  const created = await api.ok<{ service_request_id?: string }[]>(
    null,
    'POST',
    '/open311/v2/requests.json',
    new URLSearchParams(open311Fields(key.key)).toString(),
    { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
  );
  const anonymous = await api.ok<{ trackingCode: string }>(null, 'POST', `${API}/public/civic-cases`, publicReport(a), {
    'idempotency-key': randomUUID(),
  });
  return {
    civicCategory: category.id,
    template: template.id,
    open311Key: key.key,
    open311RequestId: created[0]?.service_request_id ?? '',
    trackingCode: anonymous.trackingCode,
  };
}

/** An Open311 request for 金碧花园's sewer (service MS02, its required `severity` answered). */
export const open311Fields = (key: string): [string, string][] => [
  ['api_key', key],
  ['service_code', 'MS02'],
  ['lat', '30.5003'],
  ['long', '114.3001'],
  ['description', '3栋门口下水道堵了'],
  ['first_name', '三'],
  ['last_name', '张'],
  ['attribute[severity]', 'overflow'],
];

/** An anonymous report of a blocked fire lane (a category that accepts anonymous reports). */
export const publicReport = (places: SidePlaces) => ({
  categoryId: CIVIC_CATEGORY.parking,
  title: '消防通道被占',
  description: '有车长期停在5栋消防通道上。',
  place: { compoundId: places.compound.id, building: '5' },
  answers: { spot: 'fire_lane' },
});
