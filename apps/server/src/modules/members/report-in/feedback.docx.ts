import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { FeedbackData } from './feedback.data.ts';
import { quarterPeriod } from './report-in-dates.ts';

/** Asia/Shanghai date of a stored timestamp, as `2026年3月1日`. */
const chineseDate = (iso: string): string => {
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
};

const FONT = 'SimSun';
const text = (value: string, options: { bold?: boolean; size?: number } = {}) =>
  new TextRun({ text: value, font: FONT, bold: options.bold ?? false, size: options.size ?? 21 });
const line = (value: string, options: { bold?: boolean; size?: number; center?: boolean } = {}) =>
  new Paragraph({
    children: [text(value, options)],
    spacing: { after: 120 },
    ...(options.center ? { alignment: AlignmentType.CENTER } : {}),
  });

const HEADERS = [
  '序号',
  '姓名',
  '报到小区',
  '报到日期',
  '报到回执号',
  '认领岗位',
  '服务次数',
  '服务时长（小时）',
  '满意',
  '基本满意',
  '不满意',
];

const cell = (value: string, bold = false) =>
  new TableCell({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [text(value, { bold, size: 18 })] })],
  });

function memberTable(data: FeedbackData): Table {
  const rows = data.rows.map(
    (r, i) =>
      new TableRow({
        children: [
          String(i + 1),
          r.memberName,
          r.compoundName,
          r.reportedAt ? chineseDate(r.reportedAt) : '',
          r.receiptNo ?? '',
          r.posts.join('、') || '—',
          String(r.serviceCount),
          String(r.serviceHours),
          String(r.ratings.satisfied),
          String(r.ratings.basicallySatisfied),
          String(r.ratings.dissatisfied),
        ].map((v) => cell(v)),
      }),
  );
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: HEADERS.map((h) => cell(h, true)) }), ...rows],
  });
}

function receiptParagraphs(data: FeedbackData): Paragraph[] {
  if (data.receipts.length === 0) return [line('本季度无报到回执。')];
  return data.receipts.map((r) =>
    line(
      `回执号 ${r.receiptNo}：${r.memberName}同志已于${chineseDate(r.confirmedAt)}到${r.compoundName}报到，` +
        `经${r.branchName ?? `${r.compoundName}党组织`}确认。`,
    ),
  );
}

/**
 * The quarterly 「在职党员八小时外表现反馈表」 the community sends to a work unit's Party organisation: the unit,
 * the quarter, one table row per reported member (report-in, posts, services, hours, ratings), the report-in
 * receipts, and a line for the community's signature and seal. Landscape A4 so the eleven columns fit.
 */
export async function buildFeedbackDocx(data: FeedbackData, generatedAt: string): Promise<Buffer> {
  const p = quarterPeriod(data.year, data.quarter);
  const doc = new Document({
    creator: 'Linli 邻里',
    title: '在职党员八小时外表现反馈表',
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          line('在职党员八小时外表现反馈表', { bold: true, size: 36, center: true }),
          line(`工作单位：${data.workUnitName}　　单位党组织：${data.partyOrgName}`),
          line(`反馈期间：${data.year}年第${data.quarter}季度（${p.fromDate} 至 ${p.toDate}）`),
          line(`报到党员：${data.rows.length}名`),
          data.rows.length > 0 ? memberTable(data) : line('本季度无已报到党员的社区服务记录。'),
          line(''),
          line('报到回执', { bold: true, size: 24 }),
          ...receiptParagraphs(data),
          line(''),
          line('社区党组织（盖章）：____________　　负责人签字：____________　　日期：______年____月____日'),
          line(`本表由系统于${chineseDate(generatedAt)}生成。`, { size: 18 }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
