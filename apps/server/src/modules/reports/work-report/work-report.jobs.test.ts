import type { WorkReportTemplate } from '@linli/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgUnit, sessionFor } from '../../../../test/factories.ts';
import { as } from '../../../../test/harness.ts';
import { systemCtx } from '../../../platform/context.ts';
import { runNextJob } from '../../../platform/jobs/job-runner.ts';
import { scheduleRecurring } from '../../../platform/jobs/recurring.ts';
import { type ReportsTest, setupReportsTest } from '../reports.test-support.ts';
import {
  MONTHLY_WORK_REPORT_JOB,
  previousMonth,
  runMonthlyWorkReports,
  workReportJobHandlers,
} from './work-report.jobs.ts';
import { docxPart } from './work-report.test-support.ts';

describe('the monthly work report job', () => {
  let r: ReportsTest;
  let committeeIds: string[];

  const monthlyRows = () =>
    r.platform.db
      .selectFrom('work_report')
      .select([
        'scope_id',
        'period_from',
        'period_to',
        'dedupe_key',
        'generated_by',
        'trigger',
        'template_id',
        'file_id',
      ])
      .where('trigger', '=', 'monthly')
      .orderBy('generated_at')
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    r = await setupReportsTest();
    const working = await createOrgUnit(r.platform, {
      parent: r.county.county,
      kind: 'working_committee',
      name: '县直机关工委测试',
    });
    const rows = await r.platform.db
      .selectFrom('org_unit')
      .select('id')
      .where('kind', 'in', ['party_committee', 'working_committee'])
      .execute();
    committeeIds = rows.map((row) => row.id);
    expect(committeeIds).toContain(working.id);
  });
  afterAll(() => r.close());

  it('takes the Shanghai month before today', () => {
    expect(previousMonth('2026-01-01')).toBe('2025-12');
    expect(previousMonth('2026-09-15')).toBe('2026-08');
  });

  it('writes last month’s report for the county root and each committee once, however often it runs', async () => {
    // 2026-08-31 16:30 UTC is 1 September in Shanghai: last month is August.
    r.t.clock.set('2026-08-31T16:30:00.000Z');
    const ctx = systemCtx(r.platform);
    expect(await runMonthlyWorkReports(ctx)).toBe(committeeIds.length + 1);
    expect(await runMonthlyWorkReports(ctx)).toBe(0);
    await scheduleRecurring(r.platform.db, { kind: MONTHLY_WORK_REPORT_JOB }, r.t.clock);
    expect(await runNextJob(r.platform, workReportJobHandlers, { pollMs: 0, workerId: 'test' })).toBe(true);
    const rows = await monthlyRows();
    expect(rows).toHaveLength(committeeIds.length + 1);
    expect(new Set(rows.map((row) => row.scope_id))).toEqual(new Set([r.county.county.id, ...committeeIds]));
    for (const row of rows) {
      expect(row).toMatchObject({
        period_from: '2026-08-01',
        period_to: '2026-08-31',
        dedupe_key: `monthly:${row.scope_id}:2026-08`,
        generated_by: null,
        template_id: null,
      });
    }
    const content = await r.platform.db
      .selectFrom('stored_file_content')
      .select('content')
      .where('file_id', '=', rows[0]?.file_id ?? '')
      .executeTakeFirstOrThrow();
    expect(await docxPart(Buffer.from(content.content), 'docProps/core.xml')).toContain(
      '<dc:creator>系统</dc:creator>',
    );
  });

  it('uses the county’s default template from then on, and writes the next month once', async () => {
    r.t.clock.set('2026-10-02T01:00:00.000Z');
    // The clock moved on by weeks: the sessions of the dataset have timed out, so sign the users in again.
    const countyAdmin = await sessionFor(r.platform, r.sessions.countyAdmin.userId);
    const committeeAdmin = await sessionFor(r.platform, r.sessions.committeeAdmin.userId);
    const res = await as(r.app, countyAdmin).post('/api/v1/work-report-templates', {
      name: '月报模板',
      body: '# {{scope_name}}{{as_of_month}}月小区党建工作简报\n党员{{members_total}}名。',
      isDefault: true,
    });
    const template = res.json() as WorkReportTemplate;
    const ctx = systemCtx(r.platform);
    expect(await runMonthlyWorkReports(ctx)).toBe(committeeIds.length + 1);
    expect(await runMonthlyWorkReports(ctx)).toBe(0);
    const september = (await monthlyRows()).filter((row) => row.period_from === '2026-09-01');
    expect(september).toHaveLength(committeeIds.length + 1);
    expect(september.every((row) => row.template_id === template.id)).toBe(true);
    const listed = await as(r.app, committeeAdmin).get('/api/v1/work-reports?trigger=monthly');
    const items = (listed.json() as { items: Array<{ scope: { id: string }; generatedByName: string | null }> }).items;
    expect(items.map((i) => i.scope.id)).toEqual([r.county.committee.id, r.county.committee.id]);
    expect(items.every((i) => i.generatedByName === null)).toBe(true);
  });
});
