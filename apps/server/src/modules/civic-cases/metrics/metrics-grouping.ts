import type { CaseCounts, MetricSettings } from '@linli/contracts';
import type { Expression, SqlBool } from 'kysely';
import type { MetricsPeriod } from './case-metrics.ts';

export type MetricsGrouping = 'none' | 'category' | 'month' | 'grid' | 'compound' | 'community' | 'unit';

export interface GroupCounts {
  /** The group's key: a category, grid, compound or community id, a month `YYYY-MM`, `kind:id` of a unit, or ''. */
  key: string | null;
  /** The unit's name as the cases carry it (unit grouping only). */
  label: string | null;
  counts: CaseCounts;
}

export interface CountsInput {
  /** The cases in scope: a filter on the alias `c`, e.g. `pathStartsWith('c.path', …)`. */
  scope: Expression<SqlBool>;
  /**
   * The same scope as a path, when it is an org node's or a compound's (never a grid's): with it, the groupings
   * the tally holds (none, month, category, compound, community) are answered from `civic_case_tally`.
   */
  scopePath?: string | undefined;
  period: MetricsPeriod;
  settings: MetricSettings;
  grouping: MetricsGrouping;
}
