import { idNumberCheckChar } from '@linli/contracts';
import type { Insertable, Selectable } from 'kysely';
import { pinyin } from 'pinyin-pro';
import type { MemberReportInTable, MemberTable, WorkUnitTable } from '../../db/schema-members.ts';
import type { Platform } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import type { Trx } from '../../platform/transaction.ts';
import type { DemoNames } from '../demo-names.ts';
import type { Random } from '../seeded-random.ts';
import { daysBefore, insertMany, timeBefore } from './demo-batch.ts';
import type { DemoHousehold } from './demo-households.ts';
import type { DemoPlace } from './demo-places.ts';

/** Units outside the county whose staff live in it: their Party organisations are outside the tree. */
const OUTSIDE_UNITS = ['市第一人民医院', '市供电公司城南供电所', '市税务局第三分局', '省地质勘查院', '市职业技术学院'];
const ETHNICITIES = ['汉族', '汉族', '汉族', '汉族', '彝族', '白族', '回族', '苗族', '哈尼族'];
const EDUCATION = ['研究生', '本科', '本科', '大专', '大专', '中专', '高中', '初中及以下'];
const AREA_CODE = '539901';

type ReportInState = Selectable<MemberTable>['report_in_status'];

export interface DemoMember {
  id: string;
  name: string;
  compoundId: string;
  residencePath: string;
  employment: MemberTable['employment'];
  workUnitId: string | null;
  reportIn: ReportInState;
  householdId: string | null;
}

interface RosterInput {
  places: DemoPlace[];
  organs: Array<{ id: string; name: string; path: string }>;
  households: Map<string, DemoHousehold[]>;
  /** The demo member account: on the roster of the first compound, in service, not yet reported in. */
  demoMember: { userId: string; phone: string; name: string } | null;
  /** Who confirmed the report-ins (the demo branch secretary). */
  confirmerId: string | null;
}

/** Most in-service members have reported in and been confirmed; some wait for the branch; a few have not. */
const pickReportIn = (r: number): ReportInState => (r < 0.72 ? 'confirmed' : r < 0.82 ? 'pending' : 'none');

/**
 * Work units, about 25 members per compound and their 双报到: in-service members are mostly reported in to
 * the compound they live in (confirmed with a receipt, a few still pending), retirees hold their membership in
 * the compound's branch. `member.report_in_status` is written from the report-ins, so the two agree.
 */
export async function seedDemoRoster(
  trx: Trx,
  platform: Platform,
  input: RosterInput,
  names: DemoNames,
  random: Random,
): Promise<DemoMember[]> {
  const now = platform.clock.now();
  const stamp = now.toISOString();
  const units: Array<Insertable<WorkUnitTable> & { id: string; partyPath: string | null }> = [
    ...input.organs.map((o) => ({
      id: newId(),
      name: o.name.replace('机关党支部', ''),
      party_org_name: o.name,
      party_org_id: o.id,
      partyPath: o.path,
    })),
    ...OUTSIDE_UNITS.map((name) => ({
      id: newId(),
      name,
      party_org_name: `中共${name}委员会`,
      party_org_id: null,
      partyPath: null,
    })),
  ].map((u) => ({
    ...u,
    contact_name: names.person(),
    contact_phone_cipher: platform.cipher.encrypt(names.phone()),
    address: null,
    created_at: stamp,
    updated_at: stamp,
  }));
  await insertMany(
    trx,
    'work_unit',
    units.map(({ partyPath: _, ...u }) => u),
  );

  let order = 0;
  const members: Insertable<MemberTable>[] = [];
  const reportIns: Insertable<MemberReportInTable>[] = [];
  const result: DemoMember[] = [];
  for (const [placeIndex, place] of input.places.entries()) {
    const households = input.households.get(place.id) ?? [];
    const count = random.int(18, 32);
    for (let i = 0; i < count; i += 1) {
      const isDemo = input.demoMember !== null && placeIndex === 0 && i === 0;
      const name = isDemo && input.demoMember ? input.demoMember.name : names.person();
      const birthYear = random.int(1950, 1998);
      const birth = `${birthYear}${String(random.int(1, 12)).padStart(2, '0')}${String(random.int(1, 28)).padStart(2, '0')}`;
      order += 1;
      const first17 = `${AREA_CODE}${birth}${String(order % 1000).padStart(3, '0')}`;
      const idNumber = first17 + idNumberCheckChar(first17);
      const phone = isDemo && input.demoMember ? input.demoMember.phone : `138${String(order).padStart(8, '0')}`;
      const roll = random.next();
      const employment: MemberTable['employment'] =
        isDemo || roll < 0.45 ? 'in_service' : roll < 0.85 ? 'retired' : 'other';
      const unit = employment === 'in_service' ? random.pick(units) : null;
      // In-service members hold their membership in their unit's branch when it is in the county.
      const branch = unit?.party_org_id
        ? { id: unit.party_org_id, path: unit.partyPath ?? place.path }
        : unit
          ? null
          : place.branch;
      const joinedYear = Math.min(birthYear + random.int(20, 40), now.getUTCFullYear() - 1);
      const probationary = !isDemo && random.next() < 0.06;
      const household = households.length > 0 ? random.pick(households) : null;
      const id = newId();
      const syllables = pinyin(name, { toneType: 'none', type: 'array' });
      const reportIn: ReportInState = employment !== 'in_service' || isDemo ? 'none' : pickReportIn(random.next());
      members.push({
        id,
        name,
        name_pinyin: syllables.join('').toLowerCase(),
        name_initials: syllables.map((s) => s[0] ?? '').join(''),
        gender: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
        ethnicity: random.pick(ETHNICITIES),
        birth_date: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
        id_number_cipher: platform.cipher.encrypt(idNumber),
        id_number_index: platform.blindIndex(`id:${idNumber}`),
        id_last4_index: platform.blindIndex(`id4:${idNumber.slice(-4)}`),
        phone_cipher: platform.cipher.encrypt(phone),
        phone_index: platform.blindIndex(phone),
        education: random.pick(EDUCATION),
        address_cipher: null,
        status: probationary ? 'probationary' : 'full',
        joined_on: `${probationary ? now.getUTCFullYear() - 1 : joinedYear}-07-01`,
        full_member_on: probationary ? null : `${joinedYear + 1}-07-01`,
        employment,
        work_unit_id: unit?.id ?? null,
        branch_org_id: branch?.id ?? null,
        home_path: branch?.path ?? place.path,
        residence_compound_id: place.id,
        residence_path: place.path,
        household_id: household?.id ?? null,
        is_mobile: random.next() < 0.03 ? 1 : 0,
        is_lost_contact: random.next() < 0.01 ? 1 : 0,
        user_id: isDemo && input.demoMember ? input.demoMember.userId : null,
        badge_token: null,
        report_in_status: reportIn,
        created_at: stamp,
        updated_at: stamp,
      });
      if (reportIn !== 'none') {
        const registeredDaysAgo = random.int(30, 600);
        const confirmed = reportIn === 'confirmed';
        reportIns.push({
          id: newId(),
          member_id: id,
          compound_id: place.id,
          path: place.path,
          work_unit_id: unit?.id ?? null,
          status: confirmed ? 'confirmed' : 'pending',
          skills:
            random.next() < 0.5
              ? random.pick(['法律咨询', '医疗义诊', '电脑维修', '书法', '心理疏导', '水电维修'])
              : null,
          registered_at: timeBefore(now, registeredDaysAgo),
          decided_by: confirmed ? input.confirmerId : null,
          decided_at: confirmed ? timeBefore(now, registeredDaysAgo - 3) : null,
          reject_reason: null,
          receipt_no: confirmed
            ? `BD-${daysBefore(now, registeredDaysAgo - 3).slice(0, 4)}-${String(reportIns.length + 1).padStart(6, '0')}`
            : null,
          created_at: timeBefore(now, registeredDaysAgo),
          updated_at: timeBefore(now, confirmed ? registeredDaysAgo - 3 : registeredDaysAgo),
        });
      }
      result.push({
        id,
        name,
        compoundId: place.id,
        residencePath: place.path,
        employment,
        workUnitId: unit?.id ?? null,
        reportIn,
        householdId: household?.id ?? null,
      });
    }
  }
  await insertMany(trx, 'member', members);
  await insertMany(trx, 'member_report_in', reportIns);
  return result;
}
