import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildCounty, signInAs } from '../../../test/factories.ts';
import { as, createTestApp, errorCode, type TestApp } from '../../../test/harness.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { AppError } from '../errors/app-error.ts';
import { transact } from '../transaction.ts';

describe('HTTP platform: errors, CSRF, headers, health', () => {
  let t: TestApp;
  let county: Awaited<ReturnType<typeof buildCounty>>;

  beforeAll(async () => {
    t = await createTestApp({
      extraRoutes: (app) => {
        app.get('/api/v1/test/crash', async () => {
          throw new Error('secret internal detail at /srv/linli/db.ts:42');
        });
        app.post(
          '/api/v1/test/echo',
          { schema: { body: z.object({ n: z.number().int().max(10) }).strict() } },
          async (request) => request.body,
        );
        app.post('/api/v1/test/conflict', async () => {
          throw new AppError('VERSION_STALE');
        });
        app.post('/api/v1/test/audited', { config: { idempotency: 'optional' } }, async (request, reply) => {
          const result = await transact(request.ctx, async (trx) => {
            await appendAudit(trx, request.ctx, { action: 'test.audited' });
            return { ok: true, at: request.ctx.clock.now().toISOString() };
          });
          return reply.status(201).send(result);
        });
      },
    });
    county = await buildCounty(t.platform);
  });
  afterAll(() => t.close());

  it('answers bad input with 400 VALIDATION_FAILED, the issues and a Chinese message by default', async () => {
    const response = await as(t.app, null).post('/api/v1/test/echo', { n: 99 });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(body.error.details.issues[0].path).toContain('n');
    expect(body.error.requestId).toBeTruthy();
  });

  it('speaks English when the client asks for en-US', async () => {
    const response = await as(t.app, null).post(
      '/api/v1/test/echo',
      { n: 'x' },
      { 'accept-language': 'en-US,en;q=0.9' },
    );
    expect(response.json().error.message).toBe('Some fields are invalid; please correct them');
  });

  it('answers malformed JSON with a 400, not a 500', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"n":',
    });
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe('VALIDATION_FAILED');
  });

  it('maps each AppError code to its status from the one table', async () => {
    const response = await as(t.app, null).post('/api/v1/test/conflict');
    expect(response.statusCode).toBe(412);
  });

  it('hides internals of an unexpected failure behind a generic 500 (WEB-6)', async () => {
    const response = await as(t.app, null).get('/api/v1/test/crash');
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('secret');
    expect(response.body).not.toMatch(/\bat\s/);
    expect(errorCode(response)).toBe('INTERNAL');
  });

  it('answers unknown API paths with the same error envelope', async () => {
    const response = await as(t.app, null).get('/api/v1/no-such-thing');
    expect(response.statusCode).toBe(404);
    expect(errorCode(response)).toBe('NOT_FOUND');
  });

  it('refuses a signed-in write without the CSRF token, and one from a foreign origin (WEB-2)', async () => {
    const session = await signInAs(t.platform, 'county_admin', county.county);
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test/echo',
      headers: { cookie: session.cookie },
      payload: { n: 1 },
    });
    expect(noToken.statusCode).toBe(403);
    expect(errorCode(noToken)).toBe('CSRF_REJECTED');
    const foreign = await as(t.app, session).post('/api/v1/test/echo', { n: 1 }, { origin: 'https://evil.example' });
    expect(foreign.statusCode).toBe(403);
    const ok = await as(t.app, session).post('/api/v1/test/echo', { n: 1 }, { origin: 'http://localhost:80' });
    expect(ok.statusCode).toBe(200);
  });

  it('audits a denied request (SEC-14)', async () => {
    const session = await signInAs(t.platform, 'county_admin', county.county);
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/test/echo',
      headers: { cookie: session.cookie },
      payload: { n: 1 },
    });
    const denied = await t.platform.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'access.denied')
      .execute();
    expect(denied.length).toBeGreaterThan(0);
    expect(denied.at(-1)?.actor_id).toBe(session.userId);
  });

  it('sends the security headers and no-store on API answers (WEB-5)', async () => {
    const response = await as(t.app, null).get('/api/v1/no-such-thing');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(String(response.headers['content-type'])).toContain('charset=utf-8');
  });

  it('replays an idempotent POST instead of writing twice, and refuses the key with another body (REL-6)', async () => {
    const headers = { 'idempotency-key': 'test-key-0001' };
    const first = await as(t.app, null).post('/api/v1/test/audited', { a: 1 }, headers);
    t.clock.advance(5_000);
    const replay = await as(t.app, null).post('/api/v1/test/audited', { a: 1 }, headers);
    expect(first.statusCode).toBe(201);
    expect(replay.statusCode).toBe(201);
    expect(replay.json()).toEqual(first.json());
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const rows = await t.platform.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'test.audited')
      .execute();
    expect(rows).toHaveLength(1);
    const reused = await as(t.app, null).post('/api/v1/test/audited', { a: 2 }, headers);
    expect(reused.statusCode).toBe(422);
    const badKey = await as(t.app, null).post('/api/v1/test/audited', { a: 1 }, { 'idempotency-key': 'x' });
    expect(badKey.statusCode).toBe(400);
  });

  it('reports health with the database check', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', db: 'ok' });
  });
});
