import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, sessionFor } from '../../../test/factories.ts';
import { as, createTestApp, type TestApp } from '../../../test/harness.ts';
import { DAY_MS, HOUR_MS, isoNow } from '../clock.ts';
import { newId } from '../ids.ts';
import { platformJobHandlers } from './index.ts';
import { enqueueJob } from './job.repository.ts';
import { runNextJob } from './job-runner.ts';

describe('purge of expired records', () => {
  let t: TestApp;
  const at = (ms: number) => new Date(t.clock.now().getTime() + ms).toISOString();

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('deletes ended sessions, spent challenges, old codes, expired idempotency records, old finished jobs and abandoned photos', async () => {
    const user = await createUser(t.platform);
    const live = await sessionFor(t.platform, user.id);
    const revoked = await sessionFor(t.platform, user.id);
    await t.platform.db
      .updateTable('user_session')
      .set({ revoked_at: isoNow(t.clock) })
      .where('id', '!=', '')
      .execute();
    await t.platform.db
      .updateTable('user_session')
      .set({ revoked_at: null })
      .where('csrf_token', '=', live.csrfToken)
      .execute();
    const expired = await sessionFor(t.platform, user.id);
    await t.platform.db
      .updateTable('user_session')
      .set({ expires_at: at(-HOUR_MS) })
      .where('csrf_token', '=', expired.csrfToken)
      .execute();

    const challenge = (id: string, expires: string, consumed: string | null) => ({
      id,
      user_id: user.id,
      kind: 'mfa' as const,
      pending_totp_secret_cipher: null,
      attempts: 0,
      expires_at: expires,
      consumed_at: consumed,
      created_at: isoNow(t.clock),
    });
    await t.platform.db
      .insertInto('login_challenge')
      .values([
        challenge('c-live', at(HOUR_MS), null),
        challenge('c-expired', at(-1), null),
        challenge('c-used', at(HOUR_MS), isoNow(t.clock)),
      ])
      .execute();

    const otp = (id: string, expires: string) => ({
      id,
      phone_index: 'p',
      purpose: 'login' as const,
      code_hash: 'h',
      attempts: 0,
      expires_at: expires,
      consumed_at: null,
      created_at: isoNow(t.clock),
    });
    await t.platform.db
      .insertInto('otp_code')
      .values([otp('o-recent', at(-HOUR_MS)), otp('o-old', at(-2 * DAY_MS))])
      .execute();

    const idem = (key: string, expires: string) => ({
      scope: 'user:x',
      idem_key: key,
      fingerprint: 'f',
      status_code: 201,
      response_body: '{}',
      created_at: isoNow(t.clock),
      expires_at: expires,
    });
    await t.platform.db
      .insertInto('idempotency_record')
      .values([idem('k-live', at(HOUR_MS)), idem('k-old', at(-1))])
      .execute();

    const oldDone = newId();
    const oldFailed = newId();
    await t.platform.db
      .insertInto('job')
      .values(
        [
          [oldDone, 'done'],
          [oldFailed, 'failed'],
        ].map(([id, status]) => ({
          id: id ?? '',
          kind: 'x',
          unique_key: null,
          payload: 'null',
          status: status as 'done' | 'failed',
          run_at: at(-30 * DAY_MS),
          attempts: 1,
          max_attempts: 5,
          locked_by: null,
          locked_until: null,
          last_error: null,
          created_at: at(-30 * DAY_MS),
          updated_at: at(-30 * DAY_MS),
        })),
      )
      .execute();

    const photo = (id: string, ownerId: string | null, ageMs: number) => ({
      id,
      purpose: 'photo' as const,
      owner_type: ownerId ? 'service_record' : null,
      owner_id: ownerId,
      path: '/',
      file_name: `${id}.jpg`,
      media_type: 'image/jpeg',
      byte_size: 3,
      sha256: 'x',
      created_at: at(-ageMs),
      created_by: null,
    });
    const photos = [
      photo('p-abandoned', null, 2 * DAY_MS),
      photo('p-fresh', null, HOUR_MS),
      photo('p-kept', 'r1', 9 * DAY_MS),
    ];
    await t.platform.db.insertInto('stored_file').values(photos).execute();
    await t.platform.db
      .insertInto('stored_file_content')
      .values(photos.map((p) => ({ file_id: p.id, content: Buffer.from('abc') })))
      .execute();

    await enqueueJob(t.platform.db, { kind: 'platform.purge_expired' }, t.clock);
    expect(await runNextJob(t.platform, platformJobHandlers, { pollMs: 10, workerId: 'purge-test' })).toBe(true);

    const sessions = await t.platform.db.selectFrom('user_session').select('csrf_token').execute();
    expect(sessions.map((s) => s.csrf_token)).toEqual([live.csrfToken]);
    expect((await as(t.app, live).get('/api/v1/accounts')).statusCode).toBe(403);
    expect((await as(t.app, revoked).get('/api/v1/accounts')).statusCode).toBe(401);

    const ids = async (table: 'login_challenge' | 'otp_code') =>
      (await t.platform.db.selectFrom(table).select('id').orderBy('id').execute()).map((r) => r.id);
    expect(await ids('login_challenge')).toEqual(['c-live']);
    expect(await ids('otp_code')).toEqual(['o-recent']);
    const keys = await t.platform.db.selectFrom('idempotency_record').select('idem_key').execute();
    expect(keys.map((k) => k.idem_key)).toEqual(['k-live']);
    const jobs = await t.platform.db.selectFrom('job').select('id').where('id', 'in', [oldDone, oldFailed]).execute();
    expect(jobs.map((j) => j.id)).toEqual([oldFailed]);
    const files = await t.platform.db.selectFrom('stored_file').select('id').orderBy('id').execute();
    expect(files.map((f) => f.id)).toEqual(['p-fresh', 'p-kept']);
    const contents = await t.platform.db
      .selectFrom('stored_file_content')
      .select('file_id')
      .orderBy('file_id')
      .execute();
    expect(contents.map((c) => c.file_id)).toEqual(['p-fresh', 'p-kept']);
  });
});
