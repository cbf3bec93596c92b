import { z } from 'zod';
import { RatesSchema } from './civic-case-metrics.ts';
import { DateOnlySchema, IdSchema, nameText, pageOf, TimestampSchema } from './common.ts';
import { ROLLOUT_STAGES } from './compounds.ts';

/**
 * Reports: the cockpit (驾驶舱), the work report (工作汇报) as a Word document from an editable template, and the
 * registers (台账) as Excel. Every figure comes from the catalogue in `report-figures.ts`.
 */

// ---------------------------------------------------------------- scope and period

/** One scope (an org node or a compound; default: the caller's widest) and a period of Asia/Shanghai days. */
export const ReportScopeQuerySchema = z
  .object({
    orgId: IdSchema.optional(),
    compoundId: IdSchema.optional(),
    from: DateOnlySchema,
    to: DateOnlySchema,
  })
  .strict();
export type ReportScopeQuery = z.infer<typeof ReportScopeQuerySchema>;

export const ReportScopeRefSchema = z.object({ kind: z.enum(['org', 'compound']), id: IdSchema, name: z.string() });
export type ReportScopeRef = z.infer<typeof ReportScopeRefSchema>;

const FigureValueSchema = z.union([z.number(), z.string(), z.null()]);
export const FigureValuesSchema = z.record(z.string(), FigureValueSchema);

// ---------------------------------------------------------------- dashboard (驾驶舱)

/** One row of the drill-down table: a child org node or a compound directly under the scope. */
export const DashboardChildSchema = z.object({
  kind: z.enum(['org', 'compound']),
  id: IdSchema,
  name: z.string(),
  compounds: z.number().int(),
  compoundsWithBranch: z.number().int(),
  members: z.number().int(),
  membersReportedIn: z.number().int(),
  casesReceived: z.number().int(),
  casesClosed: z.number().int(),
  casesOverdueOpen: z.number().int(),
  compositeScore: z.number().nullable(),
  grade: z.enum(['A', 'B', 'C', 'D', 'E']).nullable(),
});
export type DashboardChild = z.infer<typeof DashboardChildSchema>;

const RankRowSchema = z.object({
  rank: z.number().int().nullable(),
  id: IdSchema,
  name: z.string(),
  received: z.number().int(),
  closed: z.number().int(),
  compositeScore: z.number().nullable(),
  grade: z.enum(['A', 'B', 'C', 'D', 'E']).nullable(),
});

export const DashboardSchema = z.object({
  scope: ReportScopeRefSchema,
  from: DateOnlySchema,
  to: DateOnlySchema,
  /** From the widest scope the caller may read down to this one; each entry can be opened. */
  breadcrumb: z.array(ReportScopeRefSchema),
  /** Every available catalogue figure for this scope and period, by key (the work report quotes the same). */
  figures: FigureValuesSchema,
  coverage: z.array(z.object({ stage: z.enum(ROLLOUT_STAGES), total: z.number().int(), withBranch: z.number().int() })),
  civic: z.object({
    byRootCategory: z.array(
      z.object({ code: z.string(), name: z.string(), received: z.number().int(), closed: z.number().int() }),
    ),
    byStatus: z.array(z.object({ status: z.string(), count: z.number().int() })),
    byMonth: z.array(
      z.object({ month: z.string(), received: z.number().int(), closed: z.number().int(), rates: RatesSchema }),
    ),
    rates: RatesSchema,
    mediation: z.object({
      total: z.number().int(),
      agreed: z.number().int(),
      failed: z.number().int(),
      pending: z.number().int(),
    }),
  }),
  /** The period's last month: compounds and responsible units, best first (ties share a rank). */
  rankings: z.object({ month: z.string(), compounds: z.array(RankRowSchema), units: z.array(RankRowSchema) }),
  children: z.array(DashboardChildSchema),
});
export type Dashboard = z.infer<typeof DashboardSchema>;

// ---------------------------------------------------------------- work-report templates

/** The built-in template has this id; it cannot be edited, only copied. */
export const BUILTIN_TEMPLATE_ID = 'builtin';

/**
 * A template is plain text: `# ` starts the title, `## ` a section (一、基本情况), `### ` a numbered part
 * ((一)…), any other non-empty line a paragraph; `{{key}}` quotes a catalogue figure.
 */
export const TEMPLATE_BODY_MAX = 20_000;
export const WorkReportTemplateSchema = z.object({
  id: z.string(),
  name: z.string(),
  body: z.string(),
  builtin: z.boolean(),
  isDefault: z.boolean(),
  version: z.number().int(),
  updatedAt: TimestampSchema.nullable(),
  updatedByName: z.string().nullable(),
});
export type WorkReportTemplate = z.infer<typeof WorkReportTemplateSchema>;

export const SaveWorkReportTemplateBodySchema = z
  .object({ name: nameText(60), body: z.string().min(1).max(TEMPLATE_BODY_MAX), isDefault: z.boolean().default(false) })
  .strict();
export type SaveWorkReportTemplateBody = z.infer<typeof SaveWorkReportTemplateBodySchema>;

export const TemplateBodyOnlySchema = z.object({ body: z.string().max(TEMPLATE_BODY_MAX) }).strict();

/** What the editor says about a body: the placeholders it uses, and those it may not. */
export const TemplateCheckSchema = z.object({
  placeholders: z.array(z.string()),
  unknown: z.array(z.string()),
  /** Known figures whose module is not built yet: `{ key, module }`. */
  unavailable: z.array(z.object({ key: z.string(), module: z.string() })),
  ok: z.boolean(),
});
export type TemplateCheck = z.infer<typeof TemplateCheckSchema>;

export const TemplatePreviewBodySchema = z
  .object({
    body: z.string().min(1).max(TEMPLATE_BODY_MAX),
    orgId: IdSchema.optional(),
    compoundId: IdSchema.optional(),
    from: DateOnlySchema,
    to: DateOnlySchema,
  })
  .strict();

export const ReportBlockSchema = z.object({
  kind: z.enum(['title', 'heading', 'subheading', 'paragraph']),
  /** The text with every placeholder replaced by its formatted value. */
  text: z.string(),
});
export type ReportBlock = z.infer<typeof ReportBlockSchema>;

export const TemplatePreviewSchema = z.object({
  scope: ReportScopeRefSchema,
  blocks: z.array(ReportBlockSchema),
  figures: FigureValuesSchema,
});
export type TemplatePreview = z.infer<typeof TemplatePreviewSchema>;

// ---------------------------------------------------------------- generated work reports

export const GenerateWorkReportBodySchema = z
  .object({
    templateId: z.string().max(40).default(BUILTIN_TEMPLATE_ID),
    orgId: IdSchema.optional(),
    compoundId: IdSchema.optional(),
    from: DateOnlySchema,
    to: DateOnlySchema,
  })
  .strict();
export type GenerateWorkReportBody = z.infer<typeof GenerateWorkReportBodySchema>;

export const WorkReportSchema = z.object({
  id: IdSchema,
  templateName: z.string(),
  scope: ReportScopeRefSchema,
  from: DateOnlySchema,
  to: DateOnlySchema,
  trigger: z.enum(['manual', 'monthly']),
  /** The figures as they were when the document was written. */
  figures: FigureValuesSchema,
  fileName: z.string(),
  byteSize: z.number().int(),
  downloadUrl: z.string(),
  generatedBy: z.string().nullable(),
  generatedByName: z.string().nullable(),
  generatedAt: TimestampSchema,
});
export type WorkReport = z.infer<typeof WorkReportSchema>;
export const WorkReportPageSchema = pageOf(WorkReportSchema);

export const WorkReportListQuerySchema = z
  .object({
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    orgId: IdSchema.optional(),
    compoundId: IdSchema.optional(),
    trigger: z.enum(['manual', 'monthly']).optional(),
  })
  .strict();

// ---------------------------------------------------------------- ledgers (台账)

export const LEDGER_KINDS = ['organisation', 'members', 'report_ins', 'posts', 'civic_cases', 'mediation'] as const;
export const LedgerKindSchema = z.enum(LEDGER_KINDS);
export type LedgerKind = z.infer<typeof LedgerKindSchema>;

export const LEDGER_TITLES: Record<LedgerKind, { 'zh-CN': string; 'en-US': string }> = {
  organisation: { 'zh-CN': '组织和小区台账', 'en-US': 'Organisation and compound register' },
  members: { 'zh-CN': '党员花名册（脱敏）', 'en-US': 'Member roster (masked)' },
  report_ins: { 'zh-CN': '双报到台账', 'en-US': 'Report-in register' },
  posts: { 'zh-CN': '设岗定责和服务记录台账', 'en-US': 'Posts and service records' },
  civic_cases: { 'zh-CN': '民情事项台账', 'en-US': 'Civic case ledger' },
  mediation: { 'zh-CN': '矛盾纠纷调解台账', 'en-US': 'Mediation ledger' },
};

/** Whether a ledger's rows are picked by the period (民情, mediation, services) or are a register as it stands. */
export const LEDGER_USES_PERIOD: Record<LedgerKind, boolean> = {
  organisation: false,
  members: false,
  report_ins: false,
  posts: true,
  civic_cases: true,
  mediation: true,
};

export const LedgerQuerySchema = z
  .object({
    orgId: IdSchema.optional(),
    compoundId: IdSchema.optional(),
    from: DateOnlySchema.optional(),
    to: DateOnlySchema.optional(),
  })
  .strict();
export type LedgerQuery = z.infer<typeof LedgerQuerySchema>;

export const LedgerPreviewQuerySchema = LedgerQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(500).default(100),
}).strict();

const LedgerColumnSchema = z.object({ key: z.string(), label: z.string(), width: z.number() });
const LedgerRowSchema = z.array(z.union([z.string(), z.number(), z.null()]));

/** One worksheet of a ledger: 双报到 and 设岗定责 have two (members and units; posts and service records). */
export const LedgerSheetPreviewSchema = z.object({
  name: z.string(),
  columns: z.array(LedgerColumnSchema),
  rows: z.array(LedgerRowSchema),
  truncated: z.boolean(),
});
export type LedgerSheetPreview = z.infer<typeof LedgerSheetPreviewSchema>;

export const LedgerPreviewSchema = z.object({
  kind: LedgerKindSchema,
  title: z.string(),
  scope: ReportScopeRefSchema,
  /** The first worksheet's columns, rows and `truncated` (every sheet, the first included, is in `sheets`). */
  columns: z.array(LedgerColumnSchema),
  rows: z.array(LedgerRowSchema),
  /** True when the ledger has more rows than the preview shows; the export holds them all. */
  truncated: z.boolean(),
  sheets: z.array(LedgerSheetPreviewSchema),
});
export type LedgerPreview = z.infer<typeof LedgerPreviewSchema>;

export const LEDGER_EXPORT_STATUSES = ['queued', 'running', 'done', 'failed', 'expired'] as const;
export const CreateLedgerExportBodySchema = LedgerQuerySchema.extend({ kind: LedgerKindSchema }).strict();
export type CreateLedgerExportBody = z.infer<typeof CreateLedgerExportBodySchema>;

export const LedgerExportSchema = z.object({
  id: IdSchema,
  kind: LedgerKindSchema,
  scope: ReportScopeRefSchema,
  from: DateOnlySchema.nullable(),
  to: DateOnlySchema.nullable(),
  status: z.enum(LEDGER_EXPORT_STATUSES),
  rowsDone: z.number().int(),
  /** Counted before writing starts; null while queued. */
  rowsTotal: z.number().int().nullable(),
  fileName: z.string().nullable(),
  byteSize: z.number().int().nullable(),
  downloadUrl: z.string().nullable(),
  error: z.string().nullable(),
  requestedAt: TimestampSchema,
  finishedAt: TimestampSchema.nullable(),
  expiresAt: TimestampSchema.nullable(),
});
export type LedgerExport = z.infer<typeof LedgerExportSchema>;
export const LedgerExportPageSchema = pageOf(LedgerExportSchema);

export const LedgerExportListQuerySchema = z
  .object({
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
