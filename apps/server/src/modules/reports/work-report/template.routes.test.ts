import type { TemplateCheck, TemplatePreview, WorkReportTemplate } from '@linli/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../../test/factories.ts';
import { as, errorCode, type Session } from '../../../../test/harness.ts';
import { PERIOD, type ReportsTest, setupReportsTest } from '../reports.test-support.ts';
import { BUILTIN_TEMPLATE_NAME } from './builtin-template.zh.ts';
import { formatFigure } from './figure-format.ts';
import { auditRows } from './work-report.test-support.ts';

const TEMPLATES = '/api/v1/work-report-templates';
const BAD_BODY = '# 标题\n党员先锋队{{vanguard_teams}}支，另有{{foo}}项，党员{{members_total}}名。';
const ZH_PROBLEMS = '「{{vanguard_teams}}」所需的“党员先锋”模块尚未建设，暂不能使用；「{{foo}}」不是可用的数据项。';

describe('work-report templates', () => {
  let r: ReportsTest;
  let county: Session;
  let committee: Session;
  /** county_admin assigned below the county root: templates are county-wide, so not theirs to change. */
  let townCountyAdmin: Session;

  const save = (session: Session | null, body: Record<string, unknown>) => as(r.app, session).post(TEMPLATES, body);
  const create = async (name: string, isDefault = false) => {
    const res = await save(county, { name, body: `# {{scope_name}}${name}\n党员{{members_total}}名。`, isDefault });
    expect(res.statusCode).toBe(201);
    return res.json() as WorkReportTemplate;
  };
  const ifMatch = (version: number) => ({ 'if-match': `"v${version}"` });

  beforeAll(async () => {
    r = await setupReportsTest();
    county = r.sessions.countyAdmin;
    committee = r.sessions.committeeAdmin;
    townCountyAdmin = await signInAs(r.platform, 'county_admin', r.county.committee);
  });
  afterAll(() => r.close());

  describe('GET /work-report-templates', () => {
    it('needs a session', async () => {
      expect((await as(r.app, null).get(TEMPLATES)).statusCode).toBe(401);
    });

    it('is refused to a role without report.read', async () => {
      const res = await as(r.app, r.sessions.gridWorkerA).get(TEMPLATES);
      expect(res.statusCode).toBe(403);
      expect(errorCode(await as(r.app, r.sessions.resident).get(TEMPLATES))).toBe('FORBIDDEN');
    });

    it('lists the read-only built-in template first, the default while the county marks none', async () => {
      const res = await as(r.app, r.sessions.secretaryA).get(TEMPLATES);
      expect(res.statusCode).toBe(200);
      const [builtin] = res.json() as WorkReportTemplate[];
      expect(builtin).toMatchObject({ id: 'builtin', name: BUILTIN_TEMPLATE_NAME, builtin: true, version: 0 });
      expect(builtin?.body).toContain('## 二、主要做法及成效');
    });
  });

  describe('POST /work-report-templates', () => {
    it('needs a session', async () => {
      expect((await save(null, { name: 'x', body: '# x' })).statusCode).toBe(401);
    });

    it('is for a county-level configurer only', async () => {
      expect(errorCode(await save(committee, { name: 'x', body: '# x' }))).toBe('FORBIDDEN');
      expect((await save(townCountyAdmin, { name: 'x', body: '# x' })).statusCode).toBe(403);
    });

    it('rejects a missing name or an empty body', async () => {
      expect(errorCode(await save(county, { name: '', body: '# x' }))).toBe('VALIDATION_FAILED');
      expect(errorCode(await save(county, { name: 'x', body: '' }))).toBe('VALIDATION_FAILED');
    });

    it('refuses unknown placeholders and figures of modules not built yet, naming each in the message', async () => {
      const res = await save(county, { name: '坏模板', body: BAD_BODY });
      expect(res.statusCode).toBe(400);
      const { error } = res.json() as { error: { code: string; message: string; details: TemplateCheck } };
      expect(error.code).toBe('REPORT_TEMPLATE_INVALID');
      expect(error.message).toBe(ZH_PROBLEMS);
      expect(error.details).toMatchObject({
        unknown: ['foo'],
        unavailable: [{ key: 'vanguard_teams', module: 'engagement' }],
        ok: false,
      });
      const en = await as(r.app, county).post(TEMPLATES, { name: 'x', body: BAD_BODY }, { 'accept-language': 'en-US' });
      expect((en.json() as { error: { message: string } }).error.message).toBe(
        '{{vanguard_teams}} needs the Vanguard module, which is not built yet; {{foo}} is not a figure that can be quoted.',
      );
      const stored = await r.platform.db
        .selectFrom('work_report_template')
        .select('id')
        .where('name', '=', '坏模板')
        .execute();
      expect(stored).toEqual([]);
    });

    it('saves a template, audited, and marking it the default unmarks the previous one', async () => {
      const first = await create('甲模板', true);
      expect(first).toMatchObject({ name: '甲模板', builtin: false, isDefault: true, version: 1 });
      expect(first.updatedByName).toBe('县委管理员');
      const second = await create('乙模板', true);
      const list = (await as(r.app, county).get(TEMPLATES)).json() as WorkReportTemplate[];
      expect(list.map((t) => [t.name, t.isDefault])).toEqual([
        [BUILTIN_TEMPLATE_NAME, false],
        ['甲模板', false],
        ['乙模板', true],
      ]);
      expect(list.find((t) => t.id === first.id)?.version).toBe(2);
      const [audit] = await auditRows(r.platform, 'work_report_template.create', second.id);
      expect(audit?.details).toMatchObject({
        name: '乙模板',
        isDefault: true,
        placeholders: ['scope_name', 'members_total'],
      });
    });
  });

  describe('PATCH /work-report-templates/:id', () => {
    it('needs a session', async () => {
      const res = await as(r.app, null).patch(`${TEMPLATES}/builtin`, { name: 'x', body: '# x' });
      expect(res.statusCode).toBe(401);
    });

    it('is refused to others than county configurers, and for the built-in template', async () => {
      const own = await create('丙模板');
      const body = { name: 'x', body: '# x' };
      expect((await as(r.app, committee).patch(`${TEMPLATES}/${own.id}`, body, ifMatch(1))).statusCode).toBe(403);
      expect((await as(r.app, townCountyAdmin).patch(`${TEMPLATES}/${own.id}`, body, ifMatch(1))).statusCode).toBe(403);
      expect(errorCode(await as(r.app, county).patch(`${TEMPLATES}/builtin`, body, ifMatch(0)))).toBe('FORBIDDEN');
    });

    it('needs If-Match, refuses a stale version and an invalid body, and 404s an unknown id', async () => {
      const own = await create('丁模板');
      const url = `${TEMPLATES}/${own.id}`;
      const body = { name: '丁模板二', body: '# 新{{grids_total}}' };
      expect((await as(r.app, county).patch(url, body)).statusCode).toBe(428);
      expect(errorCode(await as(r.app, county).patch(url, body, ifMatch(7)))).toBe('VERSION_STALE');
      const invalid = await as(r.app, county).patch(url, { ...body, body: BAD_BODY }, ifMatch(1));
      expect(invalid.statusCode).toBe(400);
      expect((invalid.json() as { error: { message: string } }).error.message).toBe(ZH_PROBLEMS);
      expect(errorCode(await as(r.app, county).patch(url, { name: 'x' }, ifMatch(1)))).toBe('VALIDATION_FAILED');
      const unknown = await as(r.app, county).patch(
        `${TEMPLATES}/0190aaaa-0000-7000-8000-000000000000`,
        body,
        ifMatch(1),
      );
      expect(unknown.statusCode).toBe(404);
    });

    it('saves at the version read, moves the version on and audits before and after', async () => {
      const own = await create('戊模板');
      const res = await as(r.app, county).patch(
        `${TEMPLATES}/${own.id}`,
        { name: '戊模板（修订）', body: '# 修订{{grids_total}}', isDefault: true },
        ifMatch(1),
      );
      expect(res.statusCode).toBe(200);
      expect(res.headers.etag).toBe('"v2"');
      expect(res.json()).toMatchObject({ name: '戊模板（修订）', isDefault: true, version: 2 });
      const defaults = await r.platform.db
        .selectFrom('work_report_template')
        .select('id')
        .where('is_default', '=', 1)
        .execute();
      expect(defaults).toEqual([{ id: own.id }]);
      const [audit] = await auditRows(r.platform, 'work_report_template.update', own.id);
      expect(audit?.details).toMatchObject({ before: { name: '戊模板' }, after: { name: '戊模板（修订）' } });
    });
  });

  describe('DELETE /work-report-templates/:id', () => {
    it('needs a session, a county configurer, If-Match, the current version and a known id', async () => {
      const own = await create('己模板');
      const url = `${TEMPLATES}/${own.id}`;
      expect((await as(r.app, null).delete(url, ifMatch(1))).statusCode).toBe(401);
      expect((await as(r.app, committee).delete(url, ifMatch(1))).statusCode).toBe(403);
      expect((await as(r.app, county).delete(`${TEMPLATES}/builtin`, ifMatch(0))).statusCode).toBe(403);
      expect((await as(r.app, county).delete(url)).statusCode).toBe(428);
      expect((await as(r.app, county).delete(url, ifMatch(5))).statusCode).toBe(412);
      expect((await as(r.app, county).delete(`${TEMPLATES}/nope`, ifMatch(1))).statusCode).toBe(404);
      expect(errorCode(await as(r.app, county).delete(`${TEMPLATES}/${'x'.repeat(41)}`, ifMatch(1)))).toBe(
        'VALIDATION_FAILED',
      );
    });

    it('deletes the template, audited', async () => {
      const own = await create('庚模板');
      const res = await as(r.app, county).delete(`${TEMPLATES}/${own.id}`, ifMatch(1));
      expect(res.statusCode).toBe(204);
      const left = await r.platform.db
        .selectFrom('work_report_template')
        .select('id')
        .where('id', '=', own.id)
        .execute();
      expect(left).toEqual([]);
      const [audit] = await auditRows(r.platform, 'work_report_template.delete', own.id);
      expect(audit?.details).toEqual({ name: '庚模板', wasDefault: false });
    });
  });

  describe('POST /work-report-templates/check', () => {
    it('needs a session and report.read', async () => {
      expect((await as(r.app, null).post(`${TEMPLATES}/check`, { body: '' })).statusCode).toBe(401);
      expect((await as(r.app, r.sessions.resident).post(`${TEMPLATES}/check`, { body: '' })).statusCode).toBe(403);
    });

    it('rejects a request without a body text', async () => {
      expect(errorCode(await as(r.app, committee).post(`${TEMPLATES}/check`, { text: 'x' }))).toBe('VALIDATION_FAILED');
    });

    it('lists the placeholders used and those that may not be', async () => {
      const res = await as(r.app, committee).post(`${TEMPLATES}/check`, { body: BAD_BODY });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        placeholders: ['vanguard_teams', 'foo', 'members_total'],
        unknown: ['foo'],
        unavailable: [{ key: 'vanguard_teams', module: 'engagement' }],
        ok: false,
      });
    });
  });

  describe('POST /work-report-templates/preview', () => {
    const preview = (session: Session | null, extra: Record<string, unknown> = {}) =>
      as(r.app, session).post(`${TEMPLATES}/preview`, {
        body: '# {{scope_name}}汇报\n## 一、基本情况\n### （一）覆盖\n小区{{compounds_total}}个，覆盖率{{branch_coverage_rate}}。',
        ...PERIOD,
        ...extra,
      });

    it('needs a session', async () => {
      expect((await preview(null)).statusCode).toBe(401);
    });

    it('is refused outside the caller’s scope and to roles without report.read', async () => {
      expect((await preview(committee, { orgId: r.county.otherCommittee.id })).statusCode).toBe(403);
      expect((await preview(r.sessions.gridWorkerA)).statusCode).toBe(403);
    });

    it('rejects invalid placeholders and a reversed period', async () => {
      const invalid = await preview(committee, { body: BAD_BODY });
      expect(errorCode(invalid)).toBe('REPORT_TEMPLATE_INVALID');
      expect((invalid.json() as { error: { message: string } }).error.message).toBe(ZH_PROBLEMS);
      expect(errorCode(await preview(committee, { from: '2026-07-01' }))).toBe('VALIDATION_FAILED');
    });

    const expected = (key: 'compounds_total' | 'branch_coverage_rate') => formatFigure(key, r.EXPECTED.committee[key]);

    it('fills the blocks with the scope’s figures as the document would', async () => {
      const res = await preview(committee);
      expect(res.statusCode).toBe(200);
      const body = res.json() as TemplatePreview;
      expect(body.scope).toEqual({ kind: 'org', id: r.county.committee.id, name: '金碧镇党委' });
      expect(body.blocks).toEqual([
        { kind: 'title', text: '金碧镇党委汇报' },
        { kind: 'heading', text: '一、基本情况' },
        { kind: 'subheading', text: '（一）覆盖' },
        {
          kind: 'paragraph',
          text: `小区${expected('compounds_total')}个，覆盖率${expected('branch_coverage_rate')}。`,
        },
      ]);
      expect(body.figures).toMatchObject({ compounds_total: 3, scope_name: '金碧镇党委', period_to: PERIOD.to });
      expect(Object.keys(body.figures)).not.toContain('members_total');
    });
  });
});
