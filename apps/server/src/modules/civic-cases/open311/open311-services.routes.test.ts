import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORY, setupCivicTest } from '../civic-cases.test-support.ts';
import {
  definitionProblems,
  discoveryProblems,
  errorOf,
  getBoth,
  O311,
  serviceProblems,
} from './open311.test-support.ts';

type Setup = Awaited<ReturnType<typeof setupCivicTest<'countyAdmin'>>>;
type Obj = Record<string, unknown>;

describe('Open311 discovery, services and service definitions', () => {
  let s: Setup;

  beforeAll(async () => {
    s = await setupCivicTest('countyAdmin');
  });
  afterAll(() => s.t.close());

  it('discovery offers this server as one production endpoint in both formats, with the categories changeset', async () => {
    await s.t.platform.db
      .updateTable('civic_category')
      .set({ updated_at: '2026-11-20T01:02:03.000Z' })
      .where('id', '=', CATEGORY.parking)
      .execute();
    const { json, xml } = await getBoth(s.t, 'discovery.{fmt}');
    expect(xml.tag).toBe('discovery');
    const discovery = json as Obj;
    expect(discoveryProblems(discovery)).toEqual([]);
    expect(discovery.changeset).toBe('2026-11-20T09:02:03+08:00');
    expect(discovery.endpoints).toEqual([
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: 'http://localhost:80/open311/v2',
        changeset: '2026-11-20T09:02:03+08:00',
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ]);
    expect(String(discovery.key_service)).toContain('api_key');
  });

  it('lists the active public leaf categories as realtime services, codes as strings, grouped under their root', async () => {
    const { json, xml } = await getBoth(s.t, 'services.{fmt}');
    expect(xml.tag).toBe('services');
    expect(xml.children.every((c) => c.tag === 'service')).toBe(true);
    const services = json as Obj[];
    expect(services.flatMap(serviceProblems)).toEqual([]);
    const codes = services.map((x) => x.service_code);
    expect(codes).toContain('MS01');
    // Roots are groups, not services; the staff-only 防返贫监测 is never offered.
    expect(codes).not.toContain('MS');
    expect(codes).not.toContain('PK02');
    expect(services.find((x) => x.service_code === 'MS02')).toEqual({
      service_code: 'MS02',
      service_name: '下水道堵塞',
      description: '',
      metadata: true,
      type: 'realtime',
      keywords: '下水道,污水,堵塞,外溢',
      group: '民生服务类',
    });
    expect(services.find((x) => x.service_code === 'MS01')?.metadata).toBe(false);
  });

  it('defines a service by its questions: datatype, required, order from 1, values for lists only', async () => {
    const { json, xml } = await getBoth(s.t, 'services/CG01.{fmt}');
    expect(xml.tag).toBe('service_definition');
    const definition = json as Obj;
    expect(definitionProblems(definition)).toEqual([]);
    expect(definition).toEqual({
      service_code: 'CG01',
      attributes: [
        {
          variable: true,
          code: 'spot',
          datatype: 'singlevaluelist',
          required: true,
          datatype_description: '',
          order: 1,
          description: '停放位置',
          values: [
            { key: 'fire_lane', name: '消防通道' },
            { key: 'road', name: '小区道路' },
            { key: 'green', name: '绿地' },
            { key: 'other', name: '其他' },
          ],
        },
        {
          variable: true,
          code: 'plate',
          datatype: 'string',
          required: false,
          datatype_description: '',
          order: 2,
          description: '车牌号（选填）',
        },
      ],
    });
  });

  it('answers a service without questions with an empty attribute list', async () => {
    const { json } = await getBoth(s.t, 'services/MS01.{fmt}');
    expect(json).toEqual({ service_code: 'MS01', attributes: [] });
  });

  it('answers unknown, staff-only and retired services with the spec 404 in the asked format', async () => {
    await s.t.platform.db.updateTable('civic_category').set({ active: 0 }).where('code', '=', 'MS06').execute();
    for (const code of ['NOPE', 'PK02', 'MS06', 'MS']) {
      const json = await s.t.app.inject({ method: 'GET', url: `${O311}/services/${code}.json` });
      expect(errorOf(json)).toMatchObject({ status: 404, code: '404' });
      const xml = await s.t.app.inject({ method: 'GET', url: `${O311}/services/${code}.xml` });
      expect(errorOf(xml)).toMatchObject({ status: 404, code: '404' });
      expect(xml.body).toContain('<errors><error><code>404</code><description>');
    }
    const listed = (await getBoth(s.t, 'services.{fmt}')).json as Obj[];
    expect(listed.map((x) => x.service_code)).not.toContain('MS06');
  });

  it('answers an unknown format or path with the spec 404, never the /api/v1 envelope', async () => {
    for (const url of ['services.csv', 'services/MS01.csv', 'nothing.json', 'requests/']) {
      const res = await s.t.app.inject({ method: 'GET', url: `${O311}/${url}` });
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('"error"');
      expect(errorOf(res).code).toBe('404');
    }
    expect(errorOf(await s.t.app.inject({ method: 'GET', url: `${O311}/nothing.json` })).status).toBe(404);
  });
});
