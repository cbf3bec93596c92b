import type { Rates } from '@linli/contracts';
import type { TFunction } from 'i18next';

export type Grade = NonNullable<Rates['grade']>;

/** One colour per grade, on every page that shows one. */
export const GRADE_COLORS = {
  A: 'green',
  B: 'cyan',
  C: 'gold',
  D: 'orange',
  E: 'red',
} as const satisfies Record<Grade, string>;

/** A rate (a fraction) as "93.5%"; a rate without a denominator is "暂无数据", never 0 %. */
export const rateText = (rate: number | null, t: TFunction): string =>
  rate === null ? t('civicMetrics.noData') : `${(rate * 100).toFixed(1)}%`;

/** A composite score as "87.25"; none is "暂无数据". */
export const scoreText = (score: number | null, t: TFunction): string =>
  score === null ? t('civicMetrics.noData') : score.toFixed(2);
