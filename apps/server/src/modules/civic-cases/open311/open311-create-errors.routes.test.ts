import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CivicCounty } from '../civic-cases.test-support.ts';
import { errorOf, issueKey, O311 } from './open311.test-support.ts';
import { type PostingSetup, setupOpen311Posting } from './open311-posting.test-support.ts';

describe('Open311 POST requests: the spec errors for keys, services, places and text', () => {
  let p: PostingSetup;
  let county: CivicCounty;
  let key: string;

  beforeAll(async () => {
    p = await setupOpen311Posting();
    county = p.county;
    key = p.key;
  });
  afterAll(() => p.t.close());

  const post = (fields: [string, string][], format: 'xml' | 'json' = 'json') => p.post(fields, format);

  it('answers a missing or invalid api_key with 403 in both formats, audited as a denial', async () => {
    for (const format of ['json', 'xml'] as const) {
      const missing = await post([['service_code', 'MS01']], format);
      expect(errorOf(missing)).toEqual({ status: 403, code: '403', description: 'api_key is required.' });
      const wrong = await post(
        [
          ['api_key', 'not-a-key'],
          ['service_code', 'MS01'],
        ],
        format,
      );
      expect(errorOf(wrong)).toEqual({ status: 403, code: '403', description: 'api_key is invalid or revoked.' });
    }
    const denials = await p.t.platform.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'access.denied')
      .execute();
    expect(denials.filter((d) => (d.details ?? '').includes('OPEN311_FORBIDDEN')).length).toBeGreaterThanOrEqual(4);
    expect(denials.some((d) => (d.details ?? '').includes('not-a-key'))).toBe(false);
  });

  it('answers a revoked key with 403 and stamps the last use of a working one', async () => {
    const issued = await issueKey(p.t, p.countyAdmin, '旧系统');
    const before = await post([
      ['api_key', issued.key],
      ['service_code', 'NOPE'],
    ]);
    expect(errorOf(before).status).toBe(404);
    const used = await p.t.platform.db
      .selectFrom('civic_api_key')
      .select('last_used_at')
      .where('id', '=', issued.id)
      .executeTakeFirstOrThrow();
    expect(used.last_used_at).not.toBeNull();
    const revoke = await p.t.app.inject({
      method: 'DELETE',
      url: `/api/v1/civic-api-keys/${issued.id}`,
      headers: { cookie: p.countyAdmin.cookie, 'x-csrf-token': p.countyAdmin.csrfToken },
    });
    expect(revoke.statusCode).toBe(204);
    const after = await post([
      ['api_key', issued.key],
      ['service_code', 'MS01'],
      ['address_id', county.compoundA.id],
      ['phone', '13900001111'],
    ]);
    expect(errorOf(after)).toMatchObject({ status: 403, description: 'api_key is invalid or revoked.' });
  });

  it('answers missing service_code 400, unknown or staff-only service 404, and every location problem 400', async () => {
    const keyed = (...fields: [string, string][]) => post([['api_key', key], ...fields]);
    expect(errorOf(await keyed(['service_code', '']))).toMatchObject({
      status: 400,
      description: 'service_code is required.',
    });
    for (const code of ['NOPE', 'PK02']) {
      expect(errorOf(await keyed(['service_code', code], ['phone', '13900001111'])).status).toBe(404);
    }
    const located = (...fields: [string, string][]) =>
      keyed(['service_code', 'MS01'], ['phone', '13900001111'], ...fields);
    const problems: [[string, string][], string][] = [
      [[], 'A location is required'],
      [[['lat', '30.5']], 'lat and long must be given together'],
      [
        [
          ['lat', 'north'],
          ['long', '114.3'],
        ],
        'WGS84',
      ],
      [
        [
          ['lat', '39.9'],
          ['long', '116.4'],
        ],
        'A location is required',
      ],
      [[['address_string', '北京市东城区']], 'A location is required'],
      [[['address_id', 'not-a-compound']], 'address_id is not a known compound id'],
      [[['address_id', '0190a0a0-0000-7000-8000-000000000000']], 'address_id is not a known compound id'],
    ];
    for (const [fields, description] of problems) {
      const res = await located(...fields);
      expect(errorOf(res)).toMatchObject({ status: 400, code: '400' });
      expect(errorOf(res).description).toContain(description);
    }
  });

  it('refuses a description over 4,000 characters or with HTML in it', async () => {
    const base: [string, string][] = [
      ['api_key', key],
      ['service_code', 'MS01'],
      ['address_id', county.compoundA.id],
      ['phone', '13900001111'],
    ];
    const long = await post([...base, ['description', '长'.repeat(4001)]]);
    expect(errorOf(long)).toMatchObject({ status: 400, description: 'description is longer than 4000 characters.' });
    expect((await post([...base, ['description', '长'.repeat(4000)]])).statusCode).toBe(200);
    const html = await post([...base, ['description', '灯坏了<script>alert(1)</script>']]);
    expect(errorOf(html)).toMatchObject({ status: 400, description: 'description must be plain text, without HTML.' });
  });

  it('refuses a body that is not a form, and keeps the /api/v1 error envelope out', async () => {
    const res = await p.t.app.inject({
      method: 'POST',
      url: `${O311}/requests.xml`,
      headers: { 'content-type': 'text/csv' },
      payload: 'a,b',
    });
    expect(errorOf(res)).toMatchObject({ status: 400, code: '400' });
    expect(res.body).not.toContain('VALIDATION_FAILED');
  });

  it('limits writes per api_key: the 61st in a minute is 429 with Retry-After, another key is unaffected', async () => {
    const busy = (await issueKey(p.t, p.countyAdmin, '压测')).key;
    const other = (await issueKey(p.t, p.countyAdmin, '另一个')).key;
    const attempt = (k: string) => post([['api_key', k]]);
    for (let i = 0; i < 60; i += 1) expect((await attempt(busy)).statusCode).toBe(400);
    const limited = await attempt(busy);
    expect(errorOf(limited)).toMatchObject({ status: 429, code: '429' });
    expect(limited.headers['retry-after']).toBeDefined();
    expect((await attempt(other)).statusCode).toBe(400);
  });
});
