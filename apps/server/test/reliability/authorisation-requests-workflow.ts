import { type CaseActionBody, CIVIC_CASE_ACTIONS, type CivicCaseAction, type CivicCaseStatus } from '@linli/contracts';
import { isoNow } from '../../src/platform/clock.ts';
import { newId } from '../../src/platform/ids.ts';
import { API, type BuildArgs, type RequestTable } from './authorisation-cells.ts';
import { ifMatchOf } from './authorisation-etags.ts';
import { freshCase, freshMediationCase, freshSupervision } from './authorisation-fresh.ts';
import type { SideWorld } from './authorisation-world.ts';

/**
 * The 民情 state machine over HTTP: one row per action (who may take a step depends on the step), bulk dispatch;
 * 督办 (the list, the board, answering one) and mediation (纠纷调解). Every cell that changes a case acts on a fresh
 * case of the side in the status its action starts from.
 */

interface ActionCell {
  from: CivicCaseStatus;
  body: (s: SideWorld) => CaseActionBody;
  /** Case columns the action reads besides its status (a pending request, the closing time). */
  overrides?: Record<string, unknown>;
}

const unitOf = (s: SideWorld) => ({ kind: 'property_company' as const, id: s.propertyCompany });

export const ACTION_CELLS: Record<CivicCaseAction, ActionCell> = {
  triage: { from: 'submitted', body: () => ({ urgency: 'ordinary' }) },
  accept: { from: 'submitted', body: () => ({}) },
  void: { from: 'submitted', body: () => ({ voidReason: 'insufficient', reason: '信息不全' }) },
  merge: { from: 'submitted', body: () => ({}) },
  dispatch: { from: 'accepted', body: (s) => ({ unit: unitOf(s) }) },
  send_back: { from: 'dispatched', body: () => ({ reason: '不属于本单位' }) },
  reassign: { from: 'dispatched', body: (s) => ({ unit: { kind: 'grid', id: s.grid.id }, reason: '改派网格' }) },
  sign: { from: 'dispatched', body: () => ({}) },
  contact: { from: 'signed', body: () => ({ publicNote: '已电话联系报告人' }) },
  start: { from: 'signed', body: () => ({}) },
  request_extension: { from: 'in_progress', body: () => ({ extraMinutes: 1440, reason: '需要采购配件' }) },
  request_deferral: { from: 'in_progress', body: () => ({ deferUntil: '2026-12-31', reason: '等待维修资金' }) },
  decide_request: {
    from: 'in_progress',
    body: () => ({ grant: false, reason: '请按期完成' }),
    overrides: { pending_request: 'extension' },
  },
  resume: { from: 'deferred', body: () => ({}) },
  handle: { from: 'in_progress', body: () => ({ publicNote: '已更换楼道灯' }) },
  verify: { from: 'handled', body: () => ({}) },
  reject: { from: 'handled', body: () => ({ reason: '灯仍不亮' }) },
  close: { from: 'verified', body: () => ({ endType: 'resolved' }) },
  rate: { from: 'closed', body: () => ({ resolved: true, rating: 'satisfied' }), overrides: { end_type: 'resolved' } },
  reopen: { from: 'closed', body: () => ({ reason: '问题复发' }), overrides: { end_type: 'resolved' } },
  comment: { from: 'dispatched', body: () => ({ publicNote: '请尽快处理' }) },
  supervise: { from: 'dispatched', body: () => ({ reason: '群众反映强烈' }) },
};

/** A case of the side in the action's starting status, with the facts the action reads. */
async function caseFor(args: BuildArgs, action: CivicCaseAction): Promise<string> {
  const { world, side } = args;
  const s = world.sides[side];
  const cell = ACTION_CELLS[action];
  const now = isoNow(world.t.platform.clock);
  const closed = cell.from === 'closed' ? { closed_at: now, closed_on: now.slice(0, 10) } : {};
  const id = await freshCase(world.t, s, { status: cell.from, overrides: { ...closed, ...cell.overrides } });
  if (action === 'decide_request') {
    await world.t.platform.db
      .insertInto('civic_case_request')
      .values({
        id: newId(),
        case_id: id,
        kind: 'extension',
        status: 'pending',
        reason: '需要采购配件',
        extra_minutes: 1440,
        defer_until: null,
        requested_by: s.resident.userId,
        requested_at: now,
        decided_by: null,
        decided_at: null,
        decision_note: null,
      })
      .execute();
  }
  return id;
}

function actionRequests(): RequestTable {
  const table: RequestTable = {};
  for (const action of CIVIC_CASE_ACTIONS) {
    table[`POST /api/v1/civic-cases/:id/actions/:action [${action}]`] = {
      scope: 'scoped',
      build: async (args) => {
        const s = args.world.sides[args.side];
        const id = await caseFor(args, action);
        const body =
          action === 'merge'
            ? { intoCaseId: await freshCase(args.world.t, s, { status: 'accepted' }) }
            : ACTION_CELLS[action].body(s);
        return {
          url: `${API}/civic-cases/${id}/actions/${action}`,
          body,
          headers: await ifMatchOf(args.world, 'civic_case', id),
        };
      },
    };
  }
  return table;
}

export const WORKFLOW_REQUESTS: RequestTable = {
  ...actionRequests(),
  'GET /api/v1/civic-supervisions': {
    scope: 'unscoped',
    why: 'the list has no place filter; scope narrows its rows',
    build: async () => ({ url: `${API}/civic-supervisions` }),
  },
  'GET /api/v1/civic-supervision-board': {
    scope: 'unscoped',
    why: 'the board has no place filter; scope narrows its rows',
    build: async () => ({ url: `${API}/civic-supervision-board` }),
  },
  'GET /api/v1/civic-cases/:id/mediation': {
    scope: 'scoped',
    build: async ({ world, side }) => ({ url: `${API}/civic-cases/${world.sides[side].mediationCase}/mediation` }),
  },
  'PUT /api/v1/civic-cases/:id/mediation': {
    scope: 'scoped',
    build: async ({ world, side }) => {
      const id = world.sides[side].mediationCase;
      return {
        url: `${API}/civic-cases/${id}/mediation`,
        body: {
          mediatorName: '调解员',
          parties: [
            { name: '甲方', role: 'applicant' },
            { name: '乙方', role: 'respondent' },
          ],
        },
        headers: await ifMatchOf(world, 'civic_mediation', id, 'case_id'),
      };
    },
  },
  'POST /api/v1/civic-cases/:id/mediation/sessions': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/civic-cases/${world.sides[side].mediationCase}/mediation/sessions`,
      body: { heldOn: '2026-11-20', notes: '双方陈述了各自意见' },
    }),
  },
  'POST /api/v1/civic-cases/:id/mediation/outcome': {
    scope: 'scoped',
    build: async (args) => ({
      url: `${API}/civic-cases/${await freshMediationCase(args.world.t, args.world.sides[args.side])}/mediation/outcome`,
      body: { outcome: 'agreed', agreementText: '双方同意协商解决。' },
    }),
  },
  'GET /api/v1/civic-cases/:id/mediation/agreement': {
    scope: 'scoped',
    build: async ({ world, side }) => ({
      url: `${API}/civic-cases/${world.sides[side].agreedCase}/mediation/agreement`,
    }),
  },

  'POST /api/v1/civic-cases/bulk-dispatch': {
    scope: 'scoped',
    build: async ({ world, side }) => {
      const s = world.sides[side];
      const id = await freshCase(world.t, s, { status: 'accepted' });
      return { url: `${API}/civic-cases/bulk-dispatch`, body: { caseIds: [id], unit: unitOf(s) } };
    },
    // Each case succeeds or fails on its own: a refusal comes back as a 200 listing it under `failed`.
    refusedIn: async (_args, response) => (response.json() as { dispatched: string[] }).dispatched.length === 0,
  },
  'POST /api/v1/civic-supervisions/:id/answer': {
    scope: 'scoped',
    build: async ({ world, side }) => {
      const id = await freshSupervision(world.t, world.sides[side]);
      return { url: `${API}/civic-supervisions/${id}/answer`, body: { answer: '已安排维修，明天完成' } };
    },
  },
};
