import {
  FIGURE_MODULES,
  type FigureDefinition,
  type FigureModule,
  type FigureValue,
  figureDefinition,
  REPORT_FIGURES,
} from '@linli/contracts';
import type { TFunction } from 'i18next';

/** A catalogue figure's label in the UI language. */
export const figureLabel = (d: FigureDefinition, language: string): string => (language === 'en-US' ? d.en : d.zh);

/** The label of a key, or the key itself when the catalogue does not know it (an unknown placeholder). */
export const keyLabel = (key: string, language: string): string => {
  const d = figureDefinition(key);
  return d ? figureLabel(d, language) : key;
};

/**
 * A figure's value as the document prints it: counts with thousands separators, a rate as a percentage, a score
 * with one decimal, hours with one, yuan with two. Null is "暂无数据" — never 0.
 */
export const figureText = (d: FigureDefinition | undefined, value: FigureValue | undefined, t: TFunction): string => {
  if (value === null || value === undefined) return t('reports.noData');
  if (typeof value === 'string' || !d) return String(value);
  const n = (digits: number) => value.toLocaleString('zh-CN', { maximumFractionDigits: digits });
  switch (d.kind) {
    case 'count':
      return n(0);
    case 'rate':
      return `${(value * 100).toFixed(1)}%`;
    case 'score':
      return value.toFixed(1);
    case 'hours':
      return n(1);
    case 'amount':
      return value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    case 'text':
      return String(value);
  }
};

export type FigureGroup = { module: FigureModule; figures: FigureDefinition[] };

/** The catalogue by module, in catalogue order; `keys` narrows it to the figures present (a report's own). */
export const figuresByModule = (keys?: readonly string[]): FigureGroup[] =>
  FIGURE_MODULES.map((module) => ({
    module,
    figures: REPORT_FIGURES.filter((d) => d.module === module && (!keys || keys.includes(d.key))),
  })).filter((g) => g.figures.length > 0);
