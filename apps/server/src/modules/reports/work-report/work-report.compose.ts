import type { FigureValue, FigureValues, ReportBlock, TemplatePreview } from '@linli/contracts';
import type { Db, Dialect } from '../../../db/database.ts';
import type { Ctx } from '../../../platform/context.ts';
import { assertPeriod } from '../../civic-cases/index.ts';
import { computeFigures } from '../figures/figure-registry.ts';
import { figureInput, type ReportPeriod } from '../figures/figure-types.ts';
import { type ReportScope, resolveReportScope, scopeRef } from '../report-scope.ts';
import { assertTemplateValid, figureKeysFor, parseTemplate, renderBlocks } from './template-syntax.ts';

const definedOnly = (values: FigureValues): Record<string, FigureValue> =>
  Object.fromEntries(Object.entries(values).filter((e): e is [string, FigureValue] => e[1] !== undefined));

export interface ComposedReport {
  /** The figures the body quotes plus the label figures, as computed (a figure without a function is absent). */
  figures: Record<string, FigureValue>;
  /** The body's blocks with every placeholder replaced by its formatted value. */
  blocks: ReportBlock[];
}

/**
 * A template body filled in for one scope and period: the body is checked first (400 REPORT_TEMPLATE_INVALID
 * for placeholders it may not use), then only the figures it quotes, and the labels, are computed — a short
 * template over a county year stays cheap. The preview and the document are both made from this.
 */
export async function composeReport(
  source: { db: Db; dialect: Dialect },
  scope: ReportScope,
  period: ReportPeriod,
  body: string,
): Promise<ComposedReport> {
  const check = assertTemplateValid(body);
  const figures = await computeFigures(
    figureInput({ db: source.db, dialect: source.dialect, scope, period }),
    figureKeysFor(check),
  );
  return { figures: definedOnly(figures), blocks: renderBlocks(parseTemplate(body), figures) };
}

/**
 * The editor's preview: the body as the document would say it for a scope the caller may read (`report.read`,
 * 403 outside their assignments) and a period (400 when reversed or longer than five years).
 */
export async function previewTemplate(
  ctx: Ctx,
  input: { body: string; orgId?: string | undefined; compoundId?: string | undefined; from: string; to: string },
): Promise<TemplatePreview> {
  const scope = await resolveReportScope(ctx, input);
  const period = { from: input.from, to: input.to };
  assertPeriod(period);
  const { figures, blocks } = await composeReport(ctx, scope, period, input.body);
  return { scope: scopeRef(scope), blocks, figures };
}
