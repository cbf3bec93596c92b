import { CIVIC_CASE_STATUSES } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import { type AbilityInput, caseAbilities, refusalOf } from './case-abilities.ts';
import { actionsFrom, type CaseRelation } from './civic-case-status.ts';

const NOW = new Date('2026-03-10T02:00:00.000Z');

const input = (overrides: Partial<AbilityInput> & { relations?: ReadonlySet<CaseRelation> }): AbilityInput => ({
  status: 'submitted',
  relations: new Set<CaseRelation>(['reader']),
  pendingRequest: null,
  anonymous: false,
  contactedAt: null,
  ratedAt: null,
  closedAt: null,
  now: NOW,
  reopenWindowDays: 7,
  kind: 'request',
  ...overrides,
});

const rel = (...relations: CaseRelation[]) => new Set<CaseRelation>(['reader', ...relations]);
const keys = (abilities: Record<string, boolean | undefined>) => Object.keys(abilities).sort();

describe('case abilities', () => {
  it('gives a dispatcher the intake steps of a new case and a plain reader only comments', () => {
    expect(keys(caseAbilities(input({ relations: rel('dispatcher') })))).toEqual([
      'accept',
      'comment',
      'merge',
      'triage',
      'void',
    ]);
    expect(keys(caseAbilities(input({})))).toEqual(['comment']);
  });

  it('lets the lead unit sign for or send back a dispatched case, and the dispatcher reassign it', () => {
    expect(keys(caseAbilities(input({ status: 'dispatched', relations: rel('handler') })))).toEqual([
      'comment',
      'send_back',
      'sign',
    ]);
    expect(keys(caseAbilities(input({ status: 'dispatched', relations: rel('dispatcher') })))).toEqual([
      'comment',
      'reassign',
    ]);
  });

  it('offers requests only without a pending one, and the decision only with one', () => {
    const free = caseAbilities(input({ status: 'in_progress', relations: rel('handler', 'dispatcher') }));
    expect(free.request_extension && free.request_deferral).toBe(true);
    expect(free.decide_request).toBeUndefined();
    const pending = input({
      status: 'in_progress',
      relations: rel('handler', 'dispatcher'),
      pendingRequest: 'extension',
    });
    expect(caseAbilities(pending).decide_request).toBe(true);
    expect(caseAbilities(pending).request_deferral).toBeUndefined();
    expect(refusalOf(pending, 'request_extension')).toBe('transition');
    expect(refusalOf({ ...pending, pendingRequest: null }, 'decide_request')).toBe('transition');
  });

  it('never offers to contact an anonymous reporter, and counts only the first contact', () => {
    const signed = input({ status: 'signed', relations: rel('handler') });
    expect(caseAbilities(signed).contact).toBe(true);
    expect(refusalOf({ ...signed, anonymous: true }, 'contact')).toBe('transition');
    expect(refusalOf({ ...signed, contactedAt: '2026-03-09T02:00:00.000Z' }, 'contact')).toBe('transition');
  });

  it('rates a closed case once per closure', () => {
    const closed = input({ status: 'closed', relations: rel('reporter'), closedAt: '2026-03-09T02:00:00.000Z' });
    expect(caseAbilities(closed).rate).toBe(true);
    expect(refusalOf({ ...closed, ratedAt: '2026-03-09T03:00:00.000Z' }, 'rate')).toBe('transition');
    // Rated, reopened and closed again: the new closure gets its own return visit.
    expect(refusalOf({ ...closed, ratedAt: '2026-03-08T03:00:00.000Z' }, 'rate')).toBeNull();
  });

  it('lets the reporter reopen within the window after closing, and a dispatcher at any time', () => {
    const closedAt = '2026-03-03T02:00:00.000Z';
    const reporter = input({ status: 'closed', relations: rel('reporter'), closedAt });
    expect(refusalOf(reporter, 'reopen')).toBeNull(); // exactly 7 days: still inside
    const late = { ...reporter, now: new Date('2026-03-10T02:00:00.001Z') };
    expect(refusalOf(late, 'reopen')).toBe('reopen_window');
    expect(caseAbilities(late).reopen).toBeUndefined();
    expect(refusalOf({ ...late, relations: rel('dispatcher') }, 'reopen')).toBeNull();
  });

  it('tells a missing edge (409) from a missing relation (403)', () => {
    expect(refusalOf(input({ relations: rel('handler') }), 'sign')).toBe('transition');
    expect(refusalOf(input({ status: 'dispatched', relations: rel() }), 'sign')).toBe('forbidden');
    expect(refusalOf(input({ status: 'handled', relations: rel('handler') }), 'verify')).toBe('forbidden');
    expect(refusalOf(input({ status: 'handled', relations: rel('verifier') }), 'verify')).toBeNull();
  });

  it('never offers an action the table does not have from the status, whatever the relations', () => {
    const everyone = rel('dispatcher', 'handler', 'verifier', 'reporter', 'supervisor');
    for (const status of CIVIC_CASE_STATUSES) {
      const abilities = caseAbilities(
        input({ status, relations: everyone, closedAt: '2026-03-09T02:00:00.000Z', pendingRequest: null }),
      );
      for (const action of Object.keys(abilities)) expect(actionsFrom(status)).toContain(action);
    }
    expect(caseAbilities(input({ status: 'voided', relations: everyone }))).toEqual({});
  });
});
