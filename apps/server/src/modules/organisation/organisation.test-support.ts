import type { Role } from '@linli/contracts';
import { buildCounty, createOrgUnit, type OrgNode, signInAs } from '../../../test/factories.ts';
import { createTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import type { Platform } from '../../platform/context.ts';

/** `If-Match` for a version, as the console sends it. */
export const ifMatch = (version: number): Record<string, string> => ({ 'if-match': `"v${version}"` });

/** The audit rows of one action, oldest first, with their details parsed. */
export async function auditRowsOf(platform: Platform, action: string, objectId?: string) {
  const rows = await platform.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .$if(objectId !== undefined, (qb) => qb.where('object_id', '=', objectId ?? ''))
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ ...r, details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null }));
}

export type County = Awaited<ReturnType<typeof buildCounty>>;

/** The users the organisation tests keep signing in as: a role over one node of `buildCounty`. */
const USUAL_SESSIONS = {
  countyAdmin: ['county_admin', (c) => c.county],
  jinbiAdmin: ['committee_admin', (c) => c.committee],
  longquanAdmin: ['committee_admin', (c) => c.otherCommittee],
  secretaryA: ['branch_secretary', (c) => c.compoundA],
} as const satisfies Record<string, readonly [Role, (county: County) => OrgNode]>;

export type UsualSession = keyof typeof USUAL_SESSIONS;

export type OrganisationTest<K extends UsualSession> = { t: TestApp; county: County } & Record<K, Session>;

/**
 * A fresh app on the `buildCounty` county (金碧镇 with 金碧花园, 龙泉镇 with 龙泉苑), signed in as the named usual
 * users, in the order named. Only those are created, so each file's database holds exactly the users it uses.
 * Call it in `beforeAll` and close `t` in `afterAll`.
 */
export async function setupOrganisationTest<K extends UsualSession>(...names: K[]): Promise<OrganisationTest<K>> {
  const t = await createTestApp();
  try {
    const county = await buildCounty(t.platform);
    const sessions: Partial<Record<UsualSession, Session>> = {};
    for (const name of names) {
      const [role, scopeOf] = USUAL_SESSIONS[name];
      sessions[name] = await signInAs(t.platform, role, scopeOf(county));
    }
    return { t, county, ...(sessions as Record<K, Session>) };
  } catch (error) {
    await t.close();
    throw error;
  }
}

/** 县直机关工委 under the county, with one organ Party branch (机关党支部) per name, created in that order. */
export async function createOrganBranches<const N extends readonly string[]>(
  platform: Platform,
  county: County,
  ...names: N
): Promise<{ [I in keyof N]: OrgNode }> {
  const organs = await createOrgUnit(platform, {
    parent: county.county,
    kind: 'working_committee',
    sector: 'organ',
    name: '县直机关工委',
  });
  const branches: OrgNode[] = [];
  for (const name of names) {
    branches.push(await createOrgUnit(platform, { parent: organs, kind: 'branch', sector: 'organ', name }));
  }
  return branches as { [I in keyof N]: OrgNode };
}
