import type { SlaStep } from '@linli/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestApp } from '../../../../test/harness.ts';
import { DAY_MS, HOUR_MS, isoIn, MINUTE_MS } from '../../../platform/clock.ts';
import { systemCtx } from '../../../platform/context.ts';
import { runNextJob } from '../../../platform/jobs/job-runner.ts';
import { scheduleRecurring } from '../../../platform/jobs/recurring.ts';
import {
  type CivicCounty,
  type InsertCaseOptions,
  insertCase,
  propertyUnitA,
  setupCivicTest,
} from '../civic-cases.test-support.ts';
import { runSupervisionSweep, SUPERVISION_SWEEP_JOB, supervisionJobHandlers } from './supervision.jobs.ts';

describe('the supervision sweep', () => {
  let t: TestApp;
  let county: CivicCounty;
  let s: Record<'communityAdmin' | 'jinbiAdmin' | 'countyAdmin' | 'secretaryA' | 'handlerA', Session>;
  const sweep = () => runSupervisionSweep(systemCtx(t.platform));

  /** A case in `step` whose due-soon point is `dueSoonIn` and deadline `deadlineIn` from now. */
  const timedCase = (step: SlaStep, dueSoonIn: number, deadlineIn: number, options: InsertCaseOptions = {}) =>
    insertCase(t.platform, county, {
      status: step === 'accept' ? 'accepted' : step === 'sign' ? 'dispatched' : 'in_progress',
      ...options,
      overrides: {
        step,
        step_started_at: isoIn(t.clock, -DAY_MS),
        due_soon_at: isoIn(t.clock, dueSoonIn),
        deadline_at: isoIn(t.clock, deadlineIn),
        ...options.overrides,
      },
    });

  const notices = (session: Session, kind: string) =>
    t.platform.db
      .selectFrom('notification')
      .select(['title', 'body', 'link'])
      .where('user_id', '=', session.userId)
      .where('kind', '=', kind)
      .execute();
  const caseRow = (id: string) =>
    t.platform.db.selectFrom('civic_case').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const eventsOf = (id: string, type: string) =>
    t.platform.db
      .selectFrom('civic_case_event')
      .selectAll()
      .where('case_id', '=', id)
      .where('type', '=', type as 'overdue')
      .execute();
  const supervisionsOf = (id: string) =>
    t.platform.db.selectFrom('civic_supervision').selectAll().where('case_id', '=', id).execute();

  beforeAll(async () => {
    const setup = await setupCivicTest('communityAdmin', 'jinbiAdmin', 'countyAdmin', 'secretaryA', 'handlerA');
    t = setup.t;
    county = setup.county;
    s = setup;
    t.clock.set('2026-11-27T02:00:00.000Z'); // Friday 10:00 in Shanghai
  });
  afterAll(() => t.close());

  it('warns the unit once per step, flags overdue once and escalates once to the community of the compound', async () => {
    const c = await timedCase('handle', HOUR_MS, 3 * HOUR_MS, { unit: propertyUnitA(county) });
    expect(await sweep()).toEqual({ warned: 0, flagged: 0, escalated: 0 });

    t.clock.advance(HOUR_MS + MINUTE_MS);
    expect(await sweep()).toEqual({ warned: 1, flagged: 0, escalated: 0 });
    expect(await sweep()).toEqual({ warned: 0, flagged: 0, escalated: 0 });
    const warnings = await notices(s.handlerA, 'civic_case.due_soon');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.link).toBe(`/civic-cases/${c.id}`);
    expect((await caseRow(c.id)).due_soon_warned_at).toBe(t.clock.now().toISOString());

    t.clock.advance(2 * HOUR_MS);
    const escalatedAt = t.clock.now();
    expect(await sweep()).toEqual({ warned: 0, flagged: 1, escalated: 1 });
    const row = await caseRow(c.id);
    expect([row.overdue, row.open_supervisions]).toEqual([1, 1]);
    const [overdue] = await eventsOf(c.id, 'overdue');
    expect(overdue).toMatchObject({ actor_user_id: null, actor_role: 'system', on_time: 0, deadline: row.deadline_at });
    const [supervise] = await eventsOf(c.id, 'supervise');
    expect(supervise).toMatchObject({ actor_user_id: null, on_time: 0, deadline: row.deadline_at });

    const [record, ...more] = await supervisionsOf(c.id);
    expect(more).toHaveLength(0);
    expect(record).toMatchObject({
      kind: 'auto',
      status: 'open',
      level_org_id: county.community.id,
      level_path: county.community.path,
      unit_kind: 'property_company',
      unit_id: county.propertyCompanyA,
      dedupe_key: `${c.id}:handle:${row.deadline_at}`,
      // Friday 13:01 + one working day = Monday 13:01 (the weekend does not count).
      due_at: new Date(escalatedAt.getTime() + 3 * DAY_MS).toISOString(),
    });
    expect(await notices(s.communityAdmin, 'civic_case.supervise')).toHaveLength(1);
    expect(await notices(s.jinbiAdmin, 'civic_case.supervise')).toHaveLength(0);
    expect(await notices(s.handlerA, 'civic_case.supervise')).toHaveLength(1);
    expect(await notices(s.handlerA, 'civic_case.overdue')).toHaveLength(1);
    const audit = await t.platform.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_id', 'in', [c.id, record?.id ?? ''])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'civic_case.due_soon_warn',
      'civic_case.overdue',
      'civic_supervision.create',
    ]);

    t.clock.advance(HOUR_MS);
    expect(await sweep()).toEqual({ warned: 0, flagged: 0, escalated: 0 });
    expect(await supervisionsOf(c.id)).toHaveLength(1);
    expect((await caseRow(c.id)).open_supervisions).toBe(1);
    expect(await eventsOf(c.id, 'overdue')).toHaveLength(1);
    expect(await notices(s.handlerA, 'civic_case.due_soon')).toHaveLength(1);
  });

  it('warns again when a new step starts, because the old warning belongs to the old step', async () => {
    const c = await timedCase('sign', -MINUTE_MS, HOUR_MS, { unit: propertyUnitA(county) });
    expect((await sweep()).warned).toBe(1);
    t.clock.advance(MINUTE_MS);
    await t.platform.db
      .updateTable('civic_case')
      .set({
        status: 'in_progress',
        step: 'handle',
        step_started_at: isoIn(t.clock, 0),
        due_soon_at: isoIn(t.clock, MINUTE_MS),
        deadline_at: isoIn(t.clock, DAY_MS),
      })
      .where('id', '=', c.id)
      .execute();
    expect((await sweep()).warned).toBe(0);
    t.clock.advance(2 * MINUTE_MS);
    expect((await sweep()).warned).toBe(1);
    expect((await sweep()).warned).toBe(0);
  });

  it('escalates an org unit’s case to its parent organisation and tells that level’s admins', async () => {
    const unit = { kind: 'org' as const, id: county.community.id, path: county.community.path, name: '金碧社区党总支' };
    const c = await timedCase('handle', -2 * HOUR_MS, -HOUR_MS, { unit });
    expect(await sweep()).toMatchObject({ flagged: 1, escalated: 1 });
    const [record] = await supervisionsOf(c.id);
    expect(record).toMatchObject({ level_org_id: county.committee.id, unit_kind: 'org', unit_id: county.community.id });
    expect(await notices(s.jinbiAdmin, 'civic_case.supervise')).toHaveLength(1);
    // The community's own admin answers for the unit, so hears of it as the unit.
    const unitNotices = await notices(s.communityAdmin, 'civic_case.supervise');
    expect(unitNotices.some((n) => n.title === '事项被督办')).toBe(true);
    expect(await sweep()).toEqual({ warned: 0, flagged: 0, escalated: 0 });
  });

  it('escalates a case overdue in intake to the community and tells its dispatchers', async () => {
    const c = await timedCase('accept', -2 * HOUR_MS, -HOUR_MS);
    expect(await sweep()).toMatchObject({ flagged: 1, escalated: 1 });
    const [record] = await supervisionsOf(c.id);
    expect(record).toMatchObject({ level_org_id: county.community.id, unit_kind: null, unit_id: null });
    const told = await notices(s.secretaryA, 'civic_case.supervise');
    expect(told.some((n) => n.link === `/civic-cases/${c.id}`)).toBe(true);
  });

  it('skips deferred and closed cases', async () => {
    const deferred = await insertCase(t.platform, county, {
      status: 'deferred',
      unit: propertyUnitA(county),
      overrides: { deadline_at: null, due_soon_at: null },
    });
    const closed = await timedCase('handle', -2 * HOUR_MS, -HOUR_MS, { status: 'closed' });
    const before = await t.platform.db.selectFrom('civic_supervision').select('id').execute();
    expect(await sweep()).toEqual({ warned: 0, flagged: 0, escalated: 0 });
    expect(await t.platform.db.selectFrom('civic_supervision').select('id').execute()).toHaveLength(before.length);
    for (const id of [deferred.id, closed.id]) expect((await caseRow(id)).overdue).toBe(0);
  });

  it('runs as the recurring civic.supervision-sweep job every five minutes', async () => {
    expect(supervisionJobHandlers[SUPERVISION_SWEEP_JOB]?.everyMs).toBe(5 * MINUTE_MS);
    const c = await timedCase('handle', -2 * HOUR_MS, -HOUR_MS, { unit: propertyUnitA(county) });
    await scheduleRecurring(t.platform.db, { kind: SUPERVISION_SWEEP_JOB }, t.clock);
    expect(await runNextJob(t.platform, supervisionJobHandlers, { pollMs: 10, workerId: 'sweep-test' })).toBe(true);
    expect(await supervisionsOf(c.id)).toHaveLength(1);
    expect((await caseRow(c.id)).overdue).toBe(1);
  });
});
