import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORY, type CivicCounty, setupCivicTest } from '../../src/modules/civic-cases/civic-cases.test-support.ts';
import { ifMatch } from '../../src/modules/organisation/organisation.test-support.ts';
import { signInAs } from '../factories.ts';
import { as, errorCode, type Session, type TestApp } from '../harness.ts';
import { startRawPost, waitUntil } from './concurrency-http.ts';
import { IDEMPOTENT_BURST } from './reliability-size.ts';

/**
 * REL-6 and REL-7 against the app listening on a real port: each concurrent request arrives on its own TCP
 * connection, as a resident's repeated taps or two editors' browsers would, instead of through fastify's inject.
 */

const API = '/api/v1';

interface Answer {
  status: number;
  replayed: boolean;
  body: { id?: string | null; number?: string; error?: { code: string } };
}

describe('concurrent writes over HTTP (REL-6, REL-7)', () => {
  let t: TestApp;
  let county: CivicCounty;
  let residentA: Session;
  let residentB: Session;
  let residentC: Session;
  let base: string;
  let port: number;

  beforeAll(async () => {
    const s = await setupCivicTest('residentA', 'residentB');
    ({ t, county, residentA, residentB } = s);
    residentC = await signInAs(t.platform, 'resident', county.compoundA, '金碧居民丙');
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = Number(new URL(base).port);
  });
  afterAll(() => t.close());

  const report = (title: string) => ({
    categoryId: CATEGORY.property,
    title,
    description: '5栋门口路灯不亮，晚上出行不便。',
    place: { compoundId: county.compoundA.id, building: '5' },
  });
  const headersOf = (session: Session, key: string) => ({
    cookie: session.cookie,
    'x-csrf-token': session.csrfToken,
    'content-type': 'application/json',
    'idempotency-key': key,
  });
  const submit = async (session: Session, key: string, body: unknown): Promise<Answer> => {
    const response = await fetch(`${base}${API}/me/civic-cases`, {
      method: 'POST',
      headers: headersOf(session, key),
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      replayed: response.headers.get('idempotent-replayed') === 'true',
      body: (await response.json()) as Answer['body'],
    };
  };
  const casesTitled = (title: string) =>
    t.platform.db.selectFrom('civic_case').select(['id', 'reporter_user_id']).where('title', '=', title).execute();

  it(`makes one case of ${IDEMPOTENT_BURST} identical concurrent submissions with one Idempotency-Key`, async () => {
    const key = randomUUID();
    const body = report('路灯不亮（并发提交）');
    const answers = await Promise.all(Array.from({ length: IDEMPOTENT_BURST }, () => submit(residentA, key, body)));

    const created = answers.filter((a) => a.status === 201);
    const inFlight = answers.filter((a) => a.status === 409);
    // Documented answers (platform/http/idempotency.ts): the first commit's 201; a replay of that same 201 for a
    // twin that arrives after it; 409 IDEMPOTENCY_IN_FLIGHT for a twin that started before it committed.
    expect(created.length + inFlight.length, JSON.stringify(answers.map((a) => a.status))).toBe(IDEMPOTENT_BURST);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(created.filter((a) => !a.replayed)).toHaveLength(1);
    expect(new Set(created.map((a) => JSON.stringify(a.body))).size).toBe(1);
    for (const answer of inFlight) expect(answer.body.error?.code).toBe('IDEMPOTENCY_IN_FLIGHT');

    const rows = await casesTitled(body.title);
    expect(rows).toEqual([{ id: created[0]?.body.id, reporter_user_id: residentA.userId }]);
    const stored = await t.platform.db
      .selectFrom('idempotency_record')
      .select('idem_key')
      .where('scope', '=', `user:${residentA.userId}`)
      .where('idem_key', '=', key)
      .execute();
    expect(stored).toHaveLength(1);
    const audits = await t.platform.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'civic_case.submit')
      .where('object_id', '=', rows[0]?.id ?? '')
      .execute();
    expect(audits).toHaveLength(1);
    console.info(
      `REL-6 burst of ${IDEMPOTENT_BURST}: 1 created, ${created.length - 1} replayed 201, ${inFlight.length} × 409`,
    );
  });

  // The intake limit is 20 submissions a minute per account (WEB-3): the burst spends resident A's, so the other
  // cases run as residents B and C.
  it('answers 422 for the same key with another body, and keys are per user', async () => {
    const key = randomUUID();
    const first = await submit(residentB, key, report('路灯不亮（第一次）'));
    expect(first.status).toBe(201);
    const other = await submit(residentB, key, report('路灯不亮（改了内容）'));
    expect(other.status).toBe(422);
    expect(other.body.error?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await casesTitled('路灯不亮（改了内容）')).toEqual([]);
    // The stored key is scoped to its user: another resident's request with it is a request of its own.
    const stranger = await submit(residentC, key, report('路灯不亮（另一位居民）'));
    expect(stranger.status).toBe(201);
    expect(stranger.replayed).toBe(false);
    expect(stranger.body.id).not.toBe(first.body.id);
  });

  it('replays the committed answer to a client that dropped the connection before reading it', async () => {
    const key = randomUUID();
    const body = report('路灯不亮（网络中断）');
    const post = await startRawPost({ port, path: `${API}/me/civic-cases`, body, headers: headersOf(residentB, key) });
    await waitUntil('the dropped submission committed', async () => (await casesTitled(body.title)).length > 0);
    post.destroy();
    const retry = await submit(residentB, key, body);
    expect(retry.status).toBe(201);
    expect(retry.replayed).toBe(true);
    const rows = await casesTitled(body.title);
    expect(rows).toHaveLength(1);
    expect(retry.body.id).toBe(rows[0]?.id);
  });

  describe('REL-7: optimistic concurrency on an org unit', () => {
    let editorA: Session;
    let editorB: Session;
    const url = () => `${API}/org-units/${county.community.id}`;
    const stored = () =>
      t.platform.db
        .selectFrom('org_unit')
        .select(['name', 'version'])
        .where('id', '=', county.community.id)
        .executeTakeFirstOrThrow();

    beforeAll(async () => {
      editorA = await signInAs(t.platform, 'committee_admin', county.committee, '金碧镇编辑甲');
      editorB = await signInAs(t.platform, 'county_admin', county.county, '县委编辑乙');
    });

    it('refuses a save on a stale ETag with 412 and keeps the first writer’s data', async () => {
      const readA = await as(t.app, editorA).get(url());
      const readB = await as(t.app, editorB).get(url());
      expect(readA.headers.etag).toBe('"v1"');
      expect(readB.headers.etag).toBe('"v1"');
      const saveA = await as(t.app, editorA).patch(url(), { name: '金碧社区党总支（甲改）' }, { 'if-match': '"v1"' });
      expect(saveA.statusCode).toBe(200);
      expect(saveA.headers.etag).toBe('"v2"');
      const saveB = await as(t.app, editorB).patch(url(), { name: '金碧社区党总支（乙改）' }, { 'if-match': '"v1"' });
      expect(saveB.statusCode).toBe(412);
      expect(errorCode(saveB)).toBe('VERSION_STALE');
      expect(await stored()).toEqual({ name: '金碧社区党总支（甲改）', version: 2 });
      const audits = await t.platform.db
        .selectFrom('audit_log')
        .select('actor_id')
        .where('action', '=', 'org.update')
        .where('object_id', '=', county.community.id)
        .execute();
      expect(audits).toEqual([{ actor_id: editorA.userId }]);
    });

    it('requires If-Match: a save without it is 428 and changes nothing', async () => {
      const before = await stored();
      const blind = await as(t.app, editorB).patch(url(), { name: '金碧社区党总支（盲改）' });
      expect(blind.statusCode).toBe(428);
      expect(errorCode(blind)).toBe('VERSION_REQUIRED');
      expect(await stored()).toEqual(before);
    });

    it('lets exactly one of two simultaneous saves of the same version win', async () => {
      const { version } = await stored();
      const save = (editor: Session, name: string) =>
        fetch(`${base}${url()}`, {
          method: 'PATCH',
          headers: {
            cookie: editor.cookie,
            'x-csrf-token': editor.csrfToken,
            'content-type': 'application/json',
            ...ifMatch(version),
          },
          body: JSON.stringify({ name }),
        });
      const [a, b] = await Promise.all([save(editorA, '同时保存（甲）'), save(editorB, '同时保存（乙）')]);
      expect([a.status, b.status].sort()).toEqual([200, 412]);
      const winner = a.status === 200 ? '同时保存（甲）' : '同时保存（乙）';
      expect(await stored()).toEqual({ name: winner, version: version + 1 });
    });
  });
});
