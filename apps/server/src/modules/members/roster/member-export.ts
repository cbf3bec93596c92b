import { PassThrough } from 'node:stream';
import {
  EMPLOYMENT_LABELS,
  MEMBER_STATUS_LABELS,
  type MemberExportFilter,
  type MemberExportQuery,
  type MemberListItem,
  type ReportInStatus,
} from '@linli/contracts';
import ExcelJS from 'exceljs';
import { authorize } from '../../../platform/access/authorize.ts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { shanghaiDate, shanghaiDateStamp } from '../../../platform/clock.ts';
import type { Actor, Ctx } from '../../../platform/context.ts';
import type { Keyset } from '../../../platform/keyset-paging.ts';
import { transact } from '../../../platform/transaction.ts';
import type { MemberViewRow } from './member.repository.ts';
import { toMemberListItem } from './member.repository.ts';
import { keyOf, memberRows } from './member-search.ts';
import { checkApproval, consumeApproval } from './pii-export.service.ts';

/** Rows per query while exporting: the file is built in keyset batches, never one unbounded read. */
const BATCH = 1000;

const REPORT_IN_LABELS: Record<ReportInStatus, string> = {
  none: '未报到',
  pending: '待确认',
  confirmed: '已报到',
  rejected: '未通过',
};
const yesNo = (v: boolean): string => (v ? '是' : '否');

type Cells = MemberListItem & { idNumber: string; phone: string | null };

const COLUMNS: Array<[string, number, (m: Cells) => string | number]> = [
  ['姓名', 12, (m) => m.name],
  ['性别', 6, (m) => (m.gender === 'male' ? '男' : '女')],
  ['年龄', 6, (m) => m.age],
  ['身份证号', 22, (m) => m.idNumber],
  ['手机号', 14, (m) => m.phone ?? ''],
  ['党员类型', 10, (m) => MEMBER_STATUS_LABELS[m.status]],
  ['入党日期', 12, (m) => m.joinedOn],
  ['就业状态', 10, (m) => EMPLOYMENT_LABELS[m.employment]],
  ['工作单位', 24, (m) => m.workUnitName ?? ''],
  ['所在支部', 24, (m) => m.branchName ?? ''],
  ['居住小区', 18, (m) => m.compoundName ?? ''],
  ['双报到', 8, (m) => REPORT_IN_LABELS[m.reportInStatus]],
  ['流动党员', 8, (m) => yesNo(m.isMobile)],
  ['失联', 6, (m) => yesNo(m.isLostContact)],
];

const shanghaiDateTime = (date: Date): string =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(date);

export interface XlsxFile {
  filename: string;
  body: Buffer;
  rows: number;
}

/** The masked list row, or with the plaintext ID and phone when an approval allows it (PI-4). */
function cellsOf(ctx: Ctx, row: MemberViewRow, today: string, unmasked: boolean): Cells {
  const item = toMemberListItem(ctx, row, today);
  if (!unmasked) return { ...item, idNumber: item.idNumberMasked, phone: item.phoneMasked };
  const phone = row.phone_cipher ? ctx.cipher.decrypt(row.phone_cipher) : null;
  return { ...item, idNumber: ctx.cipher.decrypt(row.id_number_cipher), phone };
}

async function writeRows(
  ctx: Ctx,
  actor: Actor,
  filter: MemberExportFilter,
  sheet: ExcelJS.Worksheet,
  unmasked: boolean,
) {
  const today = shanghaiDate(ctx.clock.now());
  let after: Keyset | undefined;
  let rows = 0;
  for (;;) {
    const batch = await memberRows(ctx, actor, filter, { after, limit: BATCH });
    for (const row of batch) {
      const cells = cellsOf(ctx, row, today, unmasked);
      sheet.addRow(COLUMNS.map(([, , cell]) => cell(cells))).commit();
    }
    rows += batch.length;
    const last = batch.at(-1);
    if (batch.length < BATCH || !last) return rows;
    after = { key: keyOf(last, filter.sort), id: last.id };
  }
}

/**
 * The roster as xlsx: the list's filters and the caller's `member.read` scope, masked (PI-3), watermarked with
 * who exported it and when on the first line and in the workbook properties. With `approvalId` — the caller's
 * own approved, unused, unexpired PI-4 request — ID and phone are written in full and the request's filter is
 * applied; the approval is spent in the same transaction as the `member.export` audit row, and a file is only
 * handed out if that succeeds.
 */
export async function exportMembers(ctx: Ctx, query: MemberExportQuery): Promise<XlsxFile> {
  const actor = authorize(ctx, 'member.read');
  const { approvalId, ...queryFilter } = query;
  const approval = approvalId ? await checkApproval(ctx, actor, approvalId) : undefined;
  const filter = approval?.filter ?? queryFilter;
  const unmasked = approval !== undefined;
  const user = await ctx.db.selectFrom('app_user').select('username').where('id', '=', actor.userId).executeTakeFirst();
  const stamp = shanghaiDateTime(ctx.clock.now());
  const watermark = `导出人 ${actor.displayName}（${user?.username ?? actor.userId}） 导出时间 ${stamp}${unmasked ? ` 未脱敏 审批单 ${approvalId}` : ''}`;

  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  book.creator = actor.displayName;
  book.created = ctx.clock.now();
  book.title = '党员名册';
  book.subject = watermark;
  book.description = watermark;
  book.keywords = unmasked ? '未脱敏' : '已脱敏';
  const sheet = book.addWorksheet('党员名册');
  sheet.columns = COLUMNS.map(([, width]) => ({ width }));
  sheet.addRow([watermark]).commit();
  sheet.addRow(COLUMNS.map(([header]) => header)).commit();
  const rows = await writeRows(ctx, actor, filter, sheet, unmasked);
  sheet.commit();
  await book.commit();

  await transact(ctx, async (trx) => {
    if (approvalId) await consumeApproval(trx, ctx, approvalId);
    await appendAudit(trx, ctx, {
      action: 'member.export',
      objectType: 'member',
      details: { filter, rows, masked: !unmasked, approvalId: approvalId ?? null },
    });
  });
  const date = shanghaiDateStamp(ctx.clock.now());
  return { filename: `党员名册-${date}.xlsx`, body: Buffer.concat(chunks), rows };
}
