import type { LedgerKind } from '@linli/contracts';
import type { ColumnType } from 'kysely';

type Bool = number;
type Timestamp = string;
/** An ISO date `YYYY-MM-DD` in Asia/Shanghai. */
type DateOnly = string;
type Version = ColumnType<number, number | undefined, number>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

/** The reports module's tables (migration 0012). */
export interface ReportsTables {
  work_report_template: WorkReportTemplateTable;
  work_report: WorkReportTable;
  ledger_export: LedgerExportTable;
}

export interface WorkReportTemplateTable {
  id: string;
  name: string;
  body: string;
  is_default: Defaulted<Bool>;
  created_by: string;
  updated_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface WorkReportTable {
  id: string;
  template_id: string | null;
  template_name: string;
  scope_kind: 'org' | 'compound';
  scope_id: string;
  scope_name: string;
  path: string;
  period_from: DateOnly;
  period_to: DateOnly;
  trigger: 'manual' | 'monthly';
  dedupe_key: string | null;
  /** JSON object of figure key → value as written into the document. */
  figures: string;
  file_id: string;
  generated_by: string | null;
  generated_at: Timestamp;
}

export interface LedgerExportTable {
  id: string;
  kind: LedgerKind;
  scope_kind: 'org' | 'compound';
  scope_id: string;
  scope_name: string;
  path: string;
  period_from: DateOnly | null;
  period_to: DateOnly | null;
  status: 'queued' | 'running' | 'done' | 'failed' | 'expired';
  rows_done: Defaulted<number>;
  rows_total: number | null;
  file_name: string | null;
  byte_size: number | null;
  error: string | null;
  requested_by: string;
  requested_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  expires_at: Timestamp | null;
}
