import { type CaseActionBody, CIVIC_CASE_ACTIONS, type CivicCaseAction, type CivicCaseStatus } from '@linli/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, errorCode, type Session, type TestApp } from '../../../../test/harness.ts';
import {
  type CivicCounty,
  type InsertCaseOptions,
  insertCase,
  propertyUnitA,
  setupCivicTest,
} from '../civic-cases.test-support.ts';
import { API, act, caseRow } from './workflow.test-support.ts';

type Who = 'secretary' | 'gridWorker' | 'handler' | 'resident' | 'longquan' | 'jinbi';

/** A case from which the action is in the table, as the test inserts it. */
const STARTS: Record<CivicCaseAction, { status: CivicCaseStatus; extra?: InsertCaseOptions['overrides'] }> = {
  triage: { status: 'submitted' },
  accept: { status: 'submitted' },
  void: { status: 'submitted' },
  merge: { status: 'triaged' },
  dispatch: { status: 'accepted' },
  send_back: { status: 'dispatched' },
  reassign: { status: 'dispatched' },
  sign: { status: 'dispatched' },
  contact: { status: 'signed' },
  start: { status: 'signed' },
  request_extension: { status: 'signed' },
  request_deferral: { status: 'in_progress' },
  decide_request: { status: 'in_progress', extra: { pending_request: 'extension' } },
  resume: { status: 'deferred' },
  handle: { status: 'rework' },
  verify: { status: 'handled' },
  reject: { status: 'handled' },
  close: { status: 'verified' },
  rate: { status: 'closed' },
  reopen: { status: 'closed' },
  comment: { status: 'in_progress' },
  supervise: { status: 'in_progress' },
};

/** Someone who reads the case but lacks the relation the action needs (403). */
const LACKS: Record<CivicCaseAction, Who> = {
  triage: 'gridWorker',
  accept: 'gridWorker',
  void: 'gridWorker',
  merge: 'gridWorker',
  dispatch: 'gridWorker',
  send_back: 'secretary',
  reassign: 'handler',
  sign: 'secretary',
  contact: 'secretary',
  start: 'gridWorker',
  request_extension: 'secretary',
  request_deferral: 'gridWorker',
  decide_request: 'handler',
  resume: 'gridWorker',
  handle: 'secretary',
  verify: 'handler',
  reject: 'handler',
  close: 'gridWorker',
  rate: 'gridWorker',
  reopen: 'handler',
  comment: 'longquan',
  supervise: 'secretary',
};

/** Who may take the action, and the body missing a required field (400 on `path`). */
const MISSING: Partial<Record<CivicCaseAction, { who: Who; body: CaseActionBody; path: string }>> = {
  void: { who: 'secretary', body: {}, path: 'voidReason' },
  merge: { who: 'secretary', body: {}, path: 'intoCaseId' },
  send_back: { who: 'handler', body: {}, path: 'reason' },
  handle: { who: 'handler', body: { internalNote: '只写了内部备注' }, path: 'publicNote' },
  request_extension: { who: 'handler', body: { reason: '材料未到' }, path: 'extraMinutes' },
  request_deferral: { who: 'handler', body: { deferUntil: '2027-03-01' }, path: 'reason' },
  decide_request: { who: 'secretary', body: { reason: '同意' }, path: 'grant' },
  close: { who: 'secretary', body: {}, path: 'endType' },
  rate: { who: 'resident', body: { rating: 'satisfied' }, path: 'resolved' },
  reopen: { who: 'resident', body: {}, path: 'reason' },
  comment: { who: 'gridWorker', body: {}, path: 'publicNote' },
  supervise: { who: 'jinbi', body: {}, path: 'reason' },
};

describe('case actions refuse what the rules do not allow', () => {
  let t: TestApp;
  let county: CivicCounty;
  let who: Record<Who, Session>;
  beforeAll(async () => {
    const s = await setupCivicTest('secretaryA', 'gridWorkerA', 'handlerA', 'residentA', 'longquanAdmin', 'jinbiAdmin');
    ({ t, county } = s);
    who = {
      secretary: s.secretaryA,
      gridWorker: s.gridWorkerA,
      handler: s.handlerA,
      resident: s.residentA,
      longquan: s.longquanAdmin,
      jinbi: s.jinbiAdmin,
    };
  });
  afterAll(() => t.close());

  const caseFor = async (action: CivicCaseAction) => {
    const start = STARTS[action];
    const dispatched = !['submitted', 'triaged', 'accepted'].includes(start.status);
    const closedAt = start.status === 'closed' ? t.clock.now().toISOString() : null;
    const { id } = await insertCase(t.platform, county, {
      status: start.status,
      reporterUserId: who.resident.userId,
      unit: dispatched ? propertyUnitA(county) : null,
      overrides: { closed_at: closedAt, ...start.extra },
    });
    return id;
  };

  it.each(CIVIC_CASE_ACTIONS)(
    '%s: 401 without a session, 428 without If-Match, 412 on a stale version',
    async (action) => {
      const id = await caseFor(action);
      expect((await act(t, null, id, action)).statusCode).toBe(401);
      const noVersion = await as(t.app, who.secretary).post(`${API}/civic-cases/${id}/actions/${action}`, {});
      expect([noVersion.statusCode, errorCode(noVersion)]).toEqual([428, 'VERSION_REQUIRED']);
      const stale = await act(t, who.secretary, id, action, {}, 7);
      expect([stale.statusCode, errorCode(stale)]).toEqual([412, 'VERSION_STALE']);
      expect((await caseRow(t.platform, id)).version).toBe(1);
    },
  );

  it.each(CIVIC_CASE_ACTIONS)(
    '%s: 403 outside the scope, and 403 for a reader without the relation',
    async (action) => {
      const id = await caseFor(action);
      const outside = await act(t, who.longquan, id, action);
      expect([outside.statusCode, errorCode(outside)]).toEqual([403, 'FORBIDDEN']);
      const stranger = await act(t, who[LACKS[action]], id, action);
      expect([stranger.statusCode, errorCode(stranger)]).toEqual([403, 'FORBIDDEN']);
      expect((await caseRow(t.platform, id)).status).toBe(STARTS[action].status);
    },
  );

  it.each(CIVIC_CASE_ACTIONS)('%s: 409 CIVIC_CASE_TRANSITION from a voided case', async (action) => {
    const { id } = await insertCase(t.platform, county, { status: 'voided' });
    const res = await act(t, who.secretary, id, action);
    expect([res.statusCode, errorCode(res)]).toEqual([409, 'CIVIC_CASE_TRANSITION']);
    expect(res.json().error.details).toEqual({ status: 'voided', action });
  });

  it.each(Object.entries(MISSING))('%s: 400 when a required field is missing', async (action, missing) => {
    const id = await caseFor(action as CivicCaseAction);
    const res = await act(t, who[missing.who], id, action as CivicCaseAction, missing.body);
    expect([res.statusCode, errorCode(res)]).toEqual([400, 'VALIDATION_FAILED']);
    expect(res.json().error.details.issues).toEqual([expect.objectContaining({ path: missing.path })]);
    expect((await caseRow(t.platform, id)).version).toBe(1);
  });

  it('rejects unknown actions, unknown body fields and a deferral that is not in the future', async () => {
    const id = await caseFor('request_deferral');
    expect((await act(t, who.handler, id, 'fly' as CivicCaseAction)).statusCode).toBe(400);
    const extra = await act(t, who.handler, id, 'comment', { publicNote: '好', colour: 'red' } as CaseActionBody);
    expect(extra.statusCode).toBe(400);
    const past = await act(t, who.handler, id, 'request_deferral', { deferUntil: '2026-11-27', reason: '等资金' });
    expect(res400Path(past)).toBe('deferUntil');
  });

  it('keeps internal notes to staff: the reporter may add a public note but not an internal one', async () => {
    const id = await caseFor('comment');
    expect((await act(t, who.resident, id, 'comment', { publicNote: '还在漏水' })).statusCode).toBe(200);
    const internal = await act(t, who.resident, id, 'comment', { internalNote: '悄悄话' });
    expect([internal.statusCode, errorCode(internal)]).toEqual([403, 'FORBIDDEN']);
  });

  it('refuses a unit of another compound and an unknown unit at dispatch', async () => {
    const { id } = await insertCase(t.platform, county, { status: 'accepted', compound: 'B' });
    const foreign = await act(t, who.longquan, id, 'dispatch', { unit: { kind: 'branch', id: county.branchPartyA } });
    expect(res400Path(foreign)).toBe('unit');
    const unknown = await act(t, who.longquan, id, 'dispatch', {
      unit: { kind: 'grid', id: '00000000-0000-7000-8000-00000000dead' },
    });
    expect(res400Path(unknown)).toBe('unit');
  });

  it('answers 404 for a case that does not exist', async () => {
    const res = await act(t, who.secretary, '00000000-0000-7000-8000-00000000beef', 'accept', {}, 1);
    expect(res.statusCode).toBe(404);
  });
});

function res400Path(res: { statusCode: number; json(): unknown }): string | undefined {
  expect(res.statusCode).toBe(400);
  const body = res.json() as { error: { details: { issues: { path: string }[] } } };
  return body.error.details.issues[0]?.path;
}
