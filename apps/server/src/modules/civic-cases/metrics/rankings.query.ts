import type { CaseCounts, MetricSettings, Ranking, RankingQuery, UnitKind } from '@linli/contracts';
import { UNIT_KINDS } from '@linli/contracts';
import type { Ctx } from '../../../platform/context.ts';
import { loadMetricSettings } from '../settings/metric-settings.repository.ts';
import { collectorScore, ratesOf, unitScore } from './case-rates.ts';
import { countsByGroup, type GroupCounts } from './metrics.repository.ts';
import { monthPeriod } from './metrics-period.ts';
import { resolveRankingScope } from './metrics-scope.ts';

type Row = Ranking['rows'][number];

const NAME_TABLE = { grid: 'grid', compound: 'compound', community: 'org_unit' } as const;

async function placeNames(ctx: Ctx, level: keyof typeof NAME_TABLE, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db.selectFrom(NAME_TABLE[level]).select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

const unitKindOf = (value: string): UnitKind | undefined => UNIT_KINDS.find((k) => k === value);

function roleScoreOf(level: RankingQuery['level'], counts: CaseCounts, settings: MetricSettings): Row['roleScore'] {
  if (level === 'grid') return collectorScore(counts, settings);
  if (level === 'unit') return unitScore(counts, settings);
  return undefined;
}

async function rowsOf(ctx: Ctx, level: RankingQuery['level'], groups: GroupCounts[], settings: MetricSettings) {
  const keyed = groups.flatMap((g) => (g.key === null ? [] : [{ ...g, key: g.key }]));
  const names =
    level === 'unit'
      ? new Map<string, string>()
      : await placeNames(
          ctx,
          level,
          keyed.map((g) => g.key),
        );
  return keyed.flatMap((g): Omit<Row, 'rank'>[] => {
    const base = {
      counts: g.counts,
      rates: ratesOf(g.counts, settings),
      roleScore: roleScoreOf(level, g.counts, settings),
    };
    if (level !== 'unit') return [{ id: g.key, name: names.get(g.key) ?? '', unit: null, ...base }];
    const [kindText = '', id = ''] = g.key.split(':');
    const kind = unitKindOf(kindText);
    if (!kind) return [];
    const name = g.label ?? '';
    return [{ id, name, unit: { kind, id, name }, ...base }];
  });
}

/**
 * Competition ranking by composite score, highest first: equal scores share a rank and the next rank skips
 * (1, 1, 3). Rows without a score (nothing dispatched or rated that month) get no rank and come last.
 */
export function rankRows(rows: Omit<Row, 'rank'>[]): Row[] {
  const sorted = [...rows].sort((a, b) => {
    const sa = a.rates.compositeScore;
    const sb = b.rates.compositeScore;
    if (sa !== sb) return sa === null ? 1 : sb === null ? -1 : sb - sa;
    return a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id);
  });
  let previous: { score: number; rank: number } | null = null;
  return sorted.map((row, index) => {
    const score = row.rates.compositeScore;
    if (score === null) return { rank: null, ...row };
    const rank = previous !== null && previous.score === score ? previous.rank : index + 1;
    previous = { score, rank };
    return { rank, ...row };
  });
}

/**
 * `GET /civic-rankings`: one month's grids, compounds, communities or responsible units within the caller's
 * statistics scope (narrowed by `orgId`), each with its counts, 三率 and role score, ranked by composite score.
 */
export async function getCivicRanking(ctx: Ctx, query: RankingQuery): Promise<Ranking> {
  const scope = await resolveRankingScope(ctx, query.orgId);
  const { settings } = await loadMetricSettings(ctx.db);
  const groups = await countsByGroup(ctx.db, ctx.dialect, {
    scope: scope.filter,
    scopePath: scope.path,
    period: monthPeriod(query.month),
    settings,
    grouping: query.level,
  });
  return { level: query.level, month: query.month, rows: rankRows(await rowsOf(ctx, query.level, groups, settings)) };
}
