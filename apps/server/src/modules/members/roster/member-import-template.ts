import {
  EDUCATION_LEVELS,
  EMPLOYMENT_LABELS,
  MEMBER_IMPORT_HEADERS,
  MEMBER_IMPORT_MAX_ROWS,
  MEMBER_STATUS_LABELS,
  type MemberImportHeader,
} from '@linli/contracts';
import ExcelJS from 'exceljs';
import { authorize } from '../../../platform/access/authorize.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { XlsxFile } from './member-export.ts';

/** Rows the template's drop-down lists and text formats cover. */
const PREPARED_ROWS = 5000;

const WIDTHS: Record<MemberImportHeader, number> = {
  姓名: 10,
  身份证号: 22,
  手机号: 14,
  民族: 8,
  学历: 10,
  党员类型: 10,
  入党日期: 12,
  转正日期: 12,
  就业状态: 10,
  工作单位: 24,
  所在支部: 24,
  居住小区: 18,
  流动党员: 8,
  失联: 6,
  地址: 30,
};

const LISTS: Partial<Record<MemberImportHeader, readonly string[]>> = {
  学历: EDUCATION_LEVELS,
  党员类型: Object.values(MEMBER_STATUS_LABELS),
  就业状态: Object.values(EMPLOYMENT_LABELS),
  流动党员: ['是', '否'],
  失联: ['是', '否'],
};

const NOTES: Array<[string, string]> = [
  ['填写说明', ''],
  ['姓名', '必填，最多 40 个字'],
  ['身份证号', '必填，18 位居民身份证号码，系统校验校验码；出生日期和性别由身份证号自动生成。请以文本格式填写'],
  ['手机号', '选填，11 位手机号码；党员用此号码登录手机端后自动关联'],
  ['民族', '选填，默认汉族'],
  ['学历', `选填：${EDUCATION_LEVELS.join('、')}`],
  ['党员类型', '必填：正式党员 或 预备党员'],
  ['入党日期', '必填，格式 2010-07-01'],
  ['转正日期', '正式党员必填且须晚于入党日期；预备党员不填'],
  ['就业状态', '必填：在职、退休 或 其他'],
  ['工作单位', '选填，填写单位全称；系统中没有的单位由有权限的管理员导入时自动登记'],
  ['所在支部', '党组织关系所在的党支部全称，须在您的管理范围内；与“居住小区”至少填一项'],
  ['居住小区', '居住小区名称，须在您的管理范围内'],
  ['流动党员', '是 或 否，默认否'],
  ['失联', '是 或 否，默认否'],
  ['地址', '选填，详细住址'],
  ['', ''],
  [
    '导入规则',
    `每个文件最多 ${MEMBER_IMPORT_MAX_ROWS} 行；表头必须与模板一致；任意一行有误则整个文件不导入，系统逐行列出错误`,
  ],
  ['隐私提示', '身份证号、手机号属于个人信息，文件请妥善保管，导入后及时删除'],
];

/** exceljs has range data validations at run time but leaves them out of its type declarations. */
const validations = (sheet: ExcelJS.Worksheet) =>
  (sheet as unknown as { dataValidations: { add(address: string, rule: ExcelJS.DataValidation): void } })
    .dataValidations;

const columnLetter = (index: number): string => String.fromCharCode(64 + index);

/** The 党员名册 sheet: the headers, text formats on the number columns (an ID typed as a number loses digits), lists. */
function addDataSheet(book: ExcelJS.Workbook): void {
  const sheet = book.addWorksheet('党员名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = MEMBER_IMPORT_HEADERS.map((header) => ({ header, width: WIDTHS[header] }));
  sheet.getRow(1).font = { bold: true };
  for (const [i, header] of MEMBER_IMPORT_HEADERS.entries()) {
    const letter = columnLetter(i + 1);
    if (header === '身份证号' || header === '手机号') sheet.getColumn(i + 1).numFmt = '@';
    const list = LISTS[header];
    if (!list) continue;
    // One range rule per column (exceljs keeps the address as the rule's sqref), not one rule per cell.
    validations(sheet).add(`${letter}2:${letter}${PREPARED_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${list.join(',')}"`],
      showErrorMessage: true,
      errorTitle: header,
      error: `请从列表中选择：${list.join('、')}`,
    });
  }
}

/**
 * The import template (`member.write`): a 党员名册 sheet with exactly the headers an import checks, drop-down
 * lists for the fixed choices, and a 说明 sheet explaining each column and the all-or-nothing rule.
 */
export async function memberImportTemplate(ctx: Ctx): Promise<XlsxFile> {
  authorize(ctx, 'member.write');
  const book = new ExcelJS.Workbook();
  book.creator = 'Linli 邻里';
  book.created = ctx.clock.now();
  addDataSheet(book);
  const notes = book.addWorksheet('说明');
  notes.columns = [{ width: 14 }, { width: 90 }];
  for (const line of NOTES) notes.addRow(line);
  notes.getRow(1).font = { bold: true };
  const body = Buffer.from(await book.xlsx.writeBuffer());
  return { filename: '党员名册导入模板.xlsx', body, rows: 0 };
}
