import type { Role, ScopeKind } from '@linli/contracts';
import { sql } from 'kysely';
import { createRootOrgUnit, organisationScopeResolver } from '../modules/organisation/index.ts';
import { appendAudit } from '../platform/audit/index.ts';
import type { Clock } from '../platform/clock.ts';
import type { Ctx, Platform } from '../platform/context.ts';
import { systemCtx } from '../platform/context.ts';
import { seedDemoCivicCases } from './civic/index.ts';
import { createDemoAccount, type DemoAccount, type DemoScope, writeDemoAccountsFile } from './demo-accounts.ts';
import { buildDemoCounty } from './demo-county.ts';
import { demoNames } from './demo-names.ts';
import { seedDemoMembers } from './members/index.ts';
import { seededRandom } from './seeded-random.ts';

export const DEMO_SEED = 20261127;
/** When the demo county's organisation was set up (09:00 Beijing time). */
const DEMO_ORGANISATION_SET_UP = '2024-01-08T01:00:00.000Z';

export interface DemoResult {
  created: boolean;
  accounts: DemoAccount[];
  accountsFile: string;
}

async function isEmpty(platform: Platform): Promise<boolean> {
  const row = await platform.db.selectFrom('org_unit').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const users = await platform.db
    .selectFrom('app_user')
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n) === 0 && Number(users.n) === 0;
}

async function scopeOf(platform: Platform, kind: ScopeKind, id: string): Promise<DemoScope> {
  const found = await organisationScopeResolver.resolve(platform.db, kind, id);
  if (!found) throw new Error(`demo scope ${kind} ${id} not found`);
  return { kind, id, path: found.path };
}

/**
 * Creates 示例县 and one account per role on an empty database (never on one that holds data), writes the
 * accounts with their random passwords and TOTP secrets to `$LINLI_DATA_DIR/demo-accounts.txt` (mode 600).
 */
export async function seedDemoIfEmpty(platform: Platform): Promise<DemoResult> {
  const accountsFile = `${platform.config.dataDir}/demo-accounts.txt`;
  if (!(await isEmpty(platform))) return { created: false, accounts: [], accountsFile };
  const random = seededRandom(DEMO_SEED);
  const names = demoNames(random);
  const system = systemCtx(platform);
  // The organisation predates the year of 民情 the demo plays: set up in January 2024, before its branches elected
  // their committees (2024-03-15), so reports "as at" any day of the last two years find the compounds in place.
  const organisationSetUp: Clock = { now: () => new Date(DEMO_ORGANISATION_SET_UP) };

  const { root, countyAdmin } = await platform.db.transaction().execute(async (trx) => {
    const rootUnit = await createRootOrgUnit(
      trx,
      { ...system, clock: organisationSetUp },
      { name: '中共示例县委员会', kind: 'county_committee' },
    );
    const rootScope: DemoScope = { kind: 'org', id: rootUnit.id, path: rootUnit.path };
    const admin = await createDemoAccount(trx, platform, {
      role: 'county_admin',
      username: 'county-admin',
      displayName: names.person(),
      scope: rootScope,
    });
    await appendAudit(trx, system, { action: 'demo.seed', objectType: 'org_unit', objectId: rootUnit.id });
    return { root: rootScope, countyAdmin: admin };
  });

  const asCountyAdmin: Ctx = {
    ...system,
    actor: {
      userId: countyAdmin.userId,
      displayName: '演示数据生成',
      sessionId: 'demo-seed',
      isStaff: true,
      assignments: [
        { id: 'demo-seed', role: 'county_admin', scopeKind: 'org', scopeId: root.id, scopePath: root.path },
      ],
    },
  };
  const refs = await buildDemoCounty({ ...asCountyAdmin, clock: organisationSetUp }, root.id, names, random);

  const compound = await scopeOf(platform, 'compound', refs.firstCompound.id);
  const grid = await scopeOf(platform, 'grid', refs.firstGrid.id);
  const town = await scopeOf(platform, 'org', refs.firstTown.id);
  const plan: Array<{ role: Role; scope: DemoScope; phone?: string; username?: string }> = [
    // A second organisation-department account: an unmasked bulk export needs another person's approval (PI-4).
    { role: 'county_admin', scope: root, username: 'county-admin-2' },
    { role: 'committee_admin', scope: town },
    { role: 'branch_secretary', scope: compound },
    { role: 'branch_committee', scope: compound },
    { role: 'grid_worker', scope: grid },
    { role: 'handler', scope: compound },
    { role: 'owners_committee', scope: compound },
    { role: 'supervisory_committee', scope: compound },
    { role: 'member', scope: compound, phone: '13900000001' },
    { role: 'resident', scope: compound, phone: '13900000002' },
    { role: 'sys_admin', scope: root },
    { role: 'security_admin', scope: root },
    { role: 'auditor', scope: root },
  ];
  const others = await platform.db.transaction().execute(async (trx) => {
    const created = [];
    for (const entry of plan) {
      created.push(
        await createDemoAccount(trx, platform, {
          role: entry.role,
          username: entry.username ?? entry.role.replaceAll('_', '-'),
          displayName: names.person(),
          scope: entry.scope,
          ...(entry.phone ? { phone: entry.phone } : {}),
        }),
      );
    }
    await appendAudit(trx, system, { action: 'demo.accounts', details: { count: created.length + 1 } });
    return created;
  });
  const accounts = [countyAdmin, ...others];
  await seedDemoMembers(platform, system, accounts, names, random);
  await seedDemoCivicCases(platform, system, accounts, names, random);
  return { created: true, accounts, accountsFile: writeDemoAccountsFile(platform.config.dataDir, accounts) };
}
