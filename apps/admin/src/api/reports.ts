import type {
  CreateLedgerExportBody,
  Dashboard,
  GenerateWorkReportBodySchema,
  LedgerExport,
  LedgerExportPageSchema,
  LedgerKind,
  LedgerPreview,
  LedgerPreviewQuerySchema,
  ReportScopeQuery,
  SaveWorkReportTemplateBodySchema,
  TemplateCheck,
  TemplatePreview,
  TemplatePreviewBodySchema,
  WorkReport,
  WorkReportListQuerySchema,
  WorkReportPageSchema,
  WorkReportTemplate,
} from '@linli/contracts';
import { download, http } from './http.ts';
import type { In, Out } from './types.ts';

export type SaveWorkReportTemplateBody = In<typeof SaveWorkReportTemplateBodySchema>;
export type TemplatePreviewBody = In<typeof TemplatePreviewBodySchema>;
export type GenerateWorkReportBody = In<typeof GenerateWorkReportBodySchema>;
export type WorkReportListQuery = In<typeof WorkReportListQuerySchema>;
export type WorkReportPage = Out<typeof WorkReportPageSchema>;
export type LedgerPreviewQuery = In<typeof LedgerPreviewQuerySchema>;
export type LedgerExportPage = Out<typeof LedgerExportPageSchema>;
export type LedgerExportListQuery = { cursor?: string | undefined; limit?: number | undefined };

// ---------------------------------------------------------------- query keys

/** Prefix of every reports query: invalidate `[REPORTS_KEY]` to refresh them all. */
export const REPORTS_KEY = 'reports';
export const dashboardKey = (query: ReportScopeQuery) => [REPORTS_KEY, 'dashboard', query] as const;
export const WORK_REPORT_TEMPLATES_KEY = [REPORTS_KEY, 'templates'] as const;
export const templateCheckKey = (body: string) => [REPORTS_KEY, 'template-check', body] as const;
export const templatePreviewKey = (body: TemplatePreviewBody) => [REPORTS_KEY, 'template-preview', body] as const;
export const WORK_REPORTS_KEY = [REPORTS_KEY, 'work-reports'] as const;
export const workReportsKey = (query: Omit<WorkReportListQuery, 'cursor'>) => [...WORK_REPORTS_KEY, query] as const;
export const workReportKey = (id: string) => [...WORK_REPORTS_KEY, 'detail', id] as const;
export const ledgerPreviewKey = (kind: LedgerKind, query: LedgerPreviewQuery) =>
  [REPORTS_KEY, 'ledger-preview', kind, query] as const;
export const LEDGER_EXPORTS_KEY = [REPORTS_KEY, 'ledger-exports'] as const;
export const ledgerExportKey = (id: string) => [...LEDGER_EXPORTS_KEY, 'detail', id] as const;

// ---------------------------------------------------------------- calls

/** 驾驶舱: every figure, chart series, ranking and drill-down row of one scope and period. */
export const dashboardApi = {
  get: (query: ReportScopeQuery) => http.get<Dashboard>('/dashboard', query),
};

/** 工作汇报模板: the built-in one (read-only) and the county's own; check and preview while editing. */
export const workReportTemplatesApi = {
  list: () => http.get<WorkReportTemplate[]>('/work-report-templates'),
  create: (body: SaveWorkReportTemplateBody, idempotencyKey?: string) =>
    http.post<WorkReportTemplate>('/work-report-templates', body, { idempotencyKey }),
  update: (id: string, body: SaveWorkReportTemplateBody, version: number) =>
    http.patch<WorkReportTemplate>(`/work-report-templates/${id}`, body, { version }),
  remove: (id: string, version: number) => http.delete(`/work-report-templates/${id}`, { version }),
  /** The placeholders a body uses, and those it may not (unknown, or of a module not built yet). */
  check: (body: string, signal?: AbortSignal) =>
    http.post<TemplateCheck>('/work-report-templates/check', { body }, { signal }),
  /** The body filled in for a scope and period, block by block, as the Word document will read. */
  preview: (body: TemplatePreviewBody, signal?: AbortSignal) =>
    http.post<TemplatePreview>('/work-report-templates/preview', body, { signal }),
};

/** 工作汇报: generate a Word document for a scope and period; list and download earlier ones. */
export const workReportsApi = {
  generate: (body: GenerateWorkReportBody, idempotencyKey?: string) =>
    http.post<WorkReport>('/work-reports', body, { idempotencyKey }),
  list: (query: WorkReportListQuery) => http.get<WorkReportPage>('/work-reports', query),
  get: (id: string) => http.get<WorkReport>(`/work-reports/${id}`),
  /** The docx with the session cookie, saved under the server's file name. */
  download: (id: string, fallbackName: string) => download(`/work-reports/${id}/file`, {}, fallbackName),
};

/** 台账: a printable preview of a register, and Excel exports written in the background. */
export const ledgersApi = {
  preview: (kind: LedgerKind, query: LedgerPreviewQuery) => http.get<LedgerPreview>(`/ledgers/${kind}/preview`, query),
  createExport: (body: CreateLedgerExportBody, idempotencyKey?: string) =>
    http.post<LedgerExport>('/ledger-exports', body, { idempotencyKey }),
  /** The caller's own exports, newest first. */
  listExports: (query: LedgerExportListQuery = {}) => http.get<LedgerExportPage>('/ledger-exports', query),
  /** One export with its progress (`rowsDone` / `rowsTotal`); poll it while queued or running. */
  getExport: (id: string) => http.get<LedgerExport>(`/ledger-exports/${id}`),
  downloadExport: (id: string, fallbackName: string) => download(`/ledger-exports/${id}/file`, {}, fallbackName),
};
