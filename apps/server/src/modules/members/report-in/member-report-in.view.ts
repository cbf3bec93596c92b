import type { MemberReportIn } from '@linli/contracts';
import type { Db } from '../../../db/database.ts';
import { can } from '../../../platform/access/authorize.ts';
import type { Actor } from '../../../platform/context.ts';
import { notFound } from '../../../platform/errors/app-error.ts';
import { findMemberReportInRow, type MemberReportInRow } from './member-report-in.repository.ts';

export function toMemberReportIn(actor: Actor | null, row: MemberReportInRow): MemberReportIn {
  return {
    id: row.id,
    memberId: row.member_id,
    memberName: row.member_name,
    compoundId: row.compound_id,
    compoundName: row.compound_name,
    workUnitId: row.work_unit_id,
    workUnitName: row.work_unit_name,
    status: row.status,
    skills: row.skills,
    registeredAt: row.registered_at,
    decidedAt: row.decided_at,
    receiptNo: row.receipt_no,
    rejectReason: row.reject_reason,
    abilities: { decide: row.status === 'pending' && can(actor, 'report_in.manage', { path: row.path }) },
  };
}

/** The report-in row or 404. */
export async function getMemberReportInRow(db: Db, id: string): Promise<MemberReportInRow> {
  const row = await findMemberReportInRow(db, id);
  if (!row) throw notFound('member_report_in');
  return row;
}
