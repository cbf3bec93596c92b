import type { CivicCaseStatus, Role, UnitKind, Urgency } from '@linli/contracts';
import type { Insertable } from 'kysely';
import { buildCounty, type OrgNode, signInAs } from '../../../test/factories.ts';
import { createTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { defaultCivicCategoryId } from '../../db/migrations/0009-civic-cases.ts';
import type { CivicCaseTable } from '../../db/schema-civic.ts';
import { isoNow, shanghaiDate } from '../../platform/clock.ts';
import type { Platform } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import type { County } from '../organisation/organisation.test-support.ts';
import { tallyCaseChange } from './metrics/civic-tally.maintain.ts';

/** Default category ids by code, as migration 0009 seeds them (fixed ids on every install). */
export const CATEGORY = {
  /** 民生服务类 (root) */
  livelihood: defaultCivicCategoryId(0),
  /** 物业服务 */
  property: defaultCivicCategoryId(1),
  /** 下水道堵塞 (utility urgency, a required `severity` question) */
  sewer: defaultCivicCategoryId(2),
  /** 邻里纠纷 */
  dispute: defaultCivicCategoryId(4),
  /** 城市管理类 (root) */
  urban: defaultCivicCategoryId(7),
  /** 车辆乱停 (anonymous allowed; required `spot` question) */
  parking: defaultCivicCategoryId(8),
} as const;

export type CivicCounty = County & { propertyCompanyA: string; branchPartyA: string };

const USUAL = {
  countyAdmin: ['county_admin', (c) => c.county],
  jinbiAdmin: ['committee_admin', (c) => c.committee],
  longquanAdmin: ['committee_admin', (c) => c.otherCommittee],
  communityAdmin: ['committee_admin', (c) => c.community],
  secretaryA: ['branch_secretary', (c) => c.compoundA],
  gridWorkerA: ['grid_worker', (c) => c.gridA],
  handlerA: ['handler', (c) => c.compoundA],
  residentA: ['resident', (c) => c.compoundA],
  residentB: ['resident', (c) => c.compoundB],
  memberA: ['member', (c) => c.compoundA],
} as const satisfies Record<string, readonly [Role, (county: County) => OrgNode]>;
export type CivicSession = keyof typeof USUAL;

/**
 * A fresh app on `buildCounty` (金碧花园 in 金碧镇 with a grid, a branch and now a property company; 龙泉苑 in
 * 龙泉镇), signed in as the named users. Close `t` in `afterAll`.
 */
export async function setupCivicTest<K extends CivicSession>(
  ...names: K[]
): Promise<{ t: TestApp; county: CivicCounty } & Record<K, Session>> {
  const t = await createTestApp();
  try {
    const base = await buildCounty(t.platform);
    const now = isoNow(t.platform.clock);
    const propertyCompanyA = newId();
    await t.platform.db
      .insertInto('compound_party')
      .values({
        id: propertyCompanyA,
        compound_id: base.compoundA.id,
        kind: 'property_company',
        name: '金碧物业服务有限公司',
        org_id: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const branch = await t.platform.db
      .selectFrom('compound_party')
      .select('id')
      .where('compound_id', '=', base.compoundA.id)
      .where('kind', '=', 'branch')
      .executeTakeFirstOrThrow();
    const county: CivicCounty = { ...base, propertyCompanyA, branchPartyA: branch.id };
    const sessions: Partial<Record<CivicSession, Session>> = {};
    for (const name of names) {
      const [role, scopeOf] = USUAL[name];
      sessions[name] = await signInAs(t.platform, role, scopeOf(county), name);
    }
    return { t, county, ...(sessions as Record<K, Session>) };
  } catch (error) {
    await t.close();
    throw error;
  }
}

export interface InsertCaseOptions {
  status?: CivicCaseStatus;
  categoryId?: string;
  urgency?: Urgency;
  compound?: 'A' | 'B';
  inGrid?: boolean;
  reporterUserId?: string | null;
  anonymous?: boolean;
  unit?: { kind: UnitKind; id: string; path: string; name?: string } | null;
  deadlineAt?: string | null;
  title?: string;
  receivedOn?: string;
  overrides?: Partial<Insertable<CivicCaseTable>>;
}

let sequence = 0;

/**
 * A case row in any status, straight into the table (for tests of what comes after intake), counted in the 民情
 * tally as its facts stand. It gets a `submit` event so timelines are never empty; later facts (signed_at,
 * ratings …) come from `overrides`.
 */
export async function insertCase(platform: Platform, county: CivicCounty, options: InsertCaseOptions = {}) {
  const id = newId();
  const now = isoNow(platform.clock);
  const compound = options.compound === 'B' ? county.compoundB : county.compoundA;
  const community = options.compound === 'B' ? county.otherCommunity : county.community;
  const inGrid = options.inGrid ?? options.compound !== 'B';
  const unit = options.unit === undefined ? null : options.unit;
  sequence += 1;
  const row: Insertable<CivicCaseTable> = {
    id,
    number: `MQ-TEST-${String(sequence).padStart(5, '0')}-${id.slice(-4)}`,
    tracking_code: null,
    kind: 'request',
    nature: 'help',
    category_id: options.categoryId ?? CATEGORY.property,
    urgency: options.urgency ?? 'ordinary',
    title: options.title ?? `测试事项${sequence}`,
    description: '楼道灯坏了，晚上看不见路。',
    answers: '{}',
    channel: 'h5',
    anonymous: options.anonymous ? 1 : 0,
    reporter_user_id: options.anonymous ? null : (options.reporterUserId ?? null),
    reporter_name_cipher: null,
    reporter_phone_cipher: null,
    filed_by: null,
    household_id: null,
    visit_id: null,
    source_ref: null,
    compound_id: compound.id,
    grid_id: inGrid ? county.gridA.id : null,
    community_id: community.id,
    path: inGrid ? county.gridA.path : compound.path,
    building: '3',
    unit_no: '2',
    room: null,
    address_text: null,
    lng: null,
    lat: null,
    status: options.status ?? 'submitted',
    end_type: null,
    void_reason: null,
    merged_into_id: null,
    unit_kind: unit?.kind ?? null,
    unit_id: unit?.id ?? null,
    unit_name: unit ? (unit.name ?? '责任单位') : null,
    unit_path: unit?.path ?? null,
    step: null,
    step_started_at: null,
    deadline_at: options.deadlineAt ?? null,
    due_soon_at: null,
    handle_deadline_at: null,
    pending_request: null,
    deferred_until: null,
    deferred_remaining_minutes: null,
    sign_on_time: null,
    responded: null,
    handle_on_time: null,
    accepted_at: null,
    dispatched_at: null,
    signed_at: null,
    contacted_at: null,
    handled_at: null,
    verified_at: null,
    closed_at: null,
    rated_at: null,
    received_on: options.receivedOn ?? shanghaiDate(platform.clock.now()),
    dispatched_on: null,
    closed_on: null,
    rated_on: null,
    rating_resolved: null,
    rating: null,
    rating_comment: null,
    rated_by_reporter: null,
    created_at: now,
    updated_at: now,
    ...options.overrides,
  };
  await platform.db.insertInto('civic_case').values(row).execute();
  const stored = await platform.db.selectFrom('civic_case').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  await tallyCaseChange(platform.db, { before: null, after: stored, appended: [] });
  await platform.db
    .insertInto('civic_case_event')
    .values({
      id: newId(),
      case_id: id,
      seq: 1,
      type: 'submit',
      from_status: null,
      to_status: 'submitted',
      actor_user_id: row.reporter_user_id ?? null,
      actor_name: null,
      actor_role: null,
      at: now,
      deadline: null,
      on_time: null,
      public_note: null,
      internal_note: null,
      data: '{}',
    })
    .execute();
  return { id, path: row.path, compoundId: compound.id };
}

/** The property company of 金碧花园 as a unit reference with its path (the compound's). */
export const propertyUnitA = (county: CivicCounty) => ({
  kind: 'property_company' as const,
  id: county.propertyCompanyA,
  path: county.compoundA.path,
  name: '金碧物业服务有限公司',
});
