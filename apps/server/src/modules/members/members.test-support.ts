import { idNumberCheckChar } from '@linli/contracts';
import { pinyin } from 'pinyin-pro';
import { assignRole, createUser, type OrgNode, sessionFor } from '../../../test/factories.ts';
import type { Session } from '../../../test/harness.ts';
import { isoNow } from '../../platform/clock.ts';
import type { Platform } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { householdSortKey } from './households/household-address.ts';

/** The report-in, service and post-claim rows, for other modules' tests (depcruise: through this file only). */
export { insertPostClaim, insertReportIn, insertService } from './report-in/report-in.test-support.ts';

let seq = 0;

/** A valid 18-character ID number, different on every call (born 1980-01-01 plus `seq` days' worth of codes). */
export function testIdNumber(gender: 'male' | 'female' = 'male'): string {
  seq += 1;
  const order = String((seq * 2 + (gender === 'male' ? 1 : 0)) % 1000).padStart(3, '0');
  const first17 = `530102${1960 + (seq % 40)}0101${order}`;
  return first17 + idNumberCheckChar(first17);
}

/** A mobile number unique within the test run. */
export const testPhone = (): string => `139${String(10_000_000 + ++seq * 7919).slice(-8)}`;

export interface InsertedMember {
  id: string;
  name: string;
  idNumber: string;
  phone: string;
}

/**
 * A member row written straight into the table, for tests of other areas (report-ins, posts, households) that
 * need members without going through the roster's use cases. `residence` is a compound, `branch` an org node.
 */
export async function insertMember(
  platform: Platform,
  options: {
    residence?: OrgNode | null;
    branch?: OrgNode | null;
    name?: string;
    employment?: 'in_service' | 'retired' | 'other';
    workUnitId?: string | null;
    userId?: string | null;
    phone?: string;
    idNumber?: string;
  },
): Promise<InsertedMember> {
  const id = newId();
  const name = options.name ?? `党员${++seq}`;
  const idNumber = options.idNumber ?? testIdNumber();
  const phone = options.phone ?? testPhone();
  const residence = options.residence ?? null;
  const branch = options.branch ?? null;
  const homePath = branch?.path ?? residence?.path;
  const residencePath = residence?.path ?? branch?.path;
  if (!homePath || !residencePath) throw new Error('insertMember needs a residence or a branch');
  const syllables = pinyin(name, { toneType: 'none', type: 'array' });
  const now = isoNow(platform.clock);
  await platform.db
    .insertInto('member')
    .values({
      id,
      name,
      name_pinyin: syllables.join('').toLowerCase(),
      name_initials: syllables.map((s) => s[0] ?? '').join(''),
      gender: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
      ethnicity: '汉族',
      birth_date: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
      id_number_cipher: platform.cipher.encrypt(idNumber),
      id_number_index: platform.blindIndex(`id:${idNumber}`),
      id_last4_index: platform.blindIndex(`id4:${idNumber.slice(-4)}`),
      phone_cipher: platform.cipher.encrypt(phone),
      phone_index: platform.blindIndex(phone),
      education: '本科',
      address_cipher: null,
      status: 'full',
      joined_on: '2010-07-01',
      full_member_on: '2011-07-01',
      employment: options.employment ?? 'in_service',
      work_unit_id: options.workUnitId ?? null,
      branch_org_id: branch?.id ?? null,
      home_path: homePath,
      residence_compound_id: residence?.id ?? null,
      residence_path: residencePath,
      household_id: null,
      user_id: options.userId ?? null,
      badge_token: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, name, idNumber, phone };
}

/** A work unit (工作单位) whose Party organisation lies outside the county unless `partyOrg` is given. */
export async function insertWorkUnit(platform: Platform, name = `单位${++seq}`, partyOrg?: OrgNode): Promise<string> {
  const id = newId();
  const now = isoNow(platform.clock);
  await platform.db
    .insertInto('work_unit')
    .values({
      id,
      name,
      party_org_name: `${name}机关党支部`,
      party_org_id: partyOrg?.id ?? null,
      contact_name: null,
      contact_phone_cipher: null,
      address: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** A household in a compound (and a grid when given); the grid's path scopes it then. */
export async function insertHousehold(
  platform: Platform,
  compound: OrgNode,
  address: { building?: string; unit?: string; room?: string } = {},
  grid?: OrgNode,
): Promise<string> {
  const id = newId();
  const now = isoNow(platform.clock);
  const parts = {
    building: address.building ?? '1栋',
    unit: address.unit ?? '1单元',
    room: address.room ?? String(100 + ++seq),
  };
  await platform.db
    .insertInto('household')
    .values({
      id,
      compound_id: compound.id,
      grid_id: grid?.id ?? null,
      path: grid?.path ?? compound.path,
      ...parts,
      sort_key: householdSortKey(parts),
      note: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/**
 * A signed-in Party member: an account with the `member` role on the residence compound and the linked roster
 * entry, as after the member's first H5 login.
 */
export async function signInAsMember(
  platform: Platform,
  residence: OrgNode,
  options: Omit<Parameters<typeof insertMember>[1], 'residence' | 'userId'> = {},
): Promise<{ session: Session; member: InsertedMember; userId: string }> {
  const phone = options.phone ?? testPhone();
  const user = await createUser(platform, { phone, displayName: options.name ?? '测试党员' });
  await assignRole(platform, user.id, 'member', residence);
  const member = await insertMember(platform, { ...options, phone, residence, userId: user.id });
  return { session: await sessionFor(platform, user.id), member, userId: user.id };
}

/** The name of an org node (a compound's branch, say), as the roster and its import spell it. */
export async function orgUnitName(platform: Platform, node: OrgNode | null | undefined): Promise<string> {
  const row = await platform.db
    .selectFrom('org_unit')
    .select('name')
    .where('id', '=', node?.id ?? '')
    .executeTakeFirstOrThrow();
  return row.name;
}

/** How many members the roster holds, across every scope. */
export async function countMembers(platform: Platform): Promise<number> {
  const row = await platform.db
    .selectFrom('member')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
