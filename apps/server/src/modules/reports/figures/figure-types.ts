import type { FigureValue } from '@linli/contracts';
import type { Db, Dialect } from '../../../db/database.ts';
import type { ReportScope } from '../report-scope.ts';

/** A period of Asia/Shanghai days, both ends included. */
export interface ReportPeriod {
  from: string;
  to: string;
}

/**
 * What every figure function gets. `once` shares one query between the figures that read the same numbers
 * (the six "closed by category" figures come from one grouped count), within a single computation only.
 */
export interface FigureInput {
  db: Db;
  dialect: Dialect;
  scope: ReportScope;
  period: ReportPeriod;
  once<T>(name: string, load: () => Promise<T>): Promise<T>;
}

/** One catalogue figure: its value for a scope and period, null when there is no data (never invented). */
export type FigureFn = (input: FigureInput) => Promise<FigureValue>;

/** A fresh `once` cache for one computation. */
export function figureInput(base: Omit<FigureInput, 'once'>): FigureInput {
  const cache = new Map<string, Promise<unknown>>();
  return {
    ...base,
    once<T>(name: string, load: () => Promise<T>): Promise<T> {
      let hit = cache.get(name) as Promise<T> | undefined;
      if (!hit) {
        hit = load();
        cache.set(name, hit);
      }
      return hit;
    },
  };
}
