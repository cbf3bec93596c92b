import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../platform/clock.ts';
import { CATEGORY, type CivicCounty, insertCase, propertyUnitA, setupCivicTest } from '../civic-cases.test-support.ts';
import { STAFF_ONLY_CATEGORY } from '../intake/intake.test-support.ts';
import {
  errorOf,
  expectNoReporter,
  form,
  getBoth,
  issueKey,
  O311,
  postRequest,
  requestProblems,
} from './open311.test-support.ts';

type Setup = Awaited<ReturnType<typeof setupCivicTest<'countyAdmin' | 'residentA'>>>;
type Request = Record<string, unknown>;

describe('Open311 GET requests, requests/{id} and tokens', () => {
  let s: Setup;
  let county: CivicCounty;
  const numbers: Record<string, string> = {};

  const numberOf = async (id: string) =>
    (await s.t.platform.db.selectFrom('civic_case').select('number').where('id', '=', id).executeTakeFirstOrThrow())
      .number;

  /** Cases at known moments (the clock starts 2026-11-27T02:00Z and moves forward one minute per case). */
  async function seed(name: string, options: Parameters<typeof insertCase>[2]) {
    s.t.clock.advance(60_000);
    const { id } = await insertCase(s.t.platform, county, options);
    numbers[name] = await numberOf(id);
    return id;
  }

  beforeAll(async () => {
    s = await setupCivicTest('countyAdmin', 'residentA');
    county = s.county;
    s.t.clock.set(new Date(Date.parse('2026-11-27T02:00:00Z') - 100 * DAY_MS));
    await seed('old', { title: '一百天前' });
    s.t.clock.set('2026-11-27T02:00:00Z');
    await seed('submitted', { reporterUserId: s.residentA.userId, overrides: { lat: 30.5, lng: 114.3 } });
    await seed('dispatched', {
      status: 'dispatched',
      categoryId: CATEGORY.sewer,
      unit: propertyUnitA(county),
      overrides: { handle_deadline_at: '2026-12-04T10:00:00.000Z' },
    });
    await seed('closed', {
      status: 'closed',
      compound: 'B',
      overrides: { end_type: 'resolved', closed_at: '2026-11-27T03:30:00.000Z' },
    });
    await seed('voided', { status: 'voided', overrides: { end_type: 'voided', void_reason: 'duplicate' } });
    await seed('anonymous', {
      anonymous: true,
      categoryId: CATEGORY.parking,
      overrides: { tracking_code: 'ABCDEFGH23' },
    });
    await seed('staffOnly', { categoryId: STAFF_ONLY_CATEGORY });
  });
  afterAll(() => s.t.close());

  const ids = (list: unknown) => (list as Request[]).map((r) => r.service_request_id);

  it('lists the last 90 days newest first in both formats, every request with the spec fields', async () => {
    const { json, xml } = await getBoth(s.t, 'requests.{fmt}');
    expect(xml.tag).toBe('service_requests');
    const list = json as Request[];
    expect(list.flatMap(requestProblems)).toEqual([]);
    expect(ids(list)).toEqual(['anonymous', 'voided', 'closed', 'dispatched', 'submitted'].map((n) => numbers[n]));
  });

  it('maps our states to open/closed with the detail in status_notes, and shows the public facts only', async () => {
    const { json } = await getBoth(s.t, 'requests.{fmt}');
    const byName = (name: string) => (json as Request[]).find((r) => r.service_request_id === numbers[name]);
    expect(byName('submitted')).toEqual({
      service_request_id: numbers.submitted,
      status: 'open',
      status_notes: '待归纳',
      service_name: '物业服务',
      service_code: 'MS01',
      description: '楼道灯坏了，晚上看不见路。',
      agency_responsible: '',
      service_notice: '',
      requested_datetime: '2026-11-27T10:01:00+08:00',
      updated_datetime: '2026-11-27T10:01:00+08:00',
      address: '金碧花园3栋',
      address_id: county.compoundA.id,
      zipcode: '',
      lat: 30.5,
      long: 114.3,
    });
    expect(byName('dispatched')).toMatchObject({
      status: 'open',
      status_notes: '已派遣',
      service_code: 'MS02',
      agency_responsible: '金碧物业服务有限公司',
      expected_datetime: '2026-12-04T18:00:00+08:00',
    });
    expect(byName('closed')).toMatchObject({
      status: 'closed',
      status_notes: '已结案（已解决）',
      updated_datetime: '2026-11-27T11:30:00+08:00',
      address: '龙泉苑3栋',
      address_id: county.compoundB.id,
    });
    expect(byName('voided')).toMatchObject({ status: 'closed', status_notes: '已作废：重复' });
    const anonymous = byName('anonymous');
    expect(anonymous).not.toHaveProperty('lat');
    expect(anonymous).not.toHaveProperty('long');
    expect(anonymous).not.toHaveProperty('media_url');
  });

  it('never lists a staff-only category, and never shows a reporter, an internal id or a tracking code', async () => {
    const xml = await s.t.app.inject({ method: 'GET', url: `${O311}/requests.xml` });
    const json = await s.t.app.inject({ method: 'GET', url: `${O311}/requests.json` });
    for (const body of [xml.body, json.body]) {
      expect(body).not.toContain(numbers.staffOnly);
      expectNoReporter(body, [s.residentA.userId, 'ABCDEFGH23', 'reporter', 'tracking']);
    }
    const one = await s.t.app.inject({ method: 'GET', url: `${O311}/requests/${numbers.staffOnly}.json` });
    expect(errorOf(one).status).toBe(404);
  });

  it('filters by service_code and status (comma lists), and treats empty parameters as absent', async () => {
    const sewer = await getBoth(s.t, 'requests.{fmt}?service_code=MS02,NOPE');
    expect(ids(sewer.json)).toEqual([numbers.dispatched]);
    const closed = await getBoth(s.t, 'requests.{fmt}?status=closed');
    expect(ids(closed.json)).toEqual([numbers.voided, numbers.closed]);
    const open = await getBoth(s.t, 'requests.{fmt}?status=open&service_code=MS01,CG01');
    expect(ids(open.json)).toEqual([numbers.anonymous, numbers.submitted]);
    const both = await getBoth(s.t, 'requests.{fmt}?status=open,closed');
    const empty = await getBoth(s.t, 'requests.{fmt}?status=&service_code=&start_date=&end_date=&service_request_id=');
    const plain = await getBoth(s.t, 'requests.{fmt}');
    expect(ids(both.json)).toEqual(ids(plain.json));
    expect(ids(empty.json)).toEqual(ids(plain.json));
  });

  it('lets service_request_id override every other filter, the 90-day window included', async () => {
    const path = `requests.{fmt}?service_request_id=${numbers.old},${numbers.closed}&status=open&service_code=CG01`;
    const { json } = await getBoth(s.t, path);
    expect(ids(json)).toEqual([numbers.closed, numbers.old]);
  });

  it('searches a window given by start_date and end_date with a zone, at most 90 days wide', async () => {
    const early = await getBoth(
      s.t,
      'requests.{fmt}?start_date=2026-08-01T00:00:00%2B08:00&end_date=2026-08-30T00:00:00Z',
    );
    expect(ids(early.json)).toEqual([numbers.old]);
    const from = await getBoth(s.t, 'requests.{fmt}?start_date=2026-11-27T10:02:30%2B08:00');
    expect(ids(from.json)).toEqual([numbers.anonymous, numbers.voided, numbers.closed]);
    const until = await getBoth(s.t, 'requests.{fmt}?end_date=2026-11-27T02:02:30Z');
    expect(ids(until.json)).toEqual([numbers.dispatched, numbers.submitted]);
    const bad: [string, string][] = [
      ['start_date=2026-01-01T00:00:00Z&end_date=2026-11-27T00:00:00Z', 'more than 90 days'],
      ['start_date=2026-11-27T00:00:00Z&end_date=2026-11-01T00:00:00Z', 'before start_date'],
      ['start_date=2026-11-27T10:00:00', 'time zone'],
      ['end_date=yesterday', 'time zone'],
      ['status=pending', 'status must be'],
      ['page=0', 'page must be'],
      ['service_request_id=%3Cscript%3E', 'malformed'],
    ];
    for (const [query, description] of bad) {
      for (const format of ['xml', 'json']) {
        const res = await s.t.app.inject({ method: 'GET', url: `${O311}/requests.${format}?${query}` });
        expect(errorOf(res)).toMatchObject({ status: 400, code: '400' });
        expect(errorOf(res).description).toContain(description);
      }
    }
  });

  it('pages with the page/page_size extension', async () => {
    const first = await getBoth(s.t, 'requests.{fmt}?page_size=2');
    const second = await getBoth(s.t, 'requests.{fmt}?page_size=2&page=2');
    const third = await getBoth(s.t, 'requests.{fmt}?page_size=2&page=3');
    expect([...ids(first.json), ...ids(second.json), ...ids(third.json)]).toEqual(
      ['anonymous', 'voided', 'closed', 'dispatched', 'submitted'].map((n) => numbers[n]),
    );
  });

  it('shows one request by its number in a list of one, and 404 for an unknown number', async () => {
    const { json } = await getBoth(s.t, `requests/${numbers.closed}.{fmt}`);
    expect(json).toHaveLength(1);
    expect((json as Request[])[0]).toMatchObject({ service_request_id: numbers.closed, status: 'closed' });
    expect((json as Request[]).flatMap(requestProblems)).toEqual([]);
    for (const format of ['xml', 'json']) {
      const res = await s.t.app.inject({ method: 'GET', url: `${O311}/requests/MQ19990101-0001.${format}` });
      expect(errorOf(res)).toMatchObject({ status: 404, code: '404' });
    }
  });

  it('turns an anonymous case tracking code (token) into its number, and 404 for any other token', async () => {
    const { json, xml } = await getBoth(s.t, 'tokens/ABCDEFGH23.{fmt}');
    expect(xml.tag).toBe('service_requests');
    expect(json).toEqual([{ service_request_id: numbers.anonymous, token: 'ABCDEFGH23' }]);
    for (const format of ['xml', 'json']) {
      const res = await s.t.app.inject({ method: 'GET', url: `${O311}/tokens/ZZZZZZZZZZ.${format}` });
      expect(errorOf(res)).toMatchObject({ status: 404, code: '404' });
    }
  });

  it('shows a request filed through POST as open, then closed with its closing time once closed', async () => {
    const { key } = await issueKey(s.t, s.countyAdmin);
    const posted = await postRequest(
      s.t,
      form([
        ['api_key', key],
        ['service_code', 'MS01'],
        ['address_id', county.compoundA.id],
        ['description', '单元门禁坏了'],
        ['first_name', '四'],
        ['last_name', '李'],
        ['phone', '13800138000'],
        ['email', 'li@example.com'],
      ]),
    );
    const number = String((posted.json() as Request[])[0]?.service_request_id);
    const opened = await getBoth(s.t, `requests/${number}.{fmt}`);
    expect((opened.json as Request[])[0]).toMatchObject({
      status: 'open',
      status_notes: '待归纳',
      address: '金碧花园',
    });
    expect((opened.json as Request[])[0]?.expected_datetime).toBeUndefined();

    await s.t.platform.db
      .updateTable('civic_case')
      .set({ status: 'closed', end_type: 'unresolved', closed_at: '2026-11-28T01:00:00.000Z' })
      .where('number', '=', number)
      .execute();
    const closed = await getBoth(s.t, `requests/${number}.{fmt}`);
    expect((closed.json as Request[])[0]).toMatchObject({
      status: 'closed',
      status_notes: '已结案（未解决）',
      updated_datetime: '2026-11-28T09:00:00+08:00',
    });
    const listed = await getBoth(s.t, `requests.{fmt}?service_request_id=${number}`);
    expect(ids(listed.json)).toEqual([number]);
    for (const path of [`requests/${number}.xml`, `requests/${number}.json`, 'requests.xml', 'requests.json']) {
      const res = await s.t.app.inject({ method: 'GET', url: `${O311}/${path}` });
      expectNoReporter(res.body, ['李四', '13800138000', 'li@example.com']);
    }
  });
});
