import { z } from 'zod';
import { IdSchema, PageQuerySchema, TimestampSchema } from './common.ts';

/** Roster import from Excel (docs/api.md § Members → Roster): template headers, statuses, row errors. */

/** The template's columns, in order; an upload must carry exactly these headers. */
export const MEMBER_IMPORT_HEADERS = [
  '姓名',
  '身份证号',
  '手机号',
  '民族',
  '学历',
  '党员类型',
  '入党日期',
  '转正日期',
  '就业状态',
  '工作单位',
  '所在支部',
  '居住小区',
  '流动党员',
  '失联',
  '地址',
] as const;
export type MemberImportHeader = (typeof MEMBER_IMPORT_HEADERS)[number];

/** The most data rows one file may hold. */
export const MEMBER_IMPORT_MAX_ROWS = 30_000;

export const MEMBER_IMPORT_STATUSES = ['queued', 'validating', 'importing', 'rejected', 'imported', 'failed'] as const;
export const MemberImportStatusSchema = z.enum(MEMBER_IMPORT_STATUSES);
export type MemberImportStatus = z.infer<typeof MemberImportStatusSchema>;

/**
 * Why a cell or a file was refused. Branch, compound and work-unit names are looked up within the importer's
 * `member.write` scope (`unknownBranch`, `unknownCompound`; a name held by two of them: `ambiguous…`); an unknown
 * work unit is created when the importer holds `work_unit.write`, else `unknownWorkUnit`. `headers`: the header row is not the template's (row 1, column the first
 * wrong header); `noRows` / `tooManyRows` / `unreadable`: the file as a whole (row 0). Cell values never appear.
 */
export const MEMBER_IMPORT_ERROR_CODES = [
  'headers',
  'unreadable',
  'noRows',
  'tooManyRows',
  'required',
  'tooLong',
  'idNumberFormat',
  'idNumberBirthDate',
  'idNumberChecksum',
  'duplicateInFile',
  'duplicateInDatabase',
  'phone',
  'date',
  'dateInFuture',
  'fullMemberOnRequired',
  'fullMemberOnOrder',
  'fullMemberOnProbationary',
  'invalidOption',
  'memberPlace',
  'unknownBranch',
  'unknownCompound',
  'unknownWorkUnit',
  'ambiguousBranch',
  'ambiguousCompound',
] as const;
export const MemberImportErrorCodeSchema = z.enum(MEMBER_IMPORT_ERROR_CODES);
export type MemberImportErrorCode = z.infer<typeof MemberImportErrorCodeSchema>;

export const MemberImportErrorSchema = z.object({
  /** The spreadsheet row (1 is the header row). */
  row: z.number().int(),
  /** The column's header, or null for a whole-row or whole-file problem. */
  column: z.string().nullable(),
  code: MemberImportErrorCodeSchema,
});
export type MemberImportError = z.infer<typeof MemberImportErrorSchema>;

export const MemberImportSummarySchema = z.object({
  id: IdSchema,
  fileName: z.string(),
  status: MemberImportStatusSchema,
  /** Data rows in the file (0 until the job has read it). */
  totalRows: z.number().int(),
  /** Rows validated so far: `processedRows / totalRows` is the progress bar. */
  processedRows: z.number().int(),
  importedRows: z.number().int(),
  errorCount: z.number().int(),
  createdById: IdSchema,
  createdByName: z.string(),
  createdAt: TimestampSchema,
  finishedAt: TimestampSchema.nullable(),
});
export type MemberImportSummary = z.infer<typeof MemberImportSummarySchema>;

/** `GET /member-imports/:id` (and the 202 of the upload): the summary plus the first 1,000 row errors. */
export const MemberImportSchema = MemberImportSummarySchema.extend({ errors: z.array(MemberImportErrorSchema) });
export type MemberImport = z.infer<typeof MemberImportSchema>;

export const MemberImportListQuerySchema = z.object({ ...PageQuerySchema.shape }).strict();
