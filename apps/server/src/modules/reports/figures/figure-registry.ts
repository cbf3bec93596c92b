import { AVAILABLE_FIGURE_KEYS, type FigureKey, type FigureValues } from '@linli/contracts';
import { CIVIC_FIGURES } from './civic.figures.ts';
import type { FigureFn, FigureInput } from './figure-types.ts';
import { LABEL_FIGURES } from './label.figures.ts';
import { MEMBERS_FIGURES } from './members.figures.ts';
import { ORGANISATION_FIGURES } from './organisation.figures.ts';

/** Every available catalogue figure's function, by key: the per-module maps of this folder. */
export const FIGURE_FUNCTIONS: Partial<Record<FigureKey, FigureFn>> = {
  ...LABEL_FIGURES,
  ...ORGANISATION_FIGURES,
  ...MEMBERS_FIGURES,
  ...CIVIC_FIGURES,
};

/**
 * The figures `keys` (default: every available one) for one scope and period. Figures run one after another so
 * those sharing a load (`input.once`) wait for one query instead of racing to start it twice on one connection.
 */
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
