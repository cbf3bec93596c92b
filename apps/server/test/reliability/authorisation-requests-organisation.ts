import { API, isEmptyCsv, queryString, type RequestTable } from './authorisation-cells.ts';
import { ifMatchOf } from './authorisation-etags.ts';
import { freshLeafOrg } from './authorisation-fresh.ts';

/** The org tree, compounds and their parties, grids, duty zones, partner units, venues, branch terms, coverage. */

let gridSequence = 0;
/** A valid 15-digit grid code never used before: the sequence in base 9 with digits 1–9, so no segment is 000. */
function freshGridCode(): string {
  gridSequence += 1;
  const digits = gridSequence.toString(9).padStart(9, '0');
  return `530102${[...digits].map((d) => String(Number(d) + 1)).join('')}`;
}

export const ORGANISATION_REQUESTS: RequestTable = {
  'GET /api/v1/org-units': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/org-units${queryString({ parentId: world.sides[side].town.id })}`,
    }),
  },
  'GET /api/v1/org-units/:id': {
    scope: 'scoped',
    build: async ({ world, side }) => ({ url: `${API}/org-units/${world.sides[side].community.id}` }),
  },
  'POST /api/v1/org-units': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/org-units`,
      body: { parentId: world.sides[side].community.id, kind: 'branch', sector: 'community', name: '新建支部' },
    }),
  },
  'PATCH /api/v1/org-units/:id': {
    scope: 'scoped',
    build: async ({ world, side }) => {
      const id = world.sides[side].community.id;
      return { url: `${API}/org-units/${id}`, body: { sortOrder: 1 }, headers: await ifMatchOf(world, 'org_unit', id) };
    },
  },
  'POST /api/v1/org-units/:id/move': {
    scope: 'scoped',
    build: async ({ world, side }) => {
      const leaf = await freshLeafOrg(world.t, world.sides[side].community);
      return { url: `${API}/org-units/${leaf.id}/move`, body: { newParentId: world.sides[side].town.id } };
    },
  },
  'DELETE /api/v1/org-units/:id': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/org-units/${(await freshLeafOrg(world.t, world.sides[side].community)).id}`,
    }),
  },

  'GET /api/v1/compounds': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/compounds${queryString({ orgId: world.sides[side].community.id })}`,
    }),
  },
  'GET /api/v1/compounds/export': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/compounds/export${queryString({ orgId: world.sides[side].community.id })}`,
    }),
    emptyIn: isEmptyCsv,
  },
  'GET /api/v1/compounds/:id': {
    scope: 'scoped',
    build: async ({ world, side }) => ({ url: `${API}/compounds/${world.sides[side].compound.id}` }),
  },
  'POST /api/v1/compounds': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/compounds`,
      body: {
        name: '新建小区',
        orgId: world.sides[side].community.id,
        address: '新建路8号',
        householdCount: 80,
        buildingCount: 4,
        rolloutStage: 'pilot',
      },
    }),
  },
  'PATCH /api/v1/compounds/:id': {
    scope: 'scoped',
    build: async ({ world, side }) => {
      const id = world.sides[side].compound.id;
      return {
        url: `${API}/compounds/${id}`,
        body: { householdCount: 120 },
        headers: await ifMatchOf(world, 'compound', id),
      };
    },
  },
  'PUT /api/v1/compounds/:id/parties/:kind': {
    scope: 'scoped',
    build: async ({ world, side }) => {
      const s = world.sides[side];
      return {
        url: `${API}/compounds/${s.compound.id}/parties/owners_committee`,
        body: { name: '业主委员会', people: [{ name: '王主任', position: '主任' }] },
        headers: await ifMatchOf(world, 'compound_party', s.ownersCommittee),
      };
    },
  },

  'GET /api/v1/grids': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/grids${queryString({ compoundId: world.sides[side].compound.id })}`,
    }),
  },
  'GET /api/v1/grids/:id': {
    scope: 'scoped',
    build: async ({ world, side }) => ({ url: `${API}/grids/${world.sides[side].grid.id}` }),
  },
  'POST /api/v1/grids': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/grids`,
      body: {
        code: freshGridCode(),
        name: '新网格',
        orgId: world.sides[side].community.id,
        compoundId: world.sides[side].compound.id,
      },
    }),
  },
  'PATCH /api/v1/grids/:id': {
    scope: 'scoped',
    build: async ({ world, side }) => {
      const id = world.sides[side].grid.id;
      return { url: `${API}/grids/${id}`, body: { name: '第一网格' }, headers: await ifMatchOf(world, 'grid', id) };
    },
  },

  'GET /api/v1/duty-zones': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/duty-zones${queryString({ holderOrgId: world.sides[side].organ.id })}`,
    }),
  },
  'GET /api/v1/duty-zones/:id': {
    scope: 'scoped',
    build: async ({ world, side }) => ({ url: `${API}/duty-zones/${world.sides[side].dutyZone}` }),
  },
  'POST /api/v1/duty-zones': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/duty-zones`,
      body: { kind: 'street', name: '街道责任区', holderOrgId: world.sides[side].organ.id },
    }),
  },
  'PATCH /api/v1/duty-zones/:id': {
    scope: 'scoped',
    build: async ({ world, side }) => {
      const id = world.sides[side].dutyZone;
      return {
        url: `${API}/duty-zones/${id}`,
        body: { name: '河道责任区' },
        headers: await ifMatchOf(world, 'duty_zone', id),
      };
    },
  },

  'GET /api/v1/partner-units': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/partner-units${queryString({ compoundId: world.sides[side].compound.id })}`,
    }),
  },
  'GET /api/v1/partner-units/:id': {
    scope: 'scoped',
    build: async ({ world, side }) => ({ url: `${API}/partner-units/${world.sides[side].partnerUnit}` }),
  },
  'POST /api/v1/partner-units': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/partner-units`,
      body: { name: '新共建单位', orgId: world.sides[side].town.id, compoundIds: [world.sides[side].compound.id] },
    }),
  },
  'PATCH /api/v1/partner-units/:id': {
    scope: 'scoped',
    build: async ({ world, side }) => {
      const id = world.sides[side].partnerUnit;
      return {
        url: `${API}/partner-units/${id}`,
        body: { resources: '场地、志愿者' },
        headers: await ifMatchOf(world, 'partner_unit', id),
      };
    },
  },

  'GET /api/v1/venues': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/venues${queryString({ compoundId: world.sides[side].compound.id })}`,
    }),
  },
  'GET /api/v1/venues/:id': {
    scope: 'scoped',
    build: async ({ world, side }) => ({ url: `${API}/venues/${world.sides[side].venue}` }),
  },
  'POST /api/v1/venues': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/venues`,
      body: { compoundId: world.sides[side].compound.id, name: '活动室', areaSqm: 60 },
    }),
  },
  'PATCH /api/v1/venues/:id': {
    scope: 'scoped',
    build: async ({ world, side }) => {
      const id = world.sides[side].venue;
      return { url: `${API}/venues/${id}`, body: { areaSqm: 150 }, headers: await ifMatchOf(world, 'venue', id) };
    },
  },

  'GET /api/v1/branch-terms': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/branch-terms${queryString({ branchOrgId: world.sides[side].branch.id })}`,
    }),
  },
  'GET /api/v1/branch-terms/:id': {
    scope: 'scoped',
    build: async ({ world, side }) => ({ url: `${API}/branch-terms/${world.sides[side].branchTerm}` }),
  },
  'POST /api/v1/branch-terms': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/branch-terms`,
      body: {
        branchOrgId: world.sides[side].branch.id,
        electedOn: '2021-03-15',
        startsOn: '2021-03-15',
        endsOn: '2024-03-14',
        members: [{ name: '李书记', position: 'secretary' }],
      },
    }),
  },
  'PATCH /api/v1/branch-terms/:id': {
    scope: 'scoped',
    build: async ({ world, side }) => {
      const id = world.sides[side].branchTerm;
      return {
        url: `${API}/branch-terms/${id}`,
        body: { endsOn: '2029-03-14' },
        headers: await ifMatchOf(world, 'branch_term', id),
      };
    },
  },

  'GET /api/v1/coverage': {
    scope: 'scoped',
    build: async ({ world, side }) => ({ url: `${API}/coverage${queryString({ orgId: world.sides[side].town.id })}` }),
  },
};
