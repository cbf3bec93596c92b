import { maskPhone } from '../../../platform/crypto/index.ts';
import { afterKeyset } from '../../../platform/pagination.ts';
import { pathStartsWith } from '../../../platform/sql-helpers.ts';
import { MEMBER_REPORT_IN_LABEL, ORG_REPORT_IN_LABEL, shanghaiMinute } from './ledger-labels.ts';
import { keysetSheet } from './ledger-sheet.ts';
import { column, type LedgerDef, type LedgerRow, type LedgerSource } from './ledger-types.ts';

type After = { key: string; id: string } | undefined;
const NONE = { key: '', id: '' };

const memberReportIns = (source: LedgerSource) =>
  source.db.selectFrom('member_report_in as r').where(pathStartsWith('r.path', source.scope.path));

const readMemberReportIns = (source: LedgerSource, after: After, limit: number) =>
  memberReportIns(source)
    .innerJoin('member', 'member.id', 'r.member_id')
    .innerJoin('compound', 'compound.id', 'r.compound_id')
    .leftJoin('work_unit', 'work_unit.id', 'r.work_unit_id')
    .select([
      'r.id',
      'r.status',
      'r.skills',
      'r.registered_at',
      'r.decided_at',
      'r.receipt_no',
      'member.name as member_name',
      'work_unit.name as work_unit_name',
      'compound.name as compound_name',
    ])
    .$if(after !== undefined, (qb) => qb.where(afterKeyset('r.registered_at', 'r.id', 'asc', after ?? NONE)))
    .orderBy('r.registered_at')
    .orderBy('r.id')
    .limit(limit)
    .execute();
type MemberReportInRow = Awaited<ReturnType<typeof readMemberReportIns>>[number];

const memberCells = (rows: MemberReportInRow[]): LedgerRow[] =>
  rows.map((r) => [
    r.member_name,
    r.work_unit_name,
    r.compound_name,
    MEMBER_REPORT_IN_LABEL[r.status],
    shanghaiMinute(r.registered_at),
    shanghaiMinute(r.decided_at),
    r.receipt_no,
    r.skills,
  ]);

const orgReportIns = (source: LedgerSource) =>
  source.db.selectFrom('org_report_in as r').where(pathStartsWith('r.path', source.scope.path));

const readOrgReportIns = (source: LedgerSource, after: After, limit: number) =>
  orgReportIns(source)
    .innerJoin('org_unit as reporting', 'reporting.id', 'r.reporting_org_id')
    .leftJoin('compound', 'compound.id', 'r.target_id')
    .leftJoin('org_unit as community', 'community.id', 'r.target_id')
    .select([
      'r.id',
      'r.contact_name',
      'r.contact_phone_cipher',
      'r.resources',
      'r.reported_on',
      'r.status',
      'r.receipt_no',
      'reporting.name as reporting_name',
      'compound.name as compound_name',
      'community.name as community_name',
    ])
    .$if(after !== undefined, (qb) => qb.where(afterKeyset('r.reported_on', 'r.id', 'asc', after ?? NONE)))
    .orderBy('r.reported_on')
    .orderBy('r.id')
    .limit(limit)
    .execute();
type OrgReportInRow = Awaited<ReturnType<typeof readOrgReportIns>>[number];

/** The contact's phone is decrypted only to be masked (PI-3): the register leaves the system. */
const orgCells = (source: LedgerSource, rows: OrgReportInRow[]): LedgerRow[] =>
  rows.map((r) => [
    r.reporting_name,
    r.compound_name ?? r.community_name,
    r.contact_name,
    maskPhone(source.cipher.decrypt(r.contact_phone_cipher)),
    r.resources,
    r.reported_on,
    ORG_REPORT_IN_LABEL[r.status],
    r.receipt_no,
  ]);

const memberSheet = keysetSheet({
  name: '党员双报到',
  columns: [
    column('member', '党员姓名', 10),
    column('workUnit', '工作单位', 22),
    column('compound', '报到小区', 16),
    column('status', '状态', 8),
    column('registeredAt', '登记时间', 17),
    column('decidedAt', '确认时间', 17),
    column('receiptNo', '回执编号', 18),
    column('skills', '特长和服务意向', 24),
  ],
  base: memberReportIns,
  read: readMemberReportIns,
  key: (r) => r.registered_at,
  cells: (_source, batch) => memberCells(batch),
});

const orgSheet = keysetSheet({
  name: '单位双报到',
  columns: [
    column('reportingOrg', '报到单位', 22),
    column('target', '报到社区（小区）', 18),
    column('contactName', '联系人', 10),
    column('contactPhone', '联系电话（脱敏）', 14),
    column('resources', '可提供资源', 28),
    column('reportedOn', '报到日期', 12),
    column('status', '状态', 8),
    column('receiptNo', '回执编号', 18),
  ],
  base: orgReportIns,
  read: readOrgReportIns,
  key: (r) => r.reported_on,
  cells: orgCells,
});

/** 双报到台账: members reporting in to the scope's compounds, and organisations reporting in to its communities. */
export const reportInsLedger: LedgerDef = { kind: 'report_ins', sheets: [memberSheet, orgSheet] };
