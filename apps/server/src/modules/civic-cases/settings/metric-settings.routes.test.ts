import { DEFAULT_METRIC_SETTINGS } from '@linli/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, errorCode, type Session, type TestApp } from '../../../../test/harness.ts';
import { setupCivicTest } from '../civic-cases.test-support.ts';
import { loadMetricSettings } from './metric-settings.repository.ts';

const URL = '/api/v1/civic-metric-settings';
const changed = {
  ...DEFAULT_METRIC_SETTINGS,
  reopenWindowDays: 10,
  weights: { response: 40, resolution: 30, satisfaction: 30 },
};

describe('metric settings routes', () => {
  let t: TestApp;
  let admin: Session;
  let committee: Session;
  let resident: Session;

  beforeAll(async () => {
    const setup = await setupCivicTest('countyAdmin', 'jinbiAdmin', 'residentA');
    t = setup.t;
    admin = setup.countyAdmin;
    committee = setup.jinbiAdmin;
    resident = setup.residentA;
  });
  afterAll(() => t.close());

  const put = (session: Session | null, body: unknown, version?: number) =>
    as(t.app, session).put(URL, body, version === undefined ? {} : { 'if-match': `"v${version}"` });

  it('answers 401 without a session', async () => {
    expect((await as(t.app, null).get(URL)).statusCode).toBe(401);
    expect((await put(null, changed, 0)).statusCode).toBe(401);
  });

  it('serves the defaults at version 0 to case staff, and 403 to residents', async () => {
    expect((await as(t.app, resident).get(URL)).statusCode).toBe(403);
    const response = await as(t.app, committee).get(URL);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ settings: DEFAULT_METRIC_SETTINGS, version: 0 });
    expect(response.headers.etag).toBe('"v0"');
  });

  it('refuses a save by anyone but a county configurer', async () => {
    expect((await put(committee, changed, 0)).statusCode).toBe(403);
    expect((await put(resident, changed, 0)).statusCode).toBe(403);
  });

  it('answers 400 for weights that do not add up to 100 or unknown fields, and 428 without If-Match', async () => {
    const badWeights = await put(admin, { ...changed, weights: { response: 50, resolution: 30, satisfaction: 30 } }, 0);
    expect(badWeights.statusCode).toBe(400);
    expect((await put(admin, { ...changed, extra: 1 }, 0)).statusCode).toBe(400);
    expect((await put(admin, { ...changed, dueSoonShare: 1.5 }, 0)).statusCode).toBe(400);
    expect(errorCode(await put(admin, changed))).toBe('VERSION_REQUIRED');
  });

  it('saves over the defaults at v0, then edits at v1, refusing a stale version, and audits each save', async () => {
    const first = await put(admin, changed, 0);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ settings: changed, version: 1 });
    expect(first.headers.etag).toBe('"v1"');
    expect(await loadMetricSettings(t.platform.db)).toEqual({ settings: changed, version: 1 });

    expect((await put(admin, DEFAULT_METRIC_SETTINGS, 0)).statusCode).toBe(412);
    const second = await put(admin, { ...changed, reopenWindowDays: 3 }, 1);
    expect(second.json().version).toBe(2);
    expect((await as(t.app, committee).get(URL)).json().settings.reopenWindowDays).toBe(3);

    const audits = await t.platform.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'civic_metric_settings.update')
      .orderBy('seq')
      .execute();
    expect(audits).toHaveLength(2);
    expect(JSON.parse(audits[0]?.details ?? '{}')).toMatchObject({
      before: { reopenWindowDays: 7 },
      after: { reopenWindowDays: 10 },
    });
  });
});
