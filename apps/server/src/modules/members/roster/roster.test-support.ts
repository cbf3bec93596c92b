import {
  type CreateMemberBody,
  idNumberCheckChar,
  MEMBER_IMPORT_HEADERS,
  type MemberImportHeader,
} from '@linli/contracts';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { Platform } from '../../../platform/context.ts';
import { runNextJob } from '../../../platform/jobs/index.ts';
import type { County } from '../../organisation/organisation.test-support.ts';
import { testIdNumber, testPhone } from '../members.test-support.ts';
import { rosterJobHandlers } from './roster.jobs.ts';

export const MEMBERS = '/api/v1/members';

/** A valid `POST /members` body for a full member of 金碧花园's branch living there; override what a test is about. */
export function memberBody(
  county: County,
  overrides: Partial<Record<keyof CreateMemberBody | 'religion', unknown>> = {},
) {
  const body = {
    name: '张三',
    idNumber: testIdNumber(),
    phone: testPhone(),
    ethnicity: '汉族',
    education: '本科',
    address: '金碧花园3栋2单元501',
    status: 'full',
    joinedOn: '2005-07-01',
    fullMemberOn: '2006-07-01',
    employment: 'in_service',
    branchId: county.compoundA.branch?.id,
    residenceCompoundId: county.compoundA.id,
  };
  return { ...body, ...overrides } as typeof body;
}

/** The workbook an export answered, its sheet as rows of cell texts, and its properties. */
export async function readExport(response: LightMyRequestResponse) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))));
  });
  return { rows, book };
}

/** A roster spreadsheet as a user fills in the template: `headers` (the template's by default), then the rows. */
export async function importWorkbook(
  rows: Array<Partial<Record<MemberImportHeader, ExcelJS.CellValue>>>,
  headers: readonly string[] = MEMBER_IMPORT_HEADERS,
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('党员名册');
  sheet.addRow([...headers]);
  for (const row of rows) sheet.addRow(MEMBER_IMPORT_HEADERS.map((h) => row[h] ?? null));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The `i`-th of many distinct valid ID numbers (one per birth day and sequence code). */
export function nthIdNumber(i: number): string {
  const day = new Date(Date.UTC(1950, 0, 1) + Math.floor(i / 900) * 86_400_000).toISOString().slice(0, 10);
  const first17 = `530102${day.replace(/-/g, '')}${String(100 + (i % 900))}`;
  return first17 + idNumberCheckChar(first17);
}

/** A valid import row for a full, in-service member of `branch` living in `compound`. */
export function importRow(
  compound: string,
  branch: string,
  overrides: Partial<Record<MemberImportHeader, ExcelJS.CellValue>> = {},
): Partial<Record<MemberImportHeader, ExcelJS.CellValue>> {
  return {
    姓名: '张三',
    身份证号: testIdNumber(),
    手机号: testPhone(),
    民族: '汉族',
    学历: '本科',
    党员类型: '正式党员',
    入党日期: '2005-07-01',
    转正日期: '2006-07-01',
    就业状态: '在职',
    所在支部: branch,
    居住小区: compound,
    流动党员: '否',
    失联: '否',
    地址: '金碧花园3栋501',
    ...overrides,
  };
}

/** Runs the roster's queued jobs (imports, exports) until none is left. */
export async function drainRosterJobs(platform: Platform): Promise<void> {
  while (await runNextJob(platform, rosterJobHandlers, { pollMs: 10, workerId: 'test' })) {
    // drain
  }
}
