import { randomUUID } from 'node:crypto';
import { METRIC_SETTINGS_KEY } from '../../src/modules/civic-cases/settings/metric-settings.repository.ts';
import { isoNow } from '../../src/platform/clock.ts';
import { newId } from '../../src/platform/ids.ts';
import {
  API,
  type BuildArgs,
  idempotencyKey,
  isEmptyCsv,
  queryString,
  type RequestTable,
} from './authorisation-cells.ts';
import { ifMatchOf, settingEtag } from './authorisation-etags.ts';
import { CIVIC_CATEGORY, freshCase } from './authorisation-fresh.ts';
import { apiOf } from './authorisation-world.ts';

/** 民情 settings, intake, the case centre and its saved views, metrics and rankings. */

const COUNTY = 'county-wide 民情 settings';
const OWN = 'the caller’s own records';
const PERIOD = { from: '2026-01-01', to: '2026-11-26' };

const report = ({ world, side }: BuildArgs) => ({
  categoryId: CIVIC_CATEGORY.property,
  title: '楼道灯坏了',
  description: '3栋2单元楼道灯坏了，晚上看不见路。',
  place: { compoundId: world.sides[side].compound.id, building: '3', unit: '2' },
});

/** A saved view of the caller (or, without one, of the side's resident) on `in`; of B's resident on `out`. */
async function savedViewFor({ world, side, caller }: BuildArgs): Promise<string> {
  const owner = side === 'in' && caller.userId ? caller.userId : world.sides[side].resident.userId;
  const id = newId();
  await world.t.platform.db
    .insertInto('civic_saved_view')
    .values({
      id,
      user_id: owner,
      name: '我的待办',
      query: '{"view":"inbox"}',
      created_at: isoNow(world.t.platform.clock),
    })
    .execute();
  return id;
}

/**
 * A fresh case of the side that the caller follows: following leaves the follower able to read the case and its
 * photos, so no cell may follow a case another cell reads.
 */
async function followedCase({ world, side, caller }: BuildArgs): Promise<string> {
  const overrides = { follower_count: caller.userId ? 1 : 0 };
  const id = await freshCase(world.t, world.sides[side], { status: 'dispatched', overrides });
  if (caller.userId) {
    await world.t.platform.db
      .insertInto('civic_case_follower')
      .values({ case_id: id, user_id: caller.userId, created_at: isoNow(world.t.platform.clock) })
      .execute();
  }
  return id;
}

export const CIVIC_REQUESTS: RequestTable = {
  'GET /api/v1/civic-categories': {
    scope: 'unscoped',
    why: COUNTY,
    build: async () => ({ url: `${API}/civic-categories` }),
  },
  'POST /api/v1/civic-categories': {
    scope: 'unscoped',
    why: COUNTY,
    build: async () => ({
      url: `${API}/civic-categories`,
      body: { parentId: CIVIC_CATEGORY.livelihood, name: `新类别${randomUUID().slice(0, 6)}` },
    }),
  },
  'PATCH /api/v1/civic-categories/:id': {
    scope: 'unscoped',
    why: COUNTY,
    build: async ({ world }) => ({
      url: `${API}/civic-categories/${world.shared.civicCategory}`,
      body: { description: '矩阵测试' },
      headers: await ifMatchOf(world, 'civic_category', world.shared.civicCategory),
    }),
  },
  'GET /api/v1/civic-slas': { scope: 'unscoped', why: COUNTY, build: async () => ({ url: `${API}/civic-slas` }) },
  'PUT /api/v1/civic-slas': {
    scope: 'unscoped',
    why: COUNTY,
    build: async () => ({
      url: `${API}/civic-slas`,
      body: {
        categoryId: CIVIC_CATEGORY.property,
        urgency: 'ordinary',
        step: 'handle',
        minutes: 2880,
        basis: 'workday',
      },
    }),
  },
  'DELETE /api/v1/civic-slas/:id': {
    scope: 'unscoped',
    why: COUNTY,
    build: async ({ world }) => {
      const rule = await apiOf(world.t).ok<{ id: string }>(world.operators.county, 'PUT', `${API}/civic-slas`, {
        categoryId: CIVIC_CATEGORY.property,
        urgency: 'complex',
        step: 'verify',
        minutes: 1440,
        basis: 'calendar',
      });
      return { url: `${API}/civic-slas/${rule.id}` };
    },
  },
  'GET /api/v1/civic-routing-rules': {
    scope: 'unscoped',
    why: 'the list has no place filter; scope narrows its rows',
    build: async () => ({ url: `${API}/civic-routing-rules` }),
  },
  'POST /api/v1/civic-routing-rules': {
    scope: 'scoped',
    build: async ({ world, side }) => {
      const compoundId = world.sides[side].compound.id;
      // One rule per scope and category: the rule an earlier cell made would answer 409 instead.
      await world.t.platform.db
        .deleteFrom('civic_routing_rule')
        .where('scope_kind', '=', 'compound')
        .where('scope_id', '=', compoundId)
        .execute();
      return {
        url: `${API}/civic-routing-rules`,
        body: { scope: { kind: 'compound', id: compoundId }, categoryId: null, target: 'grid_worker' },
      };
    },
  },
  'PATCH /api/v1/civic-routing-rules/:id': {
    scope: 'scoped',
    build: async ({ world, side }) => {
      const id = world.sides[side].routingRule;
      return {
        url: `${API}/civic-routing-rules/${id}`,
        body: { active: true },
        headers: await ifMatchOf(world, 'civic_routing_rule', id),
      };
    },
  },
  'GET /api/v1/civic-routing/preview': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/civic-routing/preview${queryString({ compoundId: world.sides[side].compound.id, categoryId: CIVIC_CATEGORY.property })}`,
    }),
  },
  'GET /api/v1/civic-metric-settings': {
    scope: 'unscoped',
    why: COUNTY,
    build: async () => ({ url: `${API}/civic-metric-settings` }),
  },
  'PUT /api/v1/civic-metric-settings': {
    scope: 'unscoped',
    why: COUNTY,
    build: async ({ world }) => {
      const current = await apiOf(world.t).ok<{ settings: unknown }>(
        world.operators.county,
        'GET',
        `${API}/civic-metric-settings`,
      );
      return {
        url: `${API}/civic-metric-settings`,
        body: current.settings,
        headers: await settingEtag(world, METRIC_SETTINGS_KEY),
      };
    },
  },
  'GET /api/v1/civic-api-keys': {
    scope: 'unscoped',
    why: COUNTY,
    build: async () => ({ url: `${API}/civic-api-keys` }),
  },
  'POST /api/v1/civic-api-keys': {
    scope: 'unscoped',
    why: COUNTY,
    build: async () => ({ url: `${API}/civic-api-keys`, body: { name: '市民热线' } }),
  },
  'DELETE /api/v1/civic-api-keys/:id': {
    scope: 'unscoped',
    why: COUNTY,
    build: async ({ world }) => {
      const key = await apiOf(world.t).ok<{ id: string }>(world.operators.county, 'POST', `${API}/civic-api-keys`, {
        name: '待吊销',
      });
      return { url: `${API}/civic-api-keys/${key.id}` };
    },
  },

  'POST /api/v1/me/civic-cases': {
    scope: 'scoped',
    build: async (args) => ({ url: `${API}/me/civic-cases`, body: report(args), headers: idempotencyKey() }),
  },
  'POST /api/v1/civic-cases': {
    scope: 'scoped',
    build: async (args) => ({
      url: `${API}/civic-cases`,
      body: { ...report(args), channel: 'hotline', reporterName: '王女士' },
      headers: idempotencyKey(),
    }),
  },
  'GET /api/v1/civic-cases/duplicates': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/civic-cases/duplicates${queryString({ categoryId: CIVIC_CATEGORY.property, compoundId: world.sides[side].compound.id })}`,
    }),
  },
  'POST /api/v1/civic-cases/:id/follow': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/civic-cases/${await freshCase(world.t, world.sides[side], { status: 'dispatched' })}/follow`,
      body: {},
    }),
  },
  'DELETE /api/v1/civic-cases/:id/follow': {
    scope: 'scoped',
    build: async (args) => ({ url: `${API}/civic-cases/${await followedCase(args)}/follow` }),
  },
  'GET /api/v1/me/civic-cases': { scope: 'unscoped', why: OWN, build: async () => ({ url: `${API}/me/civic-cases` }) },
  'GET /api/v1/me/civic-cases/:id': {
    scope: 'scoped',
    build: async ({ world, side }) => ({ url: `${API}/me/civic-cases/${world.sides[side].civicCase}` }),
  },
  'GET /api/v1/civic-cases': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/civic-cases${queryString({ compoundId: world.sides[side].compound.id })}`,
    }),
  },
  'GET /api/v1/civic-cases/export': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/civic-cases/export${queryString({ compoundId: world.sides[side].compound.id })}`,
    }),
    emptyIn: isEmptyCsv,
  },
  'GET /api/v1/civic-cases/:id': {
    scope: 'scoped',
    build: async ({ world, side }) => ({ url: `${API}/civic-cases/${world.sides[side].civicCase}` }),
  },
  'POST /api/v1/civic-cases/:id/reporter': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/civic-cases/${world.sides[side].civicCase}/reporter`,
      body: { reason: '需要回访报告人' },
    }),
  },
  'GET /api/v1/civic-case-views': {
    scope: 'unscoped',
    why: OWN,
    build: async () => ({ url: `${API}/civic-case-views` }),
  },
  'POST /api/v1/civic-case-views': {
    scope: 'unscoped',
    why: OWN,
    build: async () => ({ url: `${API}/civic-case-views`, body: { name: '逾期', query: { overdue: 'true' } } }),
  },
  'DELETE /api/v1/civic-case-views/:id': {
    scope: 'scoped',
    build: async (args) => ({ url: `${API}/civic-case-views/${await savedViewFor(args)}` }),
  },

  'GET /api/v1/civic-metrics': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/civic-metrics${queryString({ orgId: world.sides[side].town.id, ...PERIOD })}`,
    }),
  },
  'GET /api/v1/civic-rankings': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/civic-rankings${queryString({ level: 'compound', month: '2026-10', orgId: world.sides[side].town.id })}`,
    }),
  },
};
