import { AVAILABLE_FIGURE_KEYS, type FigureKey, type FigureValues } from '@linli/contracts';
import type { FigureFn, FigureInput } from './figure-types.ts';

/** Every available catalogue figure's function, by key. Filled in by the figure files of this folder. */
export const FIGURE_FUNCTIONS: Partial<Record<FigureKey, FigureFn>> = {};

/** The figures `keys` (default: every available one) for one scope and period. */
export async function computeFigures(
  input: FigureInput,
  keys: readonly FigureKey[] = AVAILABLE_FIGURE_KEYS,
): Promise<FigureValues> {
  const values: FigureValues = {};
  for (const key of keys) {
    const fn = FIGURE_FUNCTIONS[key];
    if (fn) values[key] = await fn(input);
  }
  return values;
}
