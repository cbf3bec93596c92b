import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import JSZip from 'jszip';
import { testIdNumber } from '../../src/modules/members/members.test-support.ts';
import { REPORT_IN_RULE_KEY } from '../../src/modules/members/report-in/report-in-rule.ts';
import { API, multipart, queryString, type RequestTable } from './authorisation-cells.ts';
import { ifMatchOf, settingEtag } from './authorisation-etags.ts';
import { freshMember, freshOrganBranch, freshPendingReportIn, freshResidentClaim } from './authorisation-fresh.ts';
import { apiOf } from './authorisation-world.ts';

/** The roster, its imports and exports, work units, 双报到 and their boards, residents' household claims. */

/** The roster xlsx holds a watermark row and a header row before its data rows. */
async function isEmptyRoster(response: LightMyRequestResponse): Promise<boolean> {
  const zip = await JSZip.loadAsync(response.rawPayload);
  const sheet = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
  return (sheet.match(/<row[ >]/g) ?? []).length <= 2;
}

const OWN = 'the caller’s own record';
const COUNTY = 'county-wide: no place to put on a side';

export const ROSTER_REQUESTS: RequestTable = {
  'GET /api/v1/members': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/members${queryString({ compoundId: world.sides[side].compound.id })}`,
    }),
  },
  'POST /api/v1/members/search': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/members/search`,
      body: { compoundId: world.sides[side].compound.id },
    }),
  },
  'GET /api/v1/members/export': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/members/export${queryString({ compoundId: world.sides[side].compound.id })}`,
    }),
    emptyIn: isEmptyRoster,
  },
  'GET /api/v1/members/import-template': {
    scope: 'unscoped',
    why: 'a blank spreadsheet',
    build: async () => ({ url: `${API}/members/import-template` }),
  },
  'GET /api/v1/members/:id': {
    scope: 'scoped',
    build: async ({ world, side }) => ({ url: `${API}/members/${world.sides[side].member.memberId}` }),
  },
  'POST /api/v1/members': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/members`,
      body: {
        name: '新党员',
        idNumber: testIdNumber(),
        status: 'full',
        joinedOn: '2010-07-01',
        fullMemberOn: '2011-07-01',
        employment: 'retired',
        branchId: world.sides[side].branch.id,
        residenceCompoundId: world.sides[side].compound.id,
      },
    }),
  },
  'PATCH /api/v1/members/:id': {
    scope: 'scoped',
    build: async ({ world, side }) => {
      const id = world.sides[side].member.memberId;
      return {
        url: `${API}/members/${id}`,
        body: { ethnicity: '汉族' },
        headers: await ifMatchOf(world, 'member', id),
      };
    },
  },
  'POST /api/v1/members/:id/reveal': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/members/${world.sides[side].member.memberId}/reveal`,
      body: { fields: ['phone'], reason: '核实联系方式' },
    }),
  },
  'POST /api/v1/member-imports': {
    scope: 'unscoped',
    why: 'an import is filed at the importer’s own scope',
    build: async ({ world }) => {
      const template = await apiOf(world.t)(world.operators.county, 'GET', `${API}/members/import-template`);
      const upload = multipart('members.xlsx', template.rawPayload);
      return { url: `${API}/member-imports`, payload: upload.payload, headers: upload.headers };
    },
  },
  'GET /api/v1/member-imports': {
    scope: 'unscoped',
    why: 'the list has no place filter; scope narrows its rows',
    build: async () => ({ url: `${API}/member-imports` }),
  },
  'GET /api/v1/member-imports/:id': {
    scope: 'scoped',
    build: async ({ world, side }) => ({ url: `${API}/member-imports/${world.sides[side].memberImport}` }),
  },
  'POST /api/v1/member-export-requests': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/member-export-requests`,
      body: {
        filter: { compoundId: world.sides[side].compound.id, sort: 'name', order: 'asc' },
        reason: '年度核对花名册',
      },
    }),
  },
  'GET /api/v1/member-export-requests': {
    scope: 'unscoped',
    why: 'the list has no place filter; scope narrows its rows',
    build: async () => ({ url: `${API}/member-export-requests` }),
  },
  'POST /api/v1/member-export-requests/:id/decision': {
    scope: 'scoped',
    build: async ({ world, side }) => {
      const s = world.sides[side];
      const request = await apiOf(world.t).ok<{ id: string }>(s.townOperator, 'POST', `${API}/member-export-requests`, {
        filter: { compoundId: s.compound.id },
        reason: '年度核对花名册',
      });
      return { url: `${API}/member-export-requests/${request.id}/decision`, body: { decision: 'approved' } };
    },
  },

  'GET /api/v1/work-units': {
    scope: 'unscoped',
    why: COUNTY,
    build: async () => ({ url: `${API}/work-units` }),
  },
  'GET /api/v1/work-units/:id': {
    scope: 'scoped',
    build: async ({ world, side }) => ({ url: `${API}/work-units/${world.sides[side].workUnit}` }),
  },
  'POST /api/v1/work-units': {
    scope: 'unscoped',
    why: COUNTY,
    build: async () => ({
      url: `${API}/work-units`,
      body: { name: `新单位${randomUUID().slice(0, 8)}`, partyOrgName: '新单位机关党支部' },
    }),
  },
  'PATCH /api/v1/work-units/:id': {
    scope: 'scoped',
    build: async ({ world, side }) => {
      const id = world.sides[side].workUnit;
      return {
        url: `${API}/work-units/${id}`,
        body: { address: '人民路1号' },
        headers: await ifMatchOf(world, 'work_unit', id),
      };
    },
  },

  'GET /api/v1/org-report-ins': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/org-report-ins${queryString({ targetId: world.sides[side].compound.id })}`,
    }),
  },
  'POST /api/v1/org-report-ins': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/org-report-ins`,
      body: {
        reportingOrgId: (await freshOrganBranch(world.t, world.sides[side])).id,
        targetKind: 'compound',
        targetId: world.sides[side].compound.id,
        contactName: '联络员',
        contactPhone: '13900002222',
        resources: '法律咨询',
        reportedOn: '2026-04-01',
      },
    }),
  },
  'GET /api/v1/org-report-ins/:id': {
    scope: 'scoped',
    build: async ({ world, side }) => ({ url: `${API}/org-report-ins/${world.sides[side].orgReportIn}` }),
  },
  'POST /api/v1/org-report-ins/:id/receive': {
    scope: 'scoped',
    build: async ({ world, side }) => {
      const s = world.sides[side];
      const filed = await apiOf(world.t).ok<{ id: string }>(world.operators.county, 'POST', `${API}/org-report-ins`, {
        reportingOrgId: (await freshOrganBranch(world.t, s)).id,
        targetKind: 'compound',
        targetId: s.compound.id,
        contactName: '联络员',
        contactPhone: '13900003333',
        resources: '义诊',
        reportedOn: '2026-04-01',
      });
      return { url: `${API}/org-report-ins/${filed.id}/receive`, body: {} };
    },
  },
  'GET /api/v1/me/report-in': { scope: 'unscoped', why: OWN, build: async () => ({ url: `${API}/me/report-in` }) },
  'POST /api/v1/me/report-in': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/me/report-in`,
      body: { compoundId: world.sides[side].compound.id, skills: '理发' },
      asTwin: true,
    }),
  },
  'GET /api/v1/member-report-ins': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/member-report-ins${queryString({ compoundId: world.sides[side].compound.id })}`,
    }),
  },
  'POST /api/v1/member-report-ins/:id/decision': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/member-report-ins/${await freshPendingReportIn(world.t, world.sides[side])}/decision`,
      body: { decision: 'confirmed' },
    }),
  },
  'GET /api/v1/member-report-ins/:id/receipt': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/member-report-ins/${world.sides[side].confirmedReportIn}/receipt`,
    }),
  },
  'GET /api/v1/report-in-boards/work-units': {
    scope: 'unscoped',
    why: 'the board has no place filter; scope narrows its rows',
    build: async () => ({ url: `${API}/report-in-boards/work-units` }),
  },
  'GET /api/v1/report-in-boards/compounds': {
    scope: 'unscoped',
    why: 'the board has no place filter; scope narrows its rows',
    build: async () => ({ url: `${API}/report-in-boards/compounds` }),
  },
  'GET /api/v1/report-in-boards/unreported': {
    scope: 'scoped',
    build: async ({ world, side }) => {
      await freshMember(world.t, world.sides[side]);
      return { url: `${API}/report-in-boards/unreported${queryString({ compoundId: world.sides[side].compound.id })}` };
    },
  },
  'GET /api/v1/report-in-rule': {
    scope: 'unscoped',
    why: COUNTY,
    build: async () => ({ url: `${API}/report-in-rule` }),
  },
  'PUT /api/v1/report-in-rule': {
    scope: 'unscoped',
    why: COUNTY,
    build: async ({ world }) => ({
      url: `${API}/report-in-rule`,
      body: { minServices: 2, minServiceHours: 4, evaluateOn: '12-31' },
      headers: await settingEtag(world, REPORT_IN_RULE_KEY),
    }),
  },
  'POST /api/v1/member-year-flags/compute': {
    scope: 'unscoped',
    why: COUNTY,
    build: async () => ({ url: `${API}/member-year-flags/compute`, body: { year: 2025 } }),
  },
  'GET /api/v1/member-year-flags': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/member-year-flags${queryString({ year: 2025, compoundId: world.sides[side].compound.id })}`,
    }),
  },
  'GET /api/v1/work-unit-feedback': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/work-unit-feedback${queryString({ workUnitId: world.sides[side].workUnit, year: 2026, quarter: 4 })}`,
    }),
    emptyIn: async (response) => (response.json() as { rows: unknown[] }).rows.length === 0,
  },
  'POST /api/v1/work-unit-feedback': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/work-unit-feedback`,
      body: { workUnitId: world.sides[side].workUnit, year: 2026, quarter: 4 },
    }),
  },
  'GET /api/v1/work-unit-feedback/documents': {
    scope: 'unscoped',
    why: 'the list has no place filter; scope narrows its rows',
    build: async () => ({ url: `${API}/work-unit-feedback/documents` }),
  },
  'GET /api/v1/work-unit-feedback/documents/:id/file': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/work-unit-feedback/documents/${world.sides[side].feedbackDocument}/file`,
    }),
  },

  'GET /api/v1/resident-claims': {
    scope: 'scoped',
    build: async ({ world, side }) => {
      await freshResidentClaim(world.t, world.sides[side]);
      return { url: `${API}/resident-claims${queryString({ compoundId: world.sides[side].compound.id })}` };
    },
  },
  'POST /api/v1/resident-claims/:id/decision': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/resident-claims/${await freshResidentClaim(world.t, world.sides[side])}/decision`,
      body: { decision: 'rejected' },
    }),
  },
  'GET /api/v1/public/compounds': {
    scope: 'unscoped',
    why: 'public: the compound picker of registration',
    build: async () => ({ url: `${API}/public/compounds${queryString({ q: '花园' })}` }),
  },
};
