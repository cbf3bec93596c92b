import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CivicCounty } from '../civic-cases.test-support.ts';
import { errorOf, expectNoReporter, parseXml, xmlToPlain } from './open311.test-support.ts';
import { type PostingSetup, setupOpen311Posting } from './open311-posting.test-support.ts';

describe('Open311 POST requests: a case on the open311 channel', () => {
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
  const caseOf = (number: string) => p.caseOf(number);

  it('files a named report: number as the id, name and mobile encrypted, email not kept, place from lat/long', async () => {
    const res = await post([
      ['api_key', key],
      ['service_code', 'MS02'],
      ['lat', '30.5003'],
      ['long', '114.3001'],
      ['description', '3栋门口下水道堵了\n污水漫到路面'],
      ['first_name', '三'],
      ['last_name', '张'],
      ['phone', '+86 139-0000-1234'],
      ['email', 'zhang@example.com'],
      ['attribute[severity]', 'overflow'],
    ]);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = res.json() as { service_request_id: string; service_notice: string }[];
    expect(body).toHaveLength(1);
    const [answer] = body;
    expect(typeof answer?.service_request_id).toBe('string');
    expect(answer?.service_request_id).toMatch(/^MQ20261127-\d{4}$/);
    expect(answer?.service_notice).toContain('不保存电子邮箱');
    expect(Object.keys(answer ?? {})).not.toContain('token');

    const row = await caseOf(answer?.service_request_id ?? '');
    expect(res.body).not.toContain(row.id);
    expect(row).toMatchObject({
      channel: 'open311',
      anonymous: 0,
      compound_id: county.compoundA.id,
      title: '3栋门口下水道堵了',
      description: '3栋门口下水道堵了\n污水漫到路面',
      lat: 30.5003,
      lng: 114.3001,
      status: 'submitted',
      source_ref: 'Open311：12345热线',
      reporter_user_id: null,
    });
    expect(JSON.parse(row.answers)).toEqual({ severity: 'overflow' });
    expect(p.t.platform.cipher.decrypt(row.reporter_name_cipher ?? '')).toBe('张三');
    expect(p.t.platform.cipher.decrypt(row.reporter_phone_cipher ?? '')).toBe('13900001234');
    expect(JSON.stringify(row)).not.toContain('zhang@example.com');
    const audit = await p.t.platform.db
      .selectFrom('audit_log')
      .selectAll()
      .where('object_id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'civic_case.submit', actor_id: null });
    expect(JSON.parse(audit.details ?? '{}')).toMatchObject({ channel: 'open311' });
  });

  it('answers in XML: service_requests/request with the number and the notice, well formed', async () => {
    const res = await post(
      [
        ['api_key', key],
        ['service_code', 'MS01'],
        ['address_id', county.compoundB.id],
        ['description', '电梯 & 门禁坏了 <3'],
        ['first_name', 'Li'],
        ['last_name', 'Lei'],
      ],
      'xml',
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    const root = parseXml(res.body);
    expect(root.tag).toBe('service_requests');
    const [request] = xmlToPlain(root) as { service_request_id: string; service_notice: string }[];
    const row = await caseOf(request?.service_request_id ?? '');
    expect(row).toMatchObject({ compound_id: county.compoundB.id, description: '电梯 & 门禁坏了 <3', lat: null });
    expect(p.t.platform.cipher.decrypt(row.reporter_name_cipher ?? '')).toBe('Li Lei');
  });

  it('finds the compound named in address_string, and the nearest compound to a point', async () => {
    const named = await post([
      ['api_key', key],
      ['service_code', 'MS01'],
      ['address_string', '龙泉镇龙泉苑5栋'],
      ['phone', '13900001111'],
    ]);
    expect(named.statusCode).toBe(200);
    const namedRow = await caseOf((named.json() as { service_request_id: string }[])[0]?.service_request_id ?? '');
    expect(namedRow).toMatchObject({ compound_id: county.compoundB.id, address_text: '龙泉镇龙泉苑5栋' });
    const near = await post([
      ['api_key', key],
      ['service_code', 'MS01'],
      ['lat', '30.5'],
      ['long', '114.325'],
      ['phone', '13900001111'],
    ]);
    const nearRow = await caseOf((near.json() as { service_request_id: string }[])[0]?.service_request_id ?? '');
    expect(nearRow.compound_id).toBe(county.compoundB.id);
    // With no description the service's name stands in for title and text.
    expect(nearRow).toMatchObject({ title: '物业服务', description: '物业服务' });
  });

  it('takes an anonymous report where the category allows it: no point, no reporter, the tracking code in the notice', async () => {
    const res = await post([
      ['api_key', key],
      ['service_code', 'CG01'],
      ['lat', '30.5001'],
      ['long', '114.3002'],
      ['description', '有车停在消防通道'],
      ['attribute[spot]', 'fire_lane'],
      ['device_id', 'device-123'],
    ]);
    expect(res.statusCode).toBe(200);
    const [answer] = res.json() as { service_request_id: string; service_notice: string }[];
    const row = await caseOf(answer?.service_request_id ?? '');
    expect(row).toMatchObject({
      anonymous: 1,
      compound_id: county.compoundA.id,
      lat: null,
      lng: null,
      reporter_name_cipher: null,
      reporter_phone_cipher: null,
    });
    expect(row.tracking_code).toHaveLength(10);
    expect(answer?.service_notice).toContain(row.tracking_code ?? 'missing');
    expect(JSON.stringify(row)).not.toContain('device-123');
    const audit = await p.t.platform.db
      .selectFrom('audit_log')
      .selectAll()
      .where('object_id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_id: null, ip: null, user_agent: null, request_id: null });
  });

  it('refuses an anonymous report where the category does not allow it (a landline is not kept, so it stays anonymous)', async () => {
    for (const extra of [[], [['phone', '010-12345678']]] as [string, string][][]) {
      const res = await post([
        ['api_key', key],
        ['service_code', 'MS01'],
        ['address_id', county.compoundA.id],
        ...extra,
      ]);
      expect(errorOf(res)).toMatchObject({ status: 400, code: '400' });
      expect(errorOf(res).description).toContain('anonymous');
    }
  });

  it('reads single and multi-value attributes and names the attribute in every error', async () => {
    await p.t.platform.db
      .updateTable('civic_category')
      .set({
        questions: JSON.stringify([
          {
            code: 'kinds',
            label: '噪音种类',
            type: 'multivaluelist',
            required: true,
            options: [
              { key: 'music', name: '音乐' },
              { key: 'building', name: '装修' },
              { key: 'traffic', name: '车辆' },
            ],
          },
          { code: 'floors', label: '楼层数', type: 'number', required: false, options: [] },
        ]),
      })
      .where('code', '=', 'CG05')
      .execute();
    const base: [string, string][] = [
      ['api_key', key],
      ['service_code', 'CG05'],
      ['address_id', county.compoundA.id],
    ];
    const ok = await post([
      ...base,
      ['attribute[kinds][]', 'music'],
      ['attribute[kinds][]', 'building'],
      ['attribute[floors]', '3'],
    ]);
    expect(ok.statusCode).toBe(200);
    const row = await caseOf((ok.json() as { service_request_id: string }[])[0]?.service_request_id ?? '');
    expect(JSON.parse(row.answers)).toEqual({ kinds: ['music', 'building'], floors: 3 });
    // One value without brackets is still a list answer.
    expect((await post([...base, ['attribute[kinds]', 'traffic']])).statusCode).toBe(200);

    const cases: [[string, string][], string][] = [
      [[['attribute[floors]', '3']], 'attribute[kinds] is required'],
      [[['attribute[kinds][]', 'opera']], 'attribute[kinds] is not one of the listed values'],
      [
        [
          ['attribute[kinds][]', 'music'],
          ['attribute[colour]', 'red'],
        ],
        'attribute[colour] is not an attribute of this service',
      ],
      [
        [
          ['attribute[kinds][]', 'music'],
          ['attribute[floors]', 'many'],
        ],
        'attribute[floors] has the wrong datatype',
      ],
      [[['attribute[Bad Code]', 'x']], 'attribute[Bad Code] is invalid'],
    ];
    for (const [extra, description] of cases) {
      const res = await post([...base, ...extra]);
      expect(errorOf(res)).toMatchObject({ status: 400, code: '400' });
      expect(errorOf(res).description).toContain(description);
    }
  });

  it('never echoes the reporter: no name, phone or email in any answer', async () => {
    const res = await post(
      [
        ['api_key', key],
        ['service_code', 'MS01'],
        ['address_id', county.compoundA.id],
        ['first_name', '小明'],
        ['last_name', '王'],
        ['phone', '13912345678'],
        ['email', 'wang@example.com'],
      ],
      'xml',
    );
    expect(res.statusCode).toBe(200);
    expectNoReporter(res.body, ['王小明', '小明', '13912345678', 'wang@example.com']);
  });
});
