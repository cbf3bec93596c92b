import { EMPLOYMENT_LABELS, MEMBER_STATUS_LABELS } from '@linli/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import { afterKeyset } from '../../../platform/pagination.ts';
import { pathStartsWith } from '../../../platform/sql-helpers.ts';
import { type MemberViewRow, selectMemberView, toMemberListItem } from '../../members/index.ts';
import { MEMBER_REPORT_IN_LABEL } from './ledger-labels.ts';
import { keysetSheet } from './ledger-sheet.ts';
import { column, type LedgerDef, type LedgerRow, type LedgerSource } from './ledger-types.ts';

/**
 * A member belongs to a scope through either place, as on the roster: the branch holding the membership or the
 * compound the member lives in.
 */
const memberInReportScope = (source: LedgerSource): Expression<SqlBool> =>
  sql<SqlBool>`(${pathStartsWith('member.home_path', source.scope.path)} OR ${pathStartsWith('member.residence_path', source.scope.path)})`;

const membersInScope = (source: LedgerSource) => source.db.selectFrom('member').where(memberInReportScope(source));

const readMembers = (source: LedgerSource, after: { key: string; id: string } | undefined, limit: number) =>
  selectMemberView(source.db)
    .where(memberInReportScope(source))
    .$if(after !== undefined, (qb) =>
      qb.where(afterKeyset('member.name_pinyin', 'member.id', 'asc', after ?? { key: '', id: '' })),
    )
    .orderBy('member.name_pinyin')
    .orderBy('member.id')
    .limit(limit)
    .execute();

/** The roster's own list row (ID and phone decrypted only to be masked, PI-3), laid out as the roster export. */
function memberCells(source: LedgerSource, rows: MemberViewRow[]): LedgerRow[] {
  return rows.map((row) => {
    const m = toMemberListItem(source, row, source.today);
    return [
      m.name,
      m.gender === 'male' ? '男' : '女',
      m.age,
      m.idNumberMasked,
      m.phoneMasked,
      MEMBER_STATUS_LABELS[m.status],
      m.joinedOn,
      EMPLOYMENT_LABELS[m.employment],
      m.workUnitName,
      m.branchName,
      m.compoundName,
      MEMBER_REPORT_IN_LABEL[m.reportInStatus],
    ];
  });
}

/** 党员花名册（脱敏）: every member of the scope by pinyin, masked exactly as the roster export masks them. */
export const membersLedger: LedgerDef = {
  kind: 'members',
  sheets: [
    keysetSheet({
      name: '党员花名册',
      columns: [
        column('name', '姓名', 10),
        column('gender', '性别', 6),
        column('age', '年龄', 6),
        column('idNumber', '身份证号（脱敏）', 22),
        column('phone', '手机号（脱敏）', 14),
        column('status', '党员类型', 10),
        column('joinedOn', '入党日期', 12),
        column('employment', '就业状态', 10),
        column('workUnit', '工作单位', 22),
        column('branch', '所在支部', 20),
        column('compound', '居住小区', 16),
        column('reportIn', '双报到', 8),
      ],
      base: membersInScope,
      read: readMembers,
      key: (row) => row.name_pinyin,
      cells: memberCells,
    }),
  ],
};
