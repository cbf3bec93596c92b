import type { Role } from '@linli/contracts';
import { CATEGORY } from '../../src/modules/civic-cases/civic-cases.test-support.ts';
import { createRoutingRule } from '../../src/modules/civic-cases/settings/routing-rule.service.ts';
import { isoNow } from '../../src/platform/clock.ts';
import type { Platform } from '../../src/platform/context.ts';
import { newId } from '../../src/platform/ids.ts';
import { assignRole, buildCounty, createUser, type OrgNode } from '../factories.ts';
import { ctxFor, loadActor } from './crash-actor.ts';

/** What the crash writer needs to know about the county the parent built: places and who plays each part. */
export interface CrashFixture {
  compoundId: string;
  gridId: string;
  /** 物业服务: no extra questions, open to residents, routed to 金碧花园's property company. */
  categoryId: string;
  /** Residents of 金碧花园 who report and follow ("me too") cases. */
  residents: string[];
  /** The branch secretary: accepts, dispatches, voids and closes (civic_case.dispatch over the compound). */
  dispatcher: string;
  /** The property company's staff: sign, start, handle. */
  handler: string;
  /** The grid worker: verifies on site or sends back for rework. */
  verifier: string;
  /** The town's committee admin: 督办. */
  supervisor: string;
}

async function userWithRole(platform: Platform, role: Role, scope: OrgNode, name: string): Promise<string> {
  const user = await createUser(platform, { displayName: name });
  await assignRole(platform, user.id, role, scope);
  return user.id;
}

/**
 * Builds the crash writer's county through the test factories on the real database the writer will open:
 * `buildCounty`, a property company for 金碧花园, a routing rule sending its 物业服务 cases there (created through the
 * routing service, so it is audited like any rule), three residents and the staff of each step of the loop.
 */
export async function buildCrashFixture(platform: Platform): Promise<CrashFixture> {
  const county = await buildCounty(platform);
  const now = isoNow(platform.clock);
  await platform.db
    .insertInto('compound_party')
    .values({
      id: newId(),
      compound_id: county.compoundA.id,
      kind: 'property_company',
      name: '金碧物业服务有限公司',
      org_id: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const countyAdmin = await userWithRole(platform, 'county_admin', county.county, '县委组织部管理员');
  await createRoutingRule(ctxFor(platform, await loadActor(platform.db, countyAdmin)), {
    scope: { kind: 'compound', id: county.compoundA.id },
    categoryId: CATEGORY.property,
    target: 'property_company',
  });
  const residents = [];
  for (const name of ['张桂兰', '李建国', '王秀英']) {
    residents.push(await userWithRole(platform, 'resident', county.compoundA, name));
  }
  return {
    compoundId: county.compoundA.id,
    gridId: county.gridA.id,
    categoryId: CATEGORY.property,
    residents,
    dispatcher: await userWithRole(platform, 'branch_secretary', county.compoundA, '金碧花园党支部书记'),
    handler: await userWithRole(platform, 'handler', county.compoundA, '金碧物业经办人'),
    verifier: await userWithRole(platform, 'grid_worker', county.gridA, '金碧网格员'),
    supervisor: await userWithRole(platform, 'committee_admin', county.committee, '金碧镇党委管理员'),
  };
}
