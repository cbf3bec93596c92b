import { type FigureKey, type FigureValue, figureDefinition } from '@linli/contracts';
import type { TFunction } from 'i18next';

type Figures = Record<string, FigureValue>;

/** A figure's label in the UI language, from the catalogue (the work report uses the same words). */
export const figureLabel = (key: FigureKey, language: string): string => {
  const d = figureDefinition(key);
  if (!d) return key;
  return language === 'en-US' ? d.en : d.zh;
};

/** A figure as a number, or null when it is missing or not numeric ("no data", never 0). */
export const figureNumber = (figures: Figures, key: FigureKey): number | null => {
  const v = figures[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};

export const figureText = (figures: Figures, key: FigureKey): string | null => {
  const v = figures[key];
  return v === null || v === undefined || v === '' ? null : String(v);
};

const countFormat = new Intl.NumberFormat('zh-CN');

/** A count with thousands separators; none is 暂无数据. */
export const countText = (n: number | null, t: TFunction): string =>
  n === null ? t('reports.noData') : countFormat.format(n);

/** A fraction 0‥1 as "93.5%"; none is 暂无数据. */
export const percentText = (rate: number | null, t: TFunction): string =>
  rate === null ? t('reports.noData') : `${(rate * 100).toFixed(1)}%`;

/** A 0‥100 score with two decimals; none is 暂无数据. */
export const scoreText = (score: number | null, t: TFunction): string =>
  score === null ? t('reports.noData') : score.toFixed(2);

/** A figure in its catalogue kind: count, rate (as a percentage), score, hours, amount or text. */
export const figureValueText = (figures: Figures, key: FigureKey, t: TFunction): string => {
  const d = figureDefinition(key);
  const n = figureNumber(figures, key);
  switch (d?.kind) {
    case 'rate':
      return percentText(n, t);
    case 'score':
      return scoreText(n, t);
    case 'hours':
      return n === null ? t('reports.noData') : n.toFixed(1);
    case 'amount':
      return n === null ? t('reports.noData') : n.toFixed(2);
    case 'count':
      return countText(n, t);
    default:
      return figureText(figures, key) ?? t('reports.noData');
  }
};
