import { CIVIC_CASE_ACTIONS, CIVIC_CASE_STATUSES, type CivicCaseAction, type CivicCaseStatus } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import {
  actionsFrom,
  END_STATUSES,
  isOpenStatus,
  OPEN_STATUSES,
  stepOf,
  TRANSITIONS,
  transitionFor,
} from './civic-case-status.ts';

/** Every edge of the table, one per (row, from). */
const EDGES = TRANSITIONS.flatMap((t) =>
  t.from.map((from) => ({ ...t, from, expected: t.to === 'same' ? from : t.to })),
);

const inTable = (status: CivicCaseStatus, action: CivicCaseAction, variant?: 'grant_deferral') =>
  TRANSITIONS.some((t) => t.action === action && t.variant === variant && t.from.includes(status));

describe('the 民情 transition table', () => {
  it.each(EDGES.map((e) => [`${e.action}${e.variant ? `(${e.variant})` : ''}: ${e.from} → ${e.expected}`, e] as const))(
    '%s',
    (_name, edge) => {
      const found = transitionFor(edge.from, edge.action, edge.variant);
      expect(found?.next).toBe(edge.expected);
      expect(found?.by).toEqual(edge.by);
    },
  );

  const pairs = CIVIC_CASE_STATUSES.flatMap((status) => CIVIC_CASE_ACTIONS.map((action) => [status, action] as const));
  const missing = pairs.filter(([status, action]) => !inTable(status, action));

  it('refuses every (status, action) pair that is not in the table', () => {
    // Sanity: the table leaves most pairs out, and the end states allow only the return visit.
    expect(missing.length).toBeGreaterThan(150);
    for (const [status, action] of missing) {
      expect(transitionFor(status, action), `${action} from ${status}`).toBeUndefined();
      if (!inTable(status, action, 'grant_deferral')) {
        expect(transitionFor(status, action, 'grant_deferral'), `${action}* from ${status}`).toBeUndefined();
      }
    }
  });

  it('lists from each status exactly the actions some row allows', () => {
    for (const status of CIVIC_CASE_STATUSES) {
      const expected = CIVIC_CASE_ACTIONS.filter((a) => inTable(status, a) || inTable(status, a, 'grant_deferral'));
      expect(actionsFrom(status).sort()).toEqual([...expected].sort());
    }
  });

  it('parks a case only when a deferral is granted, and otherwise leaves a decided request where it was', () => {
    for (const status of ['signed', 'in_progress', 'rework'] as const) {
      expect(transitionFor(status, 'decide_request')?.next).toBe(status);
      expect(transitionFor(status, 'decide_request', 'grant_deferral')?.next).toBe('deferred');
    }
  });

  it('lets nothing but rating and reopening touch a closed case, and nothing at all a voided one', () => {
    expect(actionsFrom('closed').sort()).toEqual(['rate', 'reopen']);
    expect(actionsFrom('voided')).toEqual([]);
    expect(END_STATUSES.every((s) => !isOpenStatus(s))).toBe(true);
    expect(OPEN_STATUSES.every((s) => actionsFrom(s).includes('comment') && actionsFrom(s).includes('supervise'))).toBe(
      true,
    );
  });

  it('times intake on the accept limit, dispatch on sign-for, working statuses on handling, and stops the clock when parked', () => {
    const steps = Object.fromEntries(CIVIC_CASE_STATUSES.map((s) => [s, stepOf(s)]));
    expect(steps).toEqual({
      submitted: 'accept',
      triaged: 'accept',
      accepted: 'accept',
      dispatched: 'sign',
      signed: 'handle',
      in_progress: 'handle',
      deferred: null,
      rework: 'handle',
      handled: 'verify',
      verified: null,
      closed: null,
      voided: null,
    });
  });
});
