import type { ReportScopeRef } from '@linli/contracts';
import type { TFunction } from 'i18next';

/** A file size as "12.3 KB" / "1.2 MB". */
export const sizeText = (bytes: number | null): string => {
  if (bytes === null) return '—';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
};

/** "2025-01-01 至 2025-06-30"; a register without a period is "截至导出时". */
export const periodText = (from: string | null, to: string | null, t: TFunction): string =>
  from && to ? t('reports.periodLine', { from, to }) : t('reports.ledgers.asItStands');

/** A scope's name with what it is: "金碧镇党委（党组织）". */
export const scopeText = (scope: ReportScopeRef, t: TFunction): string =>
  t('common.fmt.withNote', { text: scope.name, note: t(`reports.scopeKind.${scope.kind}`) });
