import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignRole, buildCounty, createUser, sessionFor } from '../../../test/factories.ts';
import { as, createTestApp, type TestApp } from '../../../test/harness.ts';
import { DAY_MS } from '../clock.ts';
import { platformJobHandlers } from './index.ts';
import { runNextJob } from './job-runner.ts';
import { scheduleRecurring } from './recurring.ts';

const OPTIONS = { pollMs: 10, workerId: 'dormant-test' };

/** SEC-8 with a FakeClock: accounts idle for 90 days are disabled by the job, audited, sessions ended. */
describe('dormant-account job (SEC-8)', () => {
  let t: TestApp;
  let county: Awaited<ReturnType<typeof buildCounty>>;
  const daysAgo = (days: number) => new Date(t.clock.now().getTime() - days * DAY_MS).toISOString();

  /** A grid worker created `createdDaysAgo` and last signed in `lastLoginDaysAgo` (null: never). */
  async function staff(
    createdDaysAgo: number,
    lastLoginDaysAgo: number | null,
    role: 'grid_worker' | 'resident' = 'grid_worker',
  ) {
    const user = await createUser(t.platform);
    await assignRole(t.platform, user.id, role, role === 'grid_worker' ? county.gridA : county.compoundA);
    await t.platform.db
      .updateTable('app_user')
      .set({
        created_at: daysAgo(createdDaysAgo),
        updated_at: daysAgo(createdDaysAgo),
        last_login_at: lastLoginDaysAgo === null ? null : daysAgo(lastLoginDaysAgo),
      })
      .where('id', '=', user.id)
      .execute();
    return user.id;
  }

  const statusOf = async (id: string) =>
    (await t.platform.db.selectFrom('app_user').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
  const disableAudits = (id: string) =>
    t.platform.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'account.disable')
      .where('object_id', '=', id)
      .execute();

  beforeAll(async () => {
    t = await createTestApp();
    county = await buildCounty(t.platform);
  });
  afterAll(() => t.close());

  it('disables the dormant accounts only, audits each one and ends their sessions', async () => {
    const idle = await staff(200, 91);
    const neverSignedIn = await staff(120, null);
    const recent = await staff(200, 10);
    const young = await staff(30, null);
    const resident = await staff(400, 200, 'resident');
    const unassigned = (await createUser(t.platform)).id;
    await t.platform.db
      .updateTable('app_user')
      .set({ created_at: daysAgo(100), updated_at: daysAgo(100) })
      .where('id', '=', unassigned)
      .execute();
    const alreadyDisabled = await staff(300, 200);
    await t.platform.db.updateTable('app_user').set({ status: 'disabled' }).where('id', '=', alreadyDisabled).execute();
    const reEnabled = await staff(300, 200);
    await t.platform.db
      .updateTable('app_user')
      .set({ updated_at: daysAgo(5) })
      .where('id', '=', reEnabled)
      .execute();
    const idleSession = await sessionFor(t.platform, idle);

    await scheduleRecurring(t.platform.db, { kind: 'accounts.disable_dormant' }, t.clock);
    expect(await runNextJob(t.platform, platformJobHandlers, OPTIONS)).toBe(true);

    expect(await statusOf(idle)).toBe('disabled');
    expect(await statusOf(neverSignedIn)).toBe('disabled');
    expect(await statusOf(unassigned)).toBe('disabled');
    for (const id of [recent, young, resident, reEnabled]) expect(await statusOf(id)).toBe('active');

    const [audit] = await disableAudits(idle);
    expect(audit).toMatchObject({ actor_id: null, object_type: 'account', outcome: 'success' });
    expect(JSON.parse(audit?.details ?? '{}')).toEqual({
      reason: 'dormant',
      dormantDays: 90,
      lastLoginAt: daysAgo(91),
    });
    expect(await disableAudits(neverSignedIn)).toHaveLength(1);
    expect(await disableAudits(alreadyDisabled)).toEqual([]);
    expect(await disableAudits(recent)).toEqual([]);

    expect((await as(t.app, idleSession).get('/api/v1/accounts')).statusCode).toBe(401);
  });

  it('runs again a day later and catches an account that has gone dormant since', async () => {
    const crossing = await staff(200, 89);
    const step = () => runNextJob(t.platform, platformJobHandlers, OPTIONS);
    expect(await step()).toBe(false);
    t.clock.advance(DAY_MS);
    expect(await step()).toBe(true);
    expect(await statusOf(crossing)).toBe('active');
    t.clock.advance(DAY_MS);
    expect(await step()).toBe(true);
    expect(await statusOf(crossing)).toBe('disabled');
    expect(await disableAudits(crossing)).toHaveLength(1);
  });
});
