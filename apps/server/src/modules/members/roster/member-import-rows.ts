import {
  EDUCATION_LEVELS,
  type Education,
  EMPLOYMENT_LABELS,
  type Employment,
  idNumberBirthDate,
  idNumberProblem,
  MEMBER_IMPORT_HEADERS,
  MEMBER_STATUS_LABELS,
  type MemberImportError,
  type MemberImportErrorCode,
  type MemberImportHeader,
  type MemberStatus,
  membershipDatesProblem,
  PhoneSchema,
} from '@linli/contracts';
import type ExcelJS from 'exceljs';

/** One spreadsheet row that passed the per-row checks, before the names are looked up. */
export interface ImportRow {
  row: number;
  name: string;
  idNumber: string;
  phone: string | null;
  ethnicity: string;
  education: Education | null;
  status: MemberStatus;
  joinedOn: string;
  fullMemberOn: string | null;
  employment: Employment;
  workUnitName: string | null;
  branchName: string | null;
  compoundName: string | null;
  isMobile: boolean;
  isLostContact: boolean;
  address: string | null;
}

/** A cell's text whatever exceljs made of it: rich text, a formula's result, a hyperlink's text, a number. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text).trim();
    return '';
  }
  return String(value).trim();
}

/** Excel's day 0 is 1899-12-30 (the 1900 leap-year bug included). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** `YYYY-MM-DD` from a date cell, `2010-07-01`, `2010/7/1`, `2010.07.01`, `20100701` or an Excel serial. */
export function cellDate(value: ExcelJS.CellValue): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === 'number' && value > 0 && value < 100_000 && Number.isInteger(value)) {
    return new Date(EXCEL_EPOCH_MS + value * 86_400_000).toISOString().slice(0, 10);
  }
  const text = cellText(value);
  const match = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/.exec(text);
  if (!match) return null;
  const [, y, m, d] = match;
  const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

/** The first header that differs from the template's, or null when the header row is exactly the template's. */
export function wrongHeader(headerRow: ExcelJS.Row): MemberImportHeader | null {
  for (const [i, header] of MEMBER_IMPORT_HEADERS.entries()) {
    if (cellText(headerRow.getCell(i + 1).value) !== header) return header;
  }
  return cellText(headerRow.getCell(MEMBER_IMPORT_HEADERS.length + 1).value) === ''
    ? null
    : (MEMBER_IMPORT_HEADERS.at(-1) ?? null);
}

const reverse = <K extends string>(labels: Record<K, string>): Map<string, K> =>
  new Map(Object.entries(labels).map(([k, v]) => [v as string, k as K]));
const STATUS_BY_LABEL = reverse(MEMBER_STATUS_LABELS);
const EMPLOYMENT_BY_LABEL = reverse(EMPLOYMENT_LABELS);
const YES_NO = new Map([
  ['是', true],
  ['否', false],
  ['', false],
]);
const ID_PROBLEM_CODES = {
  format: 'idNumberFormat',
  birthDate: 'idNumberBirthDate',
  checksum: 'idNumberChecksum',
} as const satisfies Record<string, MemberImportErrorCode>;

const MAX_LENGTH: Partial<Record<MemberImportHeader, number>> = {
  姓名: 40,
  民族: 20,
  工作单位: 100,
  所在支部: 100,
  居住小区: 80,
  地址: 200,
};

/**
 * Checks one data row on its own (the cross-row and database checks come after) and collects every problem,
 * each as `{ row, column, code }` without the cell's value — it may be PII.
 */
export function parseImportRow(
  rowNumber: number,
  cell: (header: MemberImportHeader) => ExcelJS.CellValue,
  today: string,
): { row?: ImportRow; errors: MemberImportError[] } {
  const errors: MemberImportError[] = [];
  const fail = (column: MemberImportHeader | null, code: MemberImportErrorCode) => {
    errors.push({ row: rowNumber, column, code });
  };
  const text = (header: MemberImportHeader): string => {
    const value = cellText(cell(header));
    const max = MAX_LENGTH[header];
    if (max !== undefined && value.length > max) fail(header, 'tooLong');
    return value;
  };
  const required = (header: MemberImportHeader): string => {
    const value = text(header);
    if (value === '') fail(header, 'required');
    return value;
  };
  const option = <T>(header: MemberImportHeader, options: Map<string, T>, value = text(header)): T | undefined => {
    const found = options.get(value);
    if (found === undefined && value !== '') fail(header, 'invalidOption');
    return found;
  };
  const date = (header: MemberImportHeader): string | null => {
    if (text(header) === '') return null;
    const iso = cellDate(cell(header));
    if (!iso) fail(header, 'date');
    else if (iso > today) fail(header, 'dateInFuture');
    return iso;
  };

  const name = required('姓名');
  const idNumber = required('身份证号').toUpperCase();
  const idProblem = idNumber === '' ? null : idNumberProblem(idNumber);
  if (idProblem) fail('身份证号', ID_PROBLEM_CODES[idProblem]);
  const phone = text('手机号');
  if (phone !== '' && !PhoneSchema.safeParse(phone).success) fail('手机号', 'phone');
  const education = text('学历');
  if (education !== '' && !(EDUCATION_LEVELS as readonly string[]).includes(education)) fail('学历', 'invalidOption');
  const status = option('党员类型', STATUS_BY_LABEL, required('党员类型'));
  const joinedOn = date('入党日期');
  if (joinedOn === null && text('入党日期') === '') fail('入党日期', 'required');
  const fullMemberOn = date('转正日期');
  const employment = option('就业状态', EMPLOYMENT_BY_LABEL, required('就业状态'));
  const isMobile = option('流动党员', YES_NO);
  const isLostContact = option('失联', YES_NO);
  const branchName = text('所在支部');
  const compoundName = text('居住小区');
  if (branchName === '' && compoundName === '') fail('所在支部', 'memberPlace');
  if (status && joinedOn) {
    const problem = membershipDatesProblem({ status, joinedOn, fullMemberOn });
    if (problem) fail('转正日期', problem);
  }
  const birthDate = idProblem === null && idNumber !== '' ? idNumberBirthDate(idNumber) : null;
  if (birthDate && joinedOn && joinedOn <= birthDate) fail('入党日期', 'date');
  const workUnitName = text('工作单位');
  const address = text('地址');
  const ethnicity = text('民族') || '汉族';

  if (
    errors.length > 0 ||
    !status ||
    !employment ||
    !joinedOn ||
    isMobile === undefined ||
    isLostContact === undefined
  ) {
    return { errors };
  }
  return {
    errors,
    row: {
      row: rowNumber,
      name,
      idNumber,
      phone: phone || null,
      ethnicity,
      education: (education || null) as Education | null,
      status,
      joinedOn,
      fullMemberOn,
      employment,
      workUnitName: workUnitName || null,
      branchName: branchName || null,
      compoundName: compoundName || null,
      isMobile,
      isLostContact,
      address: address || null,
    },
  };
}
