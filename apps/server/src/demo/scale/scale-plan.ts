/** The sizes `linli demo --scale` builds. */
export const SCALE_NAMES = ['county', 'small'] as const;
export type ScaleName = (typeof SCALE_NAMES)[number];

/** The units a generated county is counted in. */
export interface ScaleCounts {
  towns: number;
  communities: number;
  compounds: number;
  grids: number;
  members: number;
  /** In-service members whose 双报到 to their compound was confirmed. */
  reportedIn: number;
  households: number;
  civicCases: number;
}

const SCALE_UNITS = [
  'towns',
  'communities',
  'compounds',
  'grids',
  'members',
  'reportedIn',
  'households',
  'civicCases',
] as const satisfies readonly (keyof ScaleCounts)[];

/**
 * `county` states the totals after generation — the demo county's own rows count toward them, and the generator
 * adds the rest. `small` (for tests) states what it adds to the demo county, which alone is bigger than some of
 * its counts.
 */
export interface ScalePlan {
  name: ScaleName;
  counts: ScaleCounts;
  countsAreTotals: boolean;
}

export const SCALE_PLANS: Record<ScaleName, ScalePlan> = {
  county: {
    name: 'county',
    countsAreTotals: true,
    counts: {
      towns: 8,
      communities: 40,
      compounds: 300,
      grids: 1200,
      members: 30_000,
      reportedIn: 12_000,
      households: 120_000,
      civicCases: 1_000_000,
    },
  },
  small: {
    name: 'small',
    countsAreTotals: false,
    counts: {
      towns: 1,
      communities: 2,
      compounds: 6,
      grids: 24,
      members: 300,
      reportedIn: 120,
      households: 1200,
      civicCases: 3000,
    },
  },
};

/** The seed when `--seed` is not given: the same county on every machine. */
export const DEFAULT_SCALE_SEED = 20_261_127;

/** How many of each unit to add to `existing` so the plan holds; an error when the database already has more. */
export function additionsFor(plan: ScalePlan, existing: ScaleCounts): ScaleCounts {
  if (!plan.countsAreTotals) return { ...plan.counts };
  const added = { ...plan.counts };
  for (const unit of SCALE_UNITS) {
    added[unit] = plan.counts[unit] - existing[unit];
    if (added[unit] < 0) {
      throw new Error(`the demo county already has ${existing[unit]} ${unit}, more than the ${plan.name} plan's total`);
    }
  }
  return added;
}

/** The totals the database should hold once the plan has been generated on top of `existing`. */
export function totalsFor(plan: ScalePlan, existing: ScaleCounts): ScaleCounts {
  const added = additionsFor(plan, existing);
  const totals = { ...existing };
  for (const unit of SCALE_UNITS) totals[unit] = existing[unit] + added[unit];
  return totals;
}
