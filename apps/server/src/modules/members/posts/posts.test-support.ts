import { createUser, sessionFor } from '../../../../test/factories.ts';
import { as, type Session } from '../../../../test/harness.ts';
import { defaultPostCategoryId } from '../../../db/migrations/0006-members.ts';
import { isoNow } from '../../../platform/clock.ts';
import type { Platform } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import { type OrganisationTest, setupOrganisationTest } from '../../organisation/organisation.test-support.ts';
import { type InsertedMember, insertHousehold, signInAsMember } from '../members.test-support.ts';

export const API = '/api/v1';
/** 组织建设, the first default category. */
export const CATEGORY = defaultPostCategoryId(0);

export type PostsTest = OrganisationTest<'countyAdmin' | 'secretaryA' | 'longquanAdmin'> & {
  /** A member living in 金碧花园 (compound A), signed in. */
  member: { session: Session; member: InsertedMember };
  /** A second member of compound A. */
  neighbour: { session: Session; member: InsertedMember };
  /** A member living in 龙泉苑 (compound B). */
  outsider: { session: Session; member: InsertedMember };
  householdA: string;
  householdB: string;
};

/** The county of `setupOrganisationTest` with three signed-in members (two in A, one in B) and a household in each. */
export async function setupPostsTest(): Promise<PostsTest> {
  const base = await setupOrganisationTest('countyAdmin', 'secretaryA', 'longquanAdmin');
  const p = base.t.platform;
  return {
    ...base,
    member: await signInAsMember(p, base.county.compoundA, { name: '张三' }),
    neighbour: await signInAsMember(p, base.county.compoundA, { name: '李四' }),
    outsider: await signInAsMember(p, base.county.compoundB, { name: '王五' }),
    householdA: await insertHousehold(p, base.county.compoundA, { building: '3栋', unit: '2单元', room: '501' }),
    householdB: await insertHousehold(p, base.county.compoundB, { building: '1栋', unit: '', room: '101' }),
  };
}

/** A post of compound A created through the API by its secretary. */
export async function createPostAs(
  s: PostsTest,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; version: number }> {
  const res = await as(s.t.app, s.secretaryA).post(`${API}/posts`, {
    compoundId: s.county.compoundA.id,
    categoryId: CATEGORY,
    title: '楼栋长',
    duties: '联系本楼住户，收集诉求',
    seats: 2,
    ...overrides,
  });
  if (res.statusCode !== 201) throw new Error(`createPost: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A need of compound A created through the API by its secretary. */
export async function createNeedAs(s: PostsTest, overrides: Record<string, unknown> = {}): Promise<{ id: string }> {
  const res = await as(s.t.app, s.secretaryA).post(`${API}/needs`, {
    compoundId: s.county.compoundA.id,
    categoryId: CATEGORY,
    title: '代买药品',
    description: '独居老人每周需要代买降压药',
    ...overrides,
  });
  if (res.statusCode !== 201) throw new Error(`createNeed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A resident of the household with a signed-in account linked to the resident row (a 业主 who registered). */
export async function signInAsResident(platform: Platform, householdId: string): Promise<Session> {
  const user = await createUser(platform);
  const household = await platform.db
    .selectFrom('household')
    .select('path')
    .where('id', '=', householdId)
    .executeTakeFirstOrThrow();
  const now = isoNow(platform.clock);
  await platform.db
    .insertInto('resident')
    .values({
      id: newId(),
      household_id: householdId,
      path: household.path,
      name: '住户',
      relation: 'owner',
      phone_cipher: null,
      phone_index: null,
      user_id: user.id,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return sessionFor(platform, user.id);
}
