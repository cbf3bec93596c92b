import { newToken } from '../../src/platform/crypto/index.ts';
import { API, isEmptyCsv, queryString, type RequestTable } from './authorisation-cells.ts';
import { ifMatchOf } from './authorisation-etags.ts';
import {
  freshHouseholdLink,
  freshMember,
  freshNeed,
  freshPost,
  freshPostClaim,
  freshResident,
  freshServiceRecord,
  POST_CATEGORY,
} from './authorisation-fresh.ts';

/** Posts, claims, needs and services (设岗定责); households, residents, links and visits; the member's badge. */

const OWN = 'the caller’s own records';
let sequence = 0;
const next = () => {
  sequence += 1;
  return sequence;
};

export const POSTS_REQUESTS: RequestTable = {
  'GET /api/v1/post-categories': {
    scope: 'unscoped',
    why: 'county-wide post categories',
    build: async () => ({ url: `${API}/post-categories` }),
  },
  'POST /api/v1/post-categories': {
    scope: 'unscoped',
    why: 'county-wide post categories',
    build: async () => ({ url: `${API}/post-categories`, body: { name: `岗位类别${next()}` } }),
  },
  'PATCH /api/v1/post-categories/:id': {
    scope: 'unscoped',
    why: 'county-wide post categories',
    build: async ({ world }) => ({
      url: `${API}/post-categories/${POST_CATEGORY}`,
      body: { sortOrder: 0 },
      headers: await ifMatchOf(world, 'post_category', POST_CATEGORY),
    }),
  },
  'GET /api/v1/posts': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/posts${queryString({ compoundId: world.sides[side].compound.id })}`,
    }),
  },
  'POST /api/v1/posts': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/posts`,
      body: {
        compoundId: world.sides[side].compound.id,
        categoryId: POST_CATEGORY,
        title: '楼栋长',
        duties: '联系本楼住户，收集诉求',
        seats: 2,
      },
    }),
  },
  'GET /api/v1/posts/:id': {
    scope: 'scoped',
    build: async ({ world, side }) => ({ url: `${API}/posts/${world.sides[side].post}` }),
  },
  'PATCH /api/v1/posts/:id': {
    scope: 'scoped',
    build: async ({ world, side }) => {
      const id = world.sides[side].post;
      return { url: `${API}/posts/${id}`, body: { seats: 6 }, headers: await ifMatchOf(world, 'post', id) };
    },
  },
  'POST /api/v1/posts/:id/claims': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/posts/${await freshPost(world.t, world.sides[side])}/claims`,
      body: { note: '我住在本楼' },
    }),
  },
  'GET /api/v1/post-claims': {
    scope: 'scoped',
    build: async ({ world, side }) => {
      await freshPostClaim(world.t, world.sides[side]);
      return { url: `${API}/post-claims${queryString({ compoundId: world.sides[side].compound.id })}` };
    },
  },
  'POST /api/v1/post-claims/:id/decision': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/post-claims/${await freshPostClaim(world.t, world.sides[side])}/decision`,
      body: { decision: 'approved' },
    }),
  },
  'POST /api/v1/post-claims/:id/withdraw': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/post-claims/${await freshPostClaim(world.t, world.sides[side])}/withdraw`,
      body: {},
    }),
  },
  'GET /api/v1/needs': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/needs${queryString({ compoundId: world.sides[side].compound.id })}`,
    }),
  },
  'POST /api/v1/needs': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/needs`,
      body: {
        compoundId: world.sides[side].compound.id,
        categoryId: POST_CATEGORY,
        title: '代买药品',
        description: '独居老人每周需要代买降压药',
      },
    }),
  },
  'GET /api/v1/needs/:id': {
    scope: 'scoped',
    build: async ({ world, side }) => ({ url: `${API}/needs/${world.sides[side].need}` }),
  },
  'PATCH /api/v1/needs/:id': {
    scope: 'scoped',
    build: async ({ world, side }) => {
      const id = world.sides[side].need;
      return { url: `${API}/needs/${id}`, body: { title: '代买药品' }, headers: await ifMatchOf(world, 'need', id) };
    },
  },
  'POST /api/v1/needs/:id/claim': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/needs/${await freshNeed(world.t, world.sides[side])}/claim`,
      body: {},
    }),
  },
  'POST /api/v1/needs/:id/status': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/needs/${await freshNeed(world.t, world.sides[side])}/status`,
      body: { status: 'cancelled' },
    }),
  },
  'GET /api/v1/me/posts': { scope: 'unscoped', why: OWN, build: async () => ({ url: `${API}/me/posts` }) },
  'GET /api/v1/me/claims': { scope: 'unscoped', why: OWN, build: async () => ({ url: `${API}/me/claims` }) },
  'GET /api/v1/me/needs': { scope: 'unscoped', why: OWN, build: async () => ({ url: `${API}/me/needs` }) },
  'GET /api/v1/service-records': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/service-records${queryString({ compoundId: world.sides[side].compound.id })}`,
    }),
  },
  'POST /api/v1/service-records': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/service-records`,
      body: { memberId: world.sides[side].member.memberId, servedOn: '2026-11-20', hours: 1.5, content: '陪老人散步' },
    }),
  },
  'POST /api/v1/service-records/:id/rating': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/service-records/${await freshServiceRecord(world.t, world.sides[side])}/rating`,
      body: { rating: 'satisfied' },
    }),
  },
  'GET /api/v1/me/service-records': {
    scope: 'unscoped',
    why: OWN,
    build: async () => ({ url: `${API}/me/service-records` }),
  },
  'GET /api/v1/me/services-to-rate': {
    scope: 'unscoped',
    why: OWN,
    build: async () => ({ url: `${API}/me/services-to-rate` }),
  },

  'GET /api/v1/households': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/households${queryString({ compoundId: world.sides[side].compound.id })}`,
    }),
  },
  'GET /api/v1/households/export': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/households/export${queryString({ compoundId: world.sides[side].compound.id })}`,
    }),
    emptyIn: isEmptyCsv,
  },
  'GET /api/v1/households/:id': {
    scope: 'scoped',
    build: async ({ world, side }) => ({ url: `${API}/households/${world.sides[side].household}` }),
  },
  'POST /api/v1/households': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/households`,
      body: {
        compoundId: world.sides[side].compound.id,
        gridId: world.sides[side].grid.id,
        building: '9栋',
        unit: '1单元',
        room: String(100 + next()),
      },
    }),
  },
  'PATCH /api/v1/households/:id': {
    scope: 'scoped',
    build: async ({ world, side }) => {
      const id = world.sides[side].household;
      return {
        url: `${API}/households/${id}`,
        body: { note: '独居老人' },
        headers: await ifMatchOf(world, 'household', id),
      };
    },
  },
  'POST /api/v1/households/:id/residents': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/households/${world.sides[side].household}/residents`,
      body: { name: '租户', relation: 'tenant' },
    }),
  },
  'PATCH /api/v1/residents/:id': {
    scope: 'scoped',
    build: async ({ world, side }) => {
      const id = world.sides[side].resident.residentId;
      return { url: `${API}/residents/${id}`, body: { name: '住户' }, headers: await ifMatchOf(world, 'resident', id) };
    },
  },
  'DELETE /api/v1/residents/:id': {
    scope: 'scoped',
    build: async ({ world, side }) => ({ url: `${API}/residents/${await freshResident(world.t, world.sides[side])}` }),
  },
  'POST /api/v1/households/:id/links': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/households/${world.sides[side].household}/links`,
      body: { memberId: await freshMember(world.t, world.sides[side]) },
    }),
  },
  'DELETE /api/v1/household-links/:id': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/household-links/${await freshHouseholdLink(world.t, world.sides[side])}`,
    }),
  },
  'GET /api/v1/household-links': {
    scope: 'scoped',
    build: async ({ world, side }) => {
      await freshHouseholdLink(world.t, world.sides[side]);
      return { url: `${API}/household-links${queryString({ householdId: world.sides[side].household })}` };
    },
  },
  'POST /api/v1/households/:id/visits': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/households/${world.sides[side].household}/visits`,
      body: { visitedOn: '2026-11-25', summary: '走访了解老人近况' },
    }),
  },
  'GET /api/v1/household-visits': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/household-visits${queryString({ householdId: world.sides[side].household })}`,
    }),
  },
  'GET /api/v1/me/member': { scope: 'unscoped', why: OWN, build: async () => ({ url: `${API}/me/member` }) },
  'GET /api/v1/me/badge': { scope: 'unscoped', why: OWN, build: async () => ({ url: `${API}/me/badge` }) },
  'POST /api/v1/me/badge/renew': {
    scope: 'unscoped',
    why: OWN,
    build: async () => ({ url: `${API}/me/badge/renew`, body: {} }),
  },
  'GET /api/v1/public/badges/:token': {
    scope: 'unscoped',
    why: 'public: the badge’s QR code carries its token',
    build: async ({ world }) => {
      const token = newToken();
      await world.t.platform.db
        .updateTable('member')
        .set({ badge_token: token })
        .where('id', '=', world.sides.in.member.memberId)
        .execute();
      return { url: `${API}/public/badges/${token}` };
    },
  },
};
