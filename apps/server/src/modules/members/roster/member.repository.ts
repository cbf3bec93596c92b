import type { Education, MemberDetail, MemberListItem } from '@linli/contracts';
import type { Db } from '../../../db/database.ts';
import type { Platform } from '../../../platform/context.ts';
import { maskIdNumber, maskPhone } from '../../../platform/crypto/index.ts';
import { toBool } from '../../../platform/sql-helpers.ts';
import type { Trx } from '../../../platform/transaction.ts';
import { ageOn, maskAddress } from './member-derive.ts';

/** A member with the names of its branch, compound and work unit: what lists, details and exports show. */
export function selectMemberView(db: Db | Trx) {
  return db
    .selectFrom('member')
    .leftJoin('org_unit as branch', 'branch.id', 'member.branch_org_id')
    .leftJoin('compound', 'compound.id', 'member.residence_compound_id')
    .leftJoin('work_unit', 'work_unit.id', 'member.work_unit_id')
    .select([
      'member.id',
      'member.name',
      'member.name_pinyin',
      'member.gender',
      'member.ethnicity',
      'member.birth_date',
      'member.id_number_cipher',
      'member.phone_cipher',
      'member.education',
      'member.address_cipher',
      'member.status',
      'member.joined_on',
      'member.full_member_on',
      'member.employment',
      'member.work_unit_id',
      'work_unit.name as work_unit_name',
      'member.branch_org_id',
      'branch.name as branch_name',
      'member.residence_compound_id',
      'compound.name as compound_name',
      'member.household_id',
      'member.is_mobile',
      'member.is_lost_contact',
      'member.report_in_status',
      'member.user_id',
      'member.home_path',
      'member.residence_path',
      'member.created_at',
      'member.updated_at',
      'member.version',
    ]);
}

export type MemberViewRow = Awaited<ReturnType<ReturnType<typeof selectMemberView>['executeTakeFirstOrThrow']>>;

export async function findMemberView(db: Db | Trx, id: string): Promise<MemberViewRow | undefined> {
  return selectMemberView(db).where('member.id', '=', id).executeTakeFirst();
}

type Crypto = Pick<Platform, 'cipher'>;

/** The list's row: ID and phone decrypted only to be masked (PI-3). */
export function toMemberListItem(crypto: Crypto, row: MemberViewRow, today: string): MemberListItem {
  return {
    id: row.id,
    name: row.name,
    gender: row.gender,
    age: ageOn(row.birth_date, today),
    idNumberMasked: maskIdNumber(crypto.cipher.decrypt(row.id_number_cipher)),
    phoneMasked: row.phone_cipher ? maskPhone(crypto.cipher.decrypt(row.phone_cipher)) : null,
    status: row.status,
    employment: row.employment,
    joinedOn: row.joined_on,
    branchId: row.branch_org_id,
    branchName: row.branch_name,
    compoundId: row.residence_compound_id,
    compoundName: row.compound_name,
    workUnitId: row.work_unit_id,
    workUnitName: row.work_unit_name,
    reportInStatus: row.report_in_status,
    isMobile: toBool(row.is_mobile),
    isLostContact: toBool(row.is_lost_contact),
  };
}

export function toMemberDetail(
  crypto: Crypto,
  row: MemberViewRow,
  today: string,
  abilities: MemberDetail['abilities'],
): MemberDetail {
  return {
    ...toMemberListItem(crypto, row, today),
    ethnicity: row.ethnicity,
    birthDate: row.birth_date,
    education: row.education as Education | null,
    addressMasked: row.address_cipher ? maskAddress(crypto.cipher.decrypt(row.address_cipher)) : null,
    fullMemberOn: row.full_member_on,
    householdId: row.household_id,
    hasAccount: row.user_id !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    abilities,
    version: row.version,
  };
}
