import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, errorCode } from '../../../../test/harness.ts';
import { newId } from '../../../platform/ids.ts';
import { auditRowsOf } from '../../organisation/organisation.test-support.ts';
import { insertCase, propertyUnitA, setupCivicTest } from '../civic-cases.test-support.ts';

type Setup = Awaited<ReturnType<typeof setup>>;
const setup = () => setupCivicTest('countyAdmin', 'secretaryA', 'handlerA', 'residentA');

describe('GET /civic-cases/export', () => {
  let s: Setup;
  let reported: string;

  beforeAll(async () => {
    s = await setup();
    const { t, county } = s;
    const cipher = t.platform.cipher;
    reported = (
      await insertCase(t.platform, county, {
        status: 'closed',
        unit: propertyUnitA(county),
        title: '电梯异响',
        reporterUserId: s.residentA.userId,
        overrides: {
          reporter_name_cipher: cipher.encrypt('王小明'),
          reporter_phone_cipher: cipher.encrypt('13812345678'),
          overdue: 1,
          end_type: 'resolved',
          accepted_at: '2026-03-02T01:00:00.000Z',
          signed_at: '2026-03-02T02:30:00.000Z',
          closed_at: '2026-03-03T08:00:00.000Z',
          rating: 'satisfied',
          deadline_at: null,
        },
      })
    ).id;
    await t.platform.db
      .insertInto('civic_case_event')
      .values({
        id: newId(),
        case_id: reported,
        seq: 2,
        type: 'sign',
        from_status: 'dispatched',
        to_status: 'signed',
        actor_user_id: null,
        actor_name: '物业张师傅',
        actor_role: 'handler',
        at: '2026-03-02T02:30:00.000Z',
        deadline: null,
        on_time: 1,
        public_note: null,
        internal_note: '住户电话13912345678，晚上再联系',
        data: '{}',
      })
      .execute();
    await insertCase(t.platform, county, { status: 'submitted', title: '路灯不亮' });
    await insertCase(t.platform, county, { status: 'submitted', compound: 'B', title: '龙泉苑的事' });
  });
  afterAll(() => s.t.close());

  it('answers 401 without a session', async () => {
    expect((await as(s.t.app, null).get('/api/v1/civic-cases/export')).statusCode).toBe(401);
  });

  it('refuses a resident and a property company, who do not read the ledger', async () => {
    expect((await as(s.t.app, s.residentA).get('/api/v1/civic-cases/export')).statusCode).toBe(403);
    expect((await as(s.t.app, s.handlerA).get('/api/v1/civic-cases/export')).statusCode).toBe(403);
  });

  it('answers 400 for a bad filter', async () => {
    const response = await as(s.t.app, s.countyAdmin).get('/api/v1/civic-cases/export?status=lost');
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe('VALIDATION_FAILED');
  });

  it('exports the scope as a Chinese CSV with a timeline, no reporter and no notes, and audits it', async () => {
    const response = await as(s.t.app, s.secretaryA).get('/api/v1/civic-cases/export?sort=created&order=asc');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('民情台账'));
    const text = response.body;
    expect(
      text.startsWith('\uFEFF编号,标题,类别,紧急程度,渠道,状态,结果类型,小区,责任单位,受理时间,期限,是否超期'),
    ).toBe(true);
    expect(text).not.toMatch(/1[3-9]\d{9}/);
    expect(text).not.toContain('王小明');
    expect(text).not.toContain('晚上再联系');
    expect(text).not.toContain('龙泉苑的事');
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    const row = lines.find((l) => l.includes('电梯异响')) ?? '';
    expect(row).toContain('物业服务,一般,居民上报,已结案,已解决,金碧花园,金碧物业服务有限公司');
    expect(row).toContain('2026-03-02 09:00,,是,2026-03-02 10:30,2026-03-03 16:00,满意');
    expect(row).toMatch(/提交 \d{4}-\d{2}-\d{2} \d{2}:\d{2}；签收 2026-03-02 10:30$/);
    const audits = await auditRowsOf(s.t.platform, 'civic_case.export');
    expect(audits).toHaveLength(1);
    expect(audits[0]?.actor_id).toBe(s.secretaryA.userId);
    expect(audits[0]?.details).toMatchObject({ rows: 2, filters: { sort: 'created', order: 'asc' } });
  });

  it('exports the same selection as the list with its filters', async () => {
    const response = await as(s.t.app, s.countyAdmin).get('/api/v1/civic-cases/export?status=submitted');
    const lines = response.body.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(response.body).toContain('龙泉苑的事');
    expect(response.body).not.toContain('电梯异响');
  });
});
