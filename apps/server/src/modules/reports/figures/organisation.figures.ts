import type { FigureKey } from '@linli/contracts';
import { sql } from 'kysely';
import { pathStartsWith, toNumber } from '../../../platform/sql-helpers.ts';
import { fieldOf, firstNumber, periodEnd, shareOf, whenOne } from './figure-sql.ts';
import type { FigureFn, FigureInput } from './figure-types.ts';

/*
 * 组织覆盖: compounds, branches, grids, duty zones, branch committees, partner units and venues, all stock figures
 * as at the period's last day (rows created by then). The rollout stage has no history: a compound counts in the
 * stage it is in now. Queries read each table's path index for the scope's prefix.
 */

/** Compounds created by the end, per rollout stage (one grouped count for the five compound figures). */
async function compoundsByStage({ db, scope, period }: FigureInput) {
  const rows = await db
    .selectFrom('compound')
    .select(['rollout_stage', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where(pathStartsWith('path', scope.path))
    .where('created_at', '<', periodEnd(period))
    .groupBy('rollout_stage')
    .execute();
  const of = (stage: string) => toNumber(rows.find((r) => r.rollout_stage === stage)?.n);
  const total = rows.reduce((sum, r) => sum + toNumber(r.n), 0);
  return { total, pilot: of('pilot'), validation: of('validation'), rollout: of('rollout') };
}

/**
 * Compounds with a Party branch by the end: a compound's branch is the org node of kind `branch` that carries
 * its `compound_id` (at most one per compound, REL-8), and hangs below the compound's path.
 */
const compoundBranches = ({ db, scope, period }: FigureInput) =>
  firstNumber(
    db
      .selectFrom('org_unit')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where(pathStartsWith('path', scope.path))
      .where('kind', '=', 'branch')
      .where('compound_id', 'is not', null)
      .where('created_at', '<', periodEnd(period)),
  );

/** River and street zones created by the end, and the distinct organ Party orgs holding them. */
async function dutyZones({ db, scope, period }: FigureInput) {
  const row = await db
    .selectFrom('duty_zone')
    .select([
      sql<number | string>`SUM(${whenOne(sql`kind = 'river'`)})`.as('river'),
      sql<number | string>`SUM(${whenOne(sql`kind = 'street'`)})`.as('street'),
      sql<number | string>`COUNT(DISTINCT holder_org_id)`.as('holders'),
    ])
    .where(pathStartsWith('path', scope.path))
    .where('created_at', '<', periodEnd(period))
    .executeTakeFirst();
  return { river: toNumber(row?.river), street: toNumber(row?.street), holders: toNumber(row?.holders) };
}

/**
 * Committee members of each compound branch's latest term elected on or before the end (a later term, or one
 * elected after the period, does not replace it). Terms are found through the branch org nodes in scope.
 */
const branchCommitteeMembers = ({ db, scope, period }: FigureInput) =>
  firstNumber(
    db
      .selectFrom('org_unit as b')
      .innerJoin('branch_term as t', 't.branch_org_id', 'b.id')
      .innerJoin('branch_term_member as m', 'm.term_id', 't.id')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where(pathStartsWith('b.path', scope.path))
      .where('b.kind', '=', 'branch')
      .where('b.compound_id', 'is not', null)
      .where('t.elected_on', '<=', period.to)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('branch_term as later')
              .select(sql`1`.as('one'))
              .whereRef('later.branch_org_id', '=', 't.branch_org_id')
              .where('later.elected_on', '<=', period.to)
              .where((eb) =>
                eb.or([
                  eb('later.elected_on', '>', eb.ref('t.elected_on')),
                  eb.and([eb('later.elected_on', '=', eb.ref('t.elected_on')), eb('later.id', '>', eb.ref('t.id'))]),
                ]),
              ),
          ),
        ),
      ),
  );

/**
 * Partner units registered by the end that either belong to an org node in scope (their path) or are linked to
 * a compound in scope: a compound counts the units that serve it, wherever they were registered.
 */
const partnerUnits = ({ db, scope, period }: FigureInput) =>
  firstNumber(
    db
      .selectFrom('partner_unit')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('created_at', '<', periodEnd(period))
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('partner_unit as own')
          .select('own.id')
          .where(pathStartsWith('own.path', scope.path))
          .union(
            eb
              .selectFrom('compound as c')
              .innerJoin('partner_unit_compound as link', 'link.compound_id', 'c.id')
              .select('link.partner_unit_id as id')
              .where(pathStartsWith('c.path', scope.path)),
          ),
      ),
  );

const countCreated =
  (table: 'grid' | 'venue'): FigureFn =>
  ({ db, scope, period }) =>
    firstNumber(
      db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where(pathStartsWith('path', scope.path))
        .where('created_at', '<', periodEnd(period)),
    );

const stage = (pick: (s: Awaited<ReturnType<typeof compoundsByStage>>) => number) =>
  fieldOf('organisation.compoundsByStage', compoundsByStage, pick);
const zones = (pick: (z: Awaited<ReturnType<typeof dutyZones>>) => number) =>
  fieldOf('organisation.dutyZones', dutyZones, pick);

/** The organisation module's figures (definitions: docs/work-report-figures.md). */
export const ORGANISATION_FIGURES: Partial<Record<FigureKey, FigureFn>> = {
  compounds_total: stage((s) => s.total),
  compounds_with_branch: (input) => input.once('organisation.compoundBranches', () => compoundBranches(input)),
  branch_coverage_rate: async (input) => {
    const { total } = await input.once('organisation.compoundsByStage', () => compoundsByStage(input));
    return shareOf(await input.once('organisation.compoundBranches', () => compoundBranches(input)), total);
  },
  compounds_pilot: stage((s) => s.pilot),
  compounds_validation: stage((s) => s.validation),
  compounds_rollout: stage((s) => s.rollout),
  grids_total: countCreated('grid'),
  river_zones: zones((z) => z.river),
  street_zones: zones((z) => z.street),
  zone_holder_orgs: zones((z) => z.holders),
  branch_committee_members: branchCommitteeMembers,
  partner_units: partnerUnits,
  venues: countCreated('venue'),
};
