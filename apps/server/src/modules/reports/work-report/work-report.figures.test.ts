import { AVAILABLE_FIGURE_KEYS, type Dashboard, type WorkReport, type WorkReportTemplate } from '@linli/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type Session } from '../../../../test/harness.ts';
import { PERIOD, type ReportsTest, setupReportsTest } from '../reports.test-support.ts';
import { formatFigure } from './figure-format.ts';
import { docxParagraphs, EVERY_FIGURE_TEMPLATE, quotedValues } from './work-report.test-support.ts';

/*
 * The work report and the cockpit must never disagree: a document quoting every available figure is written for
 * a scope and period, and each value it prints is compared with the dashboard's figure for the same scope and
 * period, passed through the same formatter.
 */
describe('the figures of a generated work report', () => {
  let r: ReportsTest;
  let template: WorkReportTemplate;

  beforeAll(async () => {
    r = await setupReportsTest();
    const res = await as(r.app, r.sessions.countyAdmin).post('/api/v1/work-report-templates', {
      name: '全部数据项核对',
      body: EVERY_FIGURE_TEMPLATE,
    });
    expect(res.statusCode).toBe(201);
    template = res.json() as WorkReportTemplate;
  });
  afterAll(() => r.close());

  const cases: Array<[label: string, session: () => Session, scope: () => string]> = [
    ['the county', () => r.sessions.countyAdmin, () => ''],
    ['金碧镇党委', () => r.sessions.committeeAdmin, () => `orgId=${r.county.committee.id}`],
    ['金碧花园', () => r.sessions.secretaryA, () => `compoundId=${r.county.compoundA.id}`],
  ];

  it.each(cases)('equal the dashboard’s for %s', async (_, session, scope) => {
    const query = new URLSearchParams(scope());
    const scopeBody = Object.fromEntries(query.entries());
    const generated = await as(r.app, session()).post('/api/v1/work-reports', {
      templateId: template.id,
      ...PERIOD,
      ...scopeBody,
    });
    expect(generated.statusCode).toBe(201);
    const report = generated.json() as WorkReport;
    const file = await as(r.app, session()).get(report.downloadUrl);
    const printed = quotedValues(await docxParagraphs(file.rawPayload));

    const dashboardRes = await as(r.app, session()).get(
      `/api/v1/dashboard?from=${PERIOD.from}&to=${PERIOD.to}${scope() ? `&${scope()}` : ''}`,
    );
    expect(dashboardRes.statusCode).toBe(200);
    const dashboard = dashboardRes.json() as Dashboard;
    expect(dashboard.scope).toEqual(report.scope);

    expect([...printed.keys()]).toEqual(AVAILABLE_FIGURE_KEYS);
    for (const key of AVAILABLE_FIGURE_KEYS) {
      expect(Object.keys(dashboard.figures)).toContain(key);
      expect([key, printed.get(key)]).toEqual([key, formatFigure(key, dashboard.figures[key])]);
      expect([key, report.figures[key]]).toEqual([key, dashboard.figures[key]]);
    }
  });
});
