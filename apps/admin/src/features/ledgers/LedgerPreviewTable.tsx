import type { LedgerPreview, LedgerSheetPreview } from '@linli/contracts';
import { Alert, Empty, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../components/time.ts';
import { periodText, scopeText } from '../work-reports/format.ts';

type Props = {
  preview: LedgerPreview;
  from: string | null;
  to: string | null;
  /** When the page was printed (or shown): the printed title line says it. */
  printedAt: string;
};

/** Excel column widths are in characters; on screen a column gets about that many, within reason. */
const minWidthOf = (width: number): number => Math.max(56, Math.min(Math.round(width * 7.5), 260));

/** A short code, date or time ("MQ20260111-0001", "2026-02-11 19:00") reads badly broken across lines. */
const SHORT_TOKEN = /^[\w:./ -]{1,20}$/;
const cellClass = (v: string | number | null): string | undefined =>
  typeof v === 'number' ? 'num' : v !== null && SHORT_TOKEN.test(v) ? 'nowrap' : undefined;

/** The worksheets of a preview; a server without `sheets` sends the one sheet in the top-level fields. */
const sheetsOf = (preview: LedgerPreview): LedgerSheetPreview[] =>
  preview.sheets.length > 0
    ? preview.sheets
    : [{ name: preview.title, columns: preview.columns, rows: preview.rows, truncated: preview.truncated }];

/**
 * The register as plain tables — the same worksheets, columns and rows as the Excel file — under a title line, so
 * that it prints as a paper ledger: header repeated on each page, rows kept whole, long cells wrapping.
 */
export const LedgerPreviewTable = ({ preview, from, to, printedAt }: Props) => {
  const { t } = useTranslation();
  const sheets = sheetsOf(preview);
  const rowCount = sheets.reduce((n, s) => n + s.rows.length, 0);
  return (
    <div className="ledger-sheets">
      <div className="ledger-print-head">
        <Typography.Title level={4} className="ledger-print-title">
          {preview.title}
        </Typography.Title>
        <div className="ledger-print-meta">
          <span>{t('reports.ledgers.metaScope', { scope: scopeText(preview.scope, t) })}</span>
          <span>{t('reports.ledgers.metaPeriod', { period: periodText(from, to, t) })}</span>
          <span>{t('reports.ledgers.metaPrintedAt', { time: formatTime(printedAt) })}</span>
          <span>{t('reports.ledgers.metaRows', { count: rowCount })}</span>
        </div>
      </div>
      {sheets.map((sheet, i) => (
        <SheetTable key={sheet.name} sheet={sheet} showName={sheets.length > 1} first={i === 0} />
      ))}
    </div>
  );
};

type SheetProps = { sheet: LedgerSheetPreview; showName: boolean; first: boolean };

const SheetTable = ({ sheet, showName, first }: SheetProps) => {
  const { t } = useTranslation();
  // On paper each column gets its share of the page by the Excel widths (print.css reads `--col-share`).
  const totalWidth = sheet.columns.reduce((n, c) => n + c.width, 0) || 1;
  return (
    <section className="ledger-sheet">
      {showName && (
        <Typography.Title level={5} className="ledger-sheet-name">
          {sheet.name}
        </Typography.Title>
      )}
      {sheet.truncated && (
        <Alert
          type="info"
          showIcon
          className="ledger-truncated"
          title={t('reports.ledgers.truncated', { count: sheet.rows.length })}
          data-testid={first ? 'ledger-truncated' : undefined}
        />
      )}
      {sheet.rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.ledgers.emptyRows')} />
      ) : (
        <div className="ledger-scroll">
          <table className="ledger-table" data-testid={first ? 'ledger-table' : undefined}>
            <colgroup>
              {sheet.columns.map((c) => (
                <col
                  key={c.key}
                  style={{ '--col-share': `${((c.width / totalWidth) * 100).toFixed(2)}%` } as CSSProperties}
                />
              ))}
            </colgroup>
            <thead>
              <tr>
                {sheet.columns.map((c) => (
                  <th key={c.key} style={{ '--col-min': `${minWidthOf(c.width)}px` } as CSSProperties}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sheet.rows.map((row, r) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a ledger row is identified by its position
                <tr key={r}>
                  {sheet.columns.map((c, i) => {
                    const v = row[i] ?? null;
                    return (
                      <td key={c.key} className={cellClass(v)}>
                        {v === null ? '' : String(v)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
};
