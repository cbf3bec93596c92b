import { type Role, SCOPE_KIND_BY_ROLE, type ScopeKind } from '@linli/contracts';
import { hash } from '@node-rs/argon2';
import { createSession, isStaffUser } from '../src/platform/auth/session.ts';
import { isoNow } from '../src/platform/clock.ts';
import type { Platform } from '../src/platform/context.ts';
import { newId } from '../src/platform/ids.ts';
import type { Session } from './harness.ts';

/**
 * Test factories insert rows directly, with overrides, so a test states only what it is about. They keep the
 * same invariants the services keep (paths, counts).
 */

let sequence = 0;
const next = () => {
  sequence += 1;
  return sequence;
};

export interface OrgNode {
  id: string;
  path: string;
}

export async function createOrgUnit(
  platform: Platform,
  overrides: {
    parent?: OrgNode | null;
    kind?: string;
    sector?: string;
    name?: string;
    compoundId?: string;
    compoundPath?: string;
  } = {},
): Promise<OrgNode> {
  const id = newId();
  const parentPath = overrides.compoundPath ?? overrides.parent?.path ?? '/';
  const path = `${parentPath}${id}/`;
  const now = isoNow(platform.clock);
  await platform.db
    .insertInto('org_unit')
    .values({
      id,
      parent_id: overrides.parent?.id ?? null,
      kind: overrides.kind ?? 'party_committee',
      sector: overrides.sector ?? 'community',
      name: overrides.name ?? `测试党组织${next()}`,
      compound_id: overrides.compoundId ?? null,
      path,
      depth: path.split('/').length - 2,
      sort_order: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, path };
}

export async function createCompound(
  platform: Platform,
  org: OrgNode,
  overrides: { name?: string; rolloutStage?: 'pilot' | 'validation' | 'rollout'; withBranch?: boolean } = {},
): Promise<OrgNode & { branch: OrgNode | null }> {
  const id = newId();
  const path = `${org.path}${id}/`;
  const now = isoNow(platform.clock);
  await platform.db
    .insertInto('compound')
    .values({
      id,
      name: overrides.name ?? `测试小区${next()}`,
      org_id: org.id,
      path,
      address: '测试路1号',
      household_count: 100,
      building_count: 5,
      rollout_stage: overrides.rolloutStage ?? 'rollout',
      lng: null,
      lat: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  let branch: OrgNode | null = null;
  if (overrides.withBranch) {
    branch = await createOrgUnit(platform, {
      parent: org,
      kind: 'branch',
      sector: 'compound',
      compoundId: id,
      compoundPath: path,
    });
    await platform.db
      .insertInto('compound_party')
      .values({
        id: newId(),
        compound_id: id,
        kind: 'branch',
        name: '小区党支部',
        org_id: branch.id,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  return { id, path, branch };
}

export async function createGrid(
  platform: Platform,
  org: OrgNode,
  compound?: OrgNode,
): Promise<OrgNode & { code: string }> {
  const id = newId();
  const path = `${(compound ?? org).path}${id}/`;
  const code = `530102001001${String(next() % 1000)
    .padStart(3, '0')
    .replace('000', '001')}`;
  const now = isoNow(platform.clock);
  await platform.db
    .insertInto('grid')
    .values({
      id,
      code,
      name: `网格${code.slice(-3)}`,
      org_id: org.id,
      compound_id: compound?.id ?? null,
      path,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, path, code };
}

export const TEST_PASSWORD = 'Linli-test-Pass-2026';

/**
 * One argon2 hash of the test password for the whole process: suites make hundreds of accounts (the authorisation
 * matrix above all), and hashing each would cost most of their run. Every account still signs in with it.
 */
let testPasswordHash: Promise<string> | undefined;
function passwordHashOf(password: string): Promise<string> {
  if (password !== TEST_PASSWORD) return hash(password);
  testPasswordHash ??= hash(TEST_PASSWORD);
  return testPasswordHash;
}

export async function createUser(
  platform: Platform,
  overrides: {
    username?: string;
    displayName?: string;
    password?: string;
    phone?: string;
    totpEnrolled?: boolean;
    status?: 'active' | 'disabled';
  } = {},
): Promise<{ id: string; username: string }> {
  const id = newId();
  const username = overrides.username ?? `user${next()}`;
  const now = isoNow(platform.clock);
  await platform.db
    .insertInto('app_user')
    .values({
      id,
      username,
      display_name: overrides.displayName ?? `测试用户${next()}`,
      phone_cipher: overrides.phone ? platform.cipher.encrypt(overrides.phone) : null,
      phone_index: overrides.phone ? platform.blindIndex(overrides.phone) : null,
      password_hash: await passwordHashOf(overrides.password ?? TEST_PASSWORD),
      password_changed_at: now,
      must_change_password: 0,
      totp_secret_cipher: null,
      totp_enrolled: overrides.totpEnrolled ? 1 : 0,
      totp_last_step: null,
      status: overrides.status ?? 'active',
      failed_logins: 0,
      locked_until: null,
      last_login_at: null,
      locale: 'zh-CN',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, username };
}

export async function assignRole(
  platform: Platform,
  userId: string,
  role: Role,
  scope: OrgNode,
  scopeKind: ScopeKind = SCOPE_KIND_BY_ROLE[role],
): Promise<void> {
  await platform.db
    .insertInto('role_assignment')
    .values({
      id: newId(),
      user_id: userId,
      role,
      scope_kind: scopeKind,
      scope_id: scope.id,
      scope_path: scope.path,
      created_at: isoNow(platform.clock),
      created_by: null,
    })
    .execute();
}

/** A signed-in user holding `role` over `scope`, bypassing the login flow (that has its own tests). */
export async function signInAs(platform: Platform, role: Role, scope: OrgNode, name?: string): Promise<Session> {
  const user = await createUser(platform, name ? { displayName: name } : {});
  await assignRole(platform, user.id, role, scope);
  return sessionFor(platform, user.id);
}

export async function sessionFor(platform: Platform, userId: string): Promise<Session> {
  const session = await createSession(platform.db, platform.clock, {
    userId,
    isStaff: await isStaffUser(platform.db, userId),
    ip: '127.0.0.1',
    userAgent: 'vitest',
  });
  return { cookie: `linli_sid=${session.token}`, csrfToken: session.csrfToken, userId };
}

/** A small county: county → committee → community with two compounds (A has a branch), and a grid in A. */
export async function buildCounty(platform: Platform) {
  const county = await createOrgUnit(platform, { kind: 'county_committee', sector: 'other', name: '测试县委' });
  const committee = await createOrgUnit(platform, { parent: county, kind: 'party_committee', name: '金碧镇党委' });
  const otherCommittee = await createOrgUnit(platform, { parent: county, kind: 'party_committee', name: '龙泉镇党委' });
  const community = await createOrgUnit(platform, {
    parent: committee,
    kind: 'general_branch',
    name: '金碧社区党总支',
  });
  const otherCommunity = await createOrgUnit(platform, {
    parent: otherCommittee,
    kind: 'general_branch',
    name: '龙泉社区党总支',
  });
  const compoundA = await createCompound(platform, community, { name: '金碧花园', withBranch: true });
  const compoundB = await createCompound(platform, otherCommunity, { name: '龙泉苑' });
  const gridA = await createGrid(platform, community, compoundA);
  return { county, committee, otherCommittee, community, otherCommunity, compoundA, compoundB, gridA };
}
