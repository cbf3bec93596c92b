import { copyFile } from 'node:fs/promises';
import { LEDGER_KINDS } from '@linli/contracts';
import { ledgerFilePath } from '../../src/modules/reports/ledgers/ledger-export.repository.ts';
import { newId } from '../../src/platform/ids.ts';
import { API, type BuildArgs, queryString, type RequestTable } from './authorisation-cells.ts';
import { ifMatchOf } from './authorisation-etags.ts';
import { apiOf } from './authorisation-world.ts';

/** The cockpit, work-report templates and generated reports, the registers (台账) and their exports. */

const COUNTY = 'county-wide templates';
const PERIOD = { from: '2026-01-01', to: '2026-11-26' };
const TEMPLATE_BODY = '# 工作汇报\n本期工作正常开展。';

/**
 * An export is its requester's alone (404 to anyone else): on side A the caller's own copy of A's finished export
 * (row and file), on side B the county operator's export of town B.
 */
async function ledgerExportFor({ world, side, caller }: BuildArgs): Promise<string> {
  const seeded = world.sides[side].ledgerExport;
  if (side === 'out' || !caller.userId) return seeded;
  const db = world.t.platform.db;
  const row = await db.selectFrom('ledger_export').selectAll().where('id', '=', seeded).executeTakeFirstOrThrow();
  const id = newId();
  await db
    .insertInto('ledger_export')
    .values({ ...row, id, requested_by: caller.userId })
    .execute();
  const dataDir = world.t.platform.config.dataDir;
  await copyFile(ledgerFilePath(dataDir, seeded), ledgerFilePath(dataDir, id));
  return id;
}

function ledgerPreviews(): RequestTable {
  const table: RequestTable = {};
  for (const kind of LEDGER_KINDS) {
    table[`GET /api/v1/ledgers/:kind/preview [${kind}]`] = {
      scope: 'scoped',
      build: async ({ world, side }) => ({
        url: `${API}/ledgers/${kind}/preview${queryString({ orgId: world.sides[side].town.id, ...PERIOD })}`,
      }),
    };
  }
  return table;
}

export const REPORTS_REQUESTS: RequestTable = {
  'GET /api/v1/dashboard': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/dashboard${queryString({ orgId: world.sides[side].town.id, ...PERIOD })}`,
    }),
  },
  'GET /api/v1/work-report-templates': {
    scope: 'unscoped',
    why: COUNTY,
    build: async () => ({ url: `${API}/work-report-templates` }),
  },
  'POST /api/v1/work-report-templates': {
    scope: 'unscoped',
    why: COUNTY,
    build: async () => ({ url: `${API}/work-report-templates`, body: { name: '季度汇报', body: TEMPLATE_BODY } }),
  },
  'POST /api/v1/work-report-templates/check': {
    scope: 'unscoped',
    why: 'checks a text, reads no data',
    build: async () => ({ url: `${API}/work-report-templates/check`, body: { body: TEMPLATE_BODY } }),
  },
  'POST /api/v1/work-report-templates/preview': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/work-report-templates/preview`,
      body: { body: TEMPLATE_BODY, orgId: world.sides[side].town.id, ...PERIOD },
    }),
  },
  'PATCH /api/v1/work-report-templates/:id': {
    scope: 'unscoped',
    why: COUNTY,
    build: async ({ world }) => ({
      url: `${API}/work-report-templates/${world.shared.template}`,
      body: { name: '矩阵模板', body: TEMPLATE_BODY },
      headers: await ifMatchOf(world, 'work_report_template', world.shared.template),
    }),
  },
  'DELETE /api/v1/work-report-templates/:id': {
    scope: 'unscoped',
    why: COUNTY,
    build: async ({ world }) => {
      const made = await apiOf(world.t).ok<{ id: string }>(
        world.operators.county,
        'POST',
        `${API}/work-report-templates`,
        {
          name: '待删除模板',
          body: TEMPLATE_BODY,
        },
      );
      return {
        url: `${API}/work-report-templates/${made.id}`,
        headers: await ifMatchOf(world, 'work_report_template', made.id),
      };
    },
  },
  'POST /api/v1/work-reports': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/work-reports`,
      body: { orgId: world.sides[side].town.id, ...PERIOD },
    }),
  },
  'GET /api/v1/work-reports': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/work-reports${queryString({ orgId: world.sides[side].town.id })}`,
    }),
  },
  'GET /api/v1/work-reports/:id': {
    scope: 'scoped',
    build: async ({ world, side }) => ({ url: `${API}/work-reports/${world.sides[side].workReport}` }),
  },
  'GET /api/v1/work-reports/:id/file': {
    scope: 'scoped',
    build: async ({ world, side }) => ({ url: `${API}/work-reports/${world.sides[side].workReport}/file` }),
  },
  ...ledgerPreviews(),
  'POST /api/v1/ledger-exports': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/ledger-exports`,
      body: { kind: 'organisation', orgId: world.sides[side].town.id },
    }),
  },
  'GET /api/v1/ledger-exports': {
    scope: 'unscoped',
    why: 'the caller’s own exports',
    build: async () => ({ url: `${API}/ledger-exports` }),
  },
  'GET /api/v1/ledger-exports/:id': {
    scope: 'scoped',
    build: async (args) => ({ url: `${API}/ledger-exports/${await ledgerExportFor(args)}` }),
  },
  'GET /api/v1/ledger-exports/:id/file': {
    scope: 'scoped',
    build: async (args) => ({ url: `${API}/ledger-exports/${await ledgerExportFor(args)}/file` }),
  },
};
