import type { CaseActionBody, CivicCaseAction } from '@linli/contracts';
import { type Kysely, Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestApp } from '../../../../test/harness.ts';
import { migrateToLatest } from '../../../db/migrate.ts';
import { MIGRATIONS } from '../../../db/migrations/index.ts';
import { DAY_MS, HOUR_MS } from '../../../platform/clock.ts';
import { systemCtx } from '../../../platform/context.ts';
import { CATEGORY, type CivicCounty, insertCase, propertyUnitA, setupCivicTest } from '../civic-cases.test-support.ts';
import { postWithKey, sewerReport } from '../intake/intake.test-support.ts';
import { runSupervisionSweep } from '../supervision/supervision.jobs.ts';
import { act, actOk, travel } from '../workflow/workflow.test-support.ts';
import { expectTallyEqualsIndexes, tallySnapshot } from './civic-tally.test-support.ts';
import { civicTallyMismatches, rebuildCivicTally } from './civic-tally.verify.ts';

/** Friday 30 October 2026, 10:00 in Shanghai. */
const FRI_1030 = '2026-10-30T02:00:00.000Z';

const PERIODS = [
  { from: '2026-10-01', to: '2026-10-31' },
  { from: '2026-11-01', to: '2026-11-30' },
  { from: '2026-12-01', to: '2026-12-31' },
  { from: '2026-10-01', to: '2026-12-31' },
  { from: '2026-10-30', to: '2026-11-02' },
  { from: '2026-11-15', to: '2026-12-10' },
  { from: '2026-01-01', to: '2026-12-31' },
  { from: '2026-11-02', to: '2026-11-02' },
  { from: '2026-11-01', to: '2026-11-01' },
];

describe('the 民情 tally kept by the workflow', () => {
  let t: TestApp;
  let county: CivicCounty;
  let who: Record<'secretary' | 'gridWorker' | 'handler' | 'resident', Session>;

  beforeAll(async () => {
    const s = await setupCivicTest('secretaryA', 'gridWorkerA', 'handlerA', 'residentA');
    ({ t, county } = s);
    who = { secretary: s.secretaryA, gridWorker: s.gridWorkerA, handler: s.handlerA, resident: s.residentA };
  });
  afterAll(() => t.close());

  /** To 金碧花园's property company. */
  const toProperty = (): CaseActionBody => ({ unit: { kind: 'property_company', id: county.propertyCompanyA } });

  /** The tally equals a fresh count from the cases and their events: the invariant after every story step. */
  const expectConsistent = async (step: string) =>
    expect(await civicTallyMismatches(t.platform.db, t.platform.dialect), step).toEqual([]);

  /** Actions in turn, each by its role, then the invariant (checked once per list: it recounts everything). */
  async function steps(caseId: string, list: [keyof typeof who, CivicCaseAction, CaseActionBody?][]) {
    for (const [role, action, body] of list) await actOk(t, who[role], caseId, action, body ?? {});
    await expectConsistent(list.map(([role, action]) => `${action} by ${role}`).join(', '));
  }

  const fileReport = async (): Promise<string> => {
    const res = await postWithKey(t, who.resident, '/me/civic-cases', sewerReport(county));
    expect(res.statusCode, res.body).toBe(201);
    await expectConsistent('filed');
    return (res.json() as { id: string }).id;
  };

  it('follows a report through recategorising, rework, a dissatisfied rating’s reopen, closing again and a reopen', async () => {
    await travel(t, who, FRI_1030);
    const id = await fileReport();
    // A corrected category moves what the case counted so far.
    await steps(id, [['secretary', 'triage', { categoryId: CATEGORY.property }]]);
    await steps(id, [
      ['secretary', 'accept'],
      ['secretary', 'dispatch', toProperty()],
      ['handler', 'sign'],
      ['handler', 'contact'],
      ['handler', 'start'],
    ]);
    await travel(t, who, '2026-11-02T02:00:00.000Z');
    await steps(id, [
      ['handler', 'handle', { publicNote: '已疏通' }],
      ['gridWorker', 'reject', { reason: '仍有积水' }],
      ['handler', 'handle', { publicNote: '已彻底疏通' }],
      ['gridWorker', 'verify'],
      ['secretary', 'close', { endType: 'resolved' }],
    ]);
    // Dissatisfied: the system reopens it in the same transaction.
    await steps(id, [['resident', 'rate', { resolved: false, rating: 'dissatisfied' }]]);
    await travel(t, who, '2026-12-01T02:00:00.000Z');
    await steps(id, [
      ['handler', 'handle', { publicNote: '更换了管道' }],
      ['gridWorker', 'verify'],
      ['secretary', 'close', { endType: 'resolved' }],
      ['resident', 'rate', { resolved: true, rating: 'satisfied' }],
    ]);
    await travel(t, who, 2 * DAY_MS);
    await steps(id, [['resident', 'reopen', { reason: '又堵了' }]]);
  });

  it('counts a report made at 00:30 Beijing time on the 1st in the new month', async () => {
    await travel(t, who, '2026-10-31T16:30:00.000Z');
    const id = await fileReport();
    await steps(id, [['secretary', 'accept', { categoryId: CATEGORY.dispute }]]);
    const november = await t.platform.db
      .selectFrom('civic_case_tally')
      .select(['received', 'accepted'])
      .where('grain', '=', 'day')
      .where('bucket', '=', '2026-11-01')
      .where('category_id', '=', CATEGORY.dispute)
      .executeTakeFirstOrThrow();
    expect(november).toEqual({ received: 1, accepted: 1 });
  });

  it('follows extensions and deferrals granted and refused, a merge, voids, a reassignment and a send-back', async () => {
    await travel(t, who, '2026-11-09T02:00:00.000Z');
    const { id: survivor } = await insertCase(t.platform, county, { status: 'accepted' });
    await steps(survivor, [
      ['secretary', 'dispatch', toProperty()],
      ['handler', 'sign'],
      ['handler', 'request_extension', { extraMinutes: 1440, reason: '等配件' }],
      ['secretary', 'decide_request', { grant: true }],
      ['handler', 'request_extension', { extraMinutes: 1440, reason: '还要等' }],
      ['secretary', 'decide_request', { grant: false }],
      ['handler', 'request_deferral', { deferUntil: '2027-01-15', reason: '等维修基金' }],
      ['secretary', 'decide_request', { grant: true }],
      ['handler', 'resume'],
    ]);
    const { id: duplicate } = await insertCase(t.platform, county, { status: 'triaged' });
    await steps(duplicate, [['secretary', 'merge', { intoCaseId: survivor }]]);
    const { id: thin } = await insertCase(t.platform, county);
    await steps(thin, [['secretary', 'void', { voidReason: 'insufficient' }]]);
    const { id: elsewhere } = await insertCase(t.platform, county, { categoryId: CATEGORY.parking });
    await steps(elsewhere, [['secretary', 'void', { voidReason: 'out_of_scope' }]]);

    await travel(t, who, HOUR_MS);
    const { id: moved } = await insertCase(t.platform, county, { status: 'accepted' });
    await steps(moved, [
      ['secretary', 'dispatch', toProperty()],
      ['handler', 'sign'],
      ['handler', 'contact'],
      // 改派 starts sign-for and the call back afresh: the response counted at the first dispatch goes.
      ['secretary', 'reassign', { unit: { kind: 'grid', id: county.gridA.id } }],
    ]);
    const { id: back } = await insertCase(t.platform, county, { status: 'accepted', anonymous: true });
    await steps(back, [['secretary', 'dispatch', toProperty()]]);
    // The unit that sends a case back reads it no more: 204.
    expect((await act(t, who.handler, back, 'send_back', { reason: '不归物业管' })).statusCode).toBe(204);
    await expectConsistent('send_back');
    await steps(back, [
      ['secretary', 'dispatch', toProperty()],
      ['handler', 'sign'],
    ]);
  });

  it('leaves the tally alone when the sweep flags and escalates overdue cases', async () => {
    await insertCase(t.platform, county, {
      status: 'dispatched',
      unit: propertyUnitA(county),
      overrides: { step: 'sign', deadline_at: '2026-11-09T04:00:00.000Z', dispatched_on: '2026-11-09' },
    });
    await insertCase(t.platform, county, {
      compound: 'B',
      status: 'closed',
      receivedOn: '2026-11-03',
      overrides: { closed_on: '2026-11-20', end_type: 'resolved', handle_on_time: 1, rated_on: '2026-11-21' },
    });
    await travel(t, who, 20 * DAY_MS);
    expect((await runSupervisionSweep(systemCtx(t.platform))).flagged).toBeGreaterThan(0);
    await expectConsistent('sweep');
  });

  it('answers every grouping, period and scope as the index queries do', async () => {
    const scopes = {
      county: county.county.path,
      town: county.committee.path,
      community: county.community.path,
      compound: county.compoundA.path,
      otherCompound: county.compoundB.path,
    };
    expect(await expectTallyEqualsIndexes(t, scopes, PERIODS)).toBeGreaterThan(0);
  });

  it('is reproduced exactly by a rebuild, and by the migration’s backfill of an existing database', async () => {
    const kept = await tallySnapshot(t);
    expect(kept.length).toBeGreaterThan(10);
    await rebuildCivicTally(t.platform.db, t.platform.dialect);
    expect(await tallySnapshot(t)).toEqual(kept);
    // Back to before migration 0014 (the table dropped), then up again as on an existing database: the backfill.
    const { dialect } = t.platform;
    const migrations = Object.fromEntries(
      Object.entries(MIGRATIONS).map(([name, m]) => [
        name,
        { up: (db: Kysely<unknown>) => m.up(db, dialect), down: (db: Kysely<unknown>) => m.down(db, dialect) },
      ]),
    );
    const migrator = new Migrator({ db: t.platform.db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('0013-reports-figures')).error).toBeUndefined();
    await migrateToLatest(t.database);
    expect(await tallySnapshot(t)).toEqual(kept);
  });
});
