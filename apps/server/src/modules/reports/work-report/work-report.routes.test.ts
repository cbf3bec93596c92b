import { type FigureKey, REPORT_FIGURES, type WorkReport } from '@linli/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, errorCode, type Session } from '../../../../test/harness.ts';
import { PERIOD, type ReportsTest, setupReportsTest } from '../reports.test-support.ts';
import { formatFigure } from './figure-format.ts';
import { auditRows, DOCX, docxParagraphs, docxPart } from './work-report.test-support.ts';

const REPORTS = '/api/v1/work-reports';
const UNKNOWN_ID = '0190aaaa-0000-7000-8000-000000000000';

describe('work reports', () => {
  let r: ReportsTest;
  let county: Session;
  let committee: Session;
  let otherCommittee: Session;
  let countyReport: WorkReport;
  let committeeReport: WorkReport;
  let compoundReport: WorkReport;

  const generate = (session: Session | null, body: Record<string, unknown> = {}) =>
    as(r.app, session).post(REPORTS, { ...PERIOD, ...body });
  const created = async (session: Session, body: Record<string, unknown> = {}) => {
    const res = await generate(session, body);
    expect(res.statusCode).toBe(201);
    return res.json() as WorkReport;
  };
  const download = (session: Session | null, report: WorkReport) => as(r.app, session).get(report.downloadUrl);

  beforeAll(async () => {
    r = await setupReportsTest();
    ({ countyAdmin: county, committeeAdmin: committee, otherCommitteeAdmin: otherCommittee } = r.sessions);
    countyReport = await created(county);
    committeeReport = await created(committee);
    compoundReport = await created(r.sessions.secretaryA);
  });
  afterAll(() => r.close());

  describe('POST /work-reports', () => {
    it('needs a session', async () => {
      expect((await generate(null)).statusCode).toBe(401);
    });

    it('is refused outside the caller’s scope and to roles without report.read', async () => {
      expect(errorCode(await generate(committee, { orgId: r.county.otherCommittee.id }))).toBe('FORBIDDEN');
      expect((await generate(r.sessions.secretaryA, { orgId: r.county.committee.id })).statusCode).toBe(403);
      expect((await generate(r.sessions.gridWorkerA)).statusCode).toBe(403);
      expect((await generate(r.sessions.resident)).statusCode).toBe(403);
    });

    it('rejects a reversed period, two scopes at once and an unknown template', async () => {
      expect(errorCode(await generate(county, { from: '2026-07-01' }))).toBe('VALIDATION_FAILED');
      const both = await generate(county, { orgId: r.county.committee.id, compoundId: r.county.compoundA.id });
      expect(errorCode(both)).toBe('VALIDATION_FAILED');
      expect(errorCode(await generate(county, { to: 'June' }))).toBe('VALIDATION_FAILED');
      expect((await generate(county, { templateId: UNKNOWN_ID })).statusCode).toBe(404);
    });

    it('writes the caller’s widest scope by default and records the figures it quotes, audited', async () => {
      expect(countyReport).toMatchObject({
        templateName: '小区党建工作情况汇报（内置模板）',
        scope: { kind: 'org', id: r.county.county.id, name: '测试县委' },
        from: PERIOD.from,
        to: PERIOD.to,
        trigger: 'manual',
        fileName: `工作汇报-测试县委-${PERIOD.from}至${PERIOD.to}.docx`,
        downloadUrl: `/api/v1/work-reports/${countyReport.id}`.concat('/file'),
        generatedBy: county.userId,
        generatedByName: '县委管理员',
      });
      expect(countyReport.byteSize).toBeGreaterThan(5000);
      expect(countyReport.figures.scope_name).toBe('测试县委');
      expect(countyReport.figures.members_total).toBe(r.EXPECTED.county.members_total);
      const row = await r.platform.db
        .selectFrom('work_report as w')
        .innerJoin('stored_file as f', 'f.id', 'w.file_id')
        .select([
          'w.path',
          'w.generated_by',
          'w.dedupe_key',
          'f.purpose',
          'f.owner_type',
          'f.owner_id',
          'f.path as file_path',
        ])
        .where('w.id', '=', countyReport.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({
        path: r.county.county.path,
        generated_by: county.userId,
        dedupe_key: null,
        purpose: 'document',
        owner_type: 'work_report',
        owner_id: countyReport.id,
        file_path: r.county.county.path,
      });
      const [audit] = await auditRows(r.platform, 'work_report.generate', countyReport.id);
      expect(audit?.details).toMatchObject({ from: PERIOD.from, to: PERIOD.to, templateId: null, trigger: 'manual' });
    });

    it('lets a committee admin report only on their own committee, never counting the other one', async () => {
      expect(committeeReport.scope).toEqual({ kind: 'org', id: r.county.committee.id, name: '金碧镇党委' });
      const keys = Object.keys(committeeReport.figures) as FigureKey[];
      expect(keys.length).toBeGreaterThan(30);
      for (const key of keys) expect([key, committeeReport.figures[key]]).toEqual([key, r.EXPECTED.committee[key]]);
      const other = await created(otherCommittee);
      for (const key of Object.keys(other.figures) as FigureKey[]) {
        expect([key, other.figures[key]]).toEqual([key, r.EXPECTED.otherCommittee[key]]);
      }
      expect(compoundReport.scope).toEqual({ kind: 'compound', id: r.county.compoundA.id, name: '金碧花园' });
    });
  });

  describe('the built-in template’s document', () => {
    it('is an A4 official document with the title, the three sections, filled figures and a date line', async () => {
      const res = await download(committee, committeeReport);
      const paragraphs = await docxParagraphs(res.rawPayload);
      const text = paragraphs.join('\n');
      expect(paragraphs[0]).toBe('金碧镇党委小区党建工作情况汇报');
      for (const heading of ['一、基本情况', '二、主要做法及成效', '三、经验启示'])
        expect(paragraphs).toContain(heading);
      for (const part of ['（一）', '（二）', '（三）', '（四）', '（五）']) {
        expect(paragraphs.some((p) => p.startsWith(part))).toBe(true);
      }
      expect(text).not.toContain('{{');
      expect(text).toContain(`现有党员${formatFigure('members_total', r.EXPECTED.committee.members_total)}名`);
      expect(text).toContain(`截至${r.EXPECTED.committee.as_of_month}月${r.EXPECTED.committee.as_of_day}日`);
      expect(paragraphs.at(-1)).toBe('2026年9月15日');
      const xml = await docxPart(res.rawPayload, 'word/document.xml');
      expect(xml).toContain('w:w="11906" w:h="16838"');
      expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
      expect(xml).toContain('w:eastAsia="方正小标宋简体"');
      const footer = await docxPart(res.rawPayload, 'word/footer1.xml');
      expect(footer).toContain('PAGE');
      const core = await docxPart(res.rawPayload, 'docProps/core.xml');
      expect(core).toContain('<dc:title>金碧镇党委小区党建工作情况汇报</dc:title>');
      expect(core).toContain('<dc:creator>金碧镇管理员</dc:creator>');
    });
  });

  describe('GET /work-reports', () => {
    it('needs a session and report.read', async () => {
      expect((await as(r.app, null).get(REPORTS)).statusCode).toBe(401);
      expect((await as(r.app, r.sessions.gridWorkerA).get(REPORTS)).statusCode).toBe(403);
    });

    it('is refused for a scope filter outside the caller’s, and rejects a bad cursor or limit', async () => {
      expect((await as(r.app, committee).get(`${REPORTS}?orgId=${r.county.otherCommittee.id}`)).statusCode).toBe(403);
      expect(errorCode(await as(r.app, county).get(`${REPORTS}?cursor=garbage`))).toBe('VALIDATION_FAILED');
      expect(errorCode(await as(r.app, county).get(`${REPORTS}?limit=0`))).toBe('VALIDATION_FAILED');
    });

    it('lists only reports inside the caller’s scope, newest first, page by page', async () => {
      const ids = async (session: Session, query = '') =>
        ((await as(r.app, session).get(`${REPORTS}${query}`)).json() as { items: WorkReport[] }).items.map((i) => i.id);
      expect(await ids(committee)).toEqual([compoundReport.id, committeeReport.id]);
      expect(await ids(r.sessions.secretaryA)).toEqual([compoundReport.id]);
      expect(await ids(county, `?compoundId=${r.county.compoundA.id}`)).toEqual([compoundReport.id]);
      expect(await ids(county, '?trigger=monthly')).toEqual([]);
      const all = await ids(county);
      expect(all).toContain(countyReport.id);
      const first = (await as(r.app, county).get(`${REPORTS}?limit=2`)).json() as {
        items: WorkReport[];
        nextCursor: string;
      };
      const second = (await as(r.app, county).get(`${REPORTS}?limit=2&cursor=${first.nextCursor}`)).json() as {
        items: WorkReport[];
      };
      expect([...first.items, ...second.items].map((i) => i.id)).toEqual(all.slice(0, 4));
    });
  });

  describe('GET /work-reports/:id', () => {
    it('needs a session, a report inside the caller’s scope, a valid and a known id', async () => {
      expect((await as(r.app, null).get(`${REPORTS}/${committeeReport.id}`)).statusCode).toBe(401);
      expect((await as(r.app, otherCommittee).get(`${REPORTS}/${committeeReport.id}`)).statusCode).toBe(403);
      expect((await as(r.app, r.sessions.secretaryA).get(`${REPORTS}/${countyReport.id}`)).statusCode).toBe(403);
      expect(errorCode(await as(r.app, county).get(`${REPORTS}/not-an-id`))).toBe('VALIDATION_FAILED');
      expect((await as(r.app, county).get(`${REPORTS}/${UNKNOWN_ID}`)).statusCode).toBe(404);
    });

    it('returns the report with its figures', async () => {
      const res = await as(r.app, county).get(`${REPORTS}/${committeeReport.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(committeeReport);
    });
  });

  describe('GET /work-reports/:id/file', () => {
    it('needs a session, a report inside the caller’s scope and a known id', async () => {
      expect((await download(null, committeeReport)).statusCode).toBe(401);
      expect((await download(otherCommittee, committeeReport)).statusCode).toBe(403);
      expect(errorCode(await as(r.app, county).get(`${REPORTS}/bad/file`))).toBe('VALIDATION_FAILED');
      expect((await as(r.app, county).get(`${REPORTS}/${UNKNOWN_ID}/file`)).statusCode).toBe(404);
    });

    it('sends the stored docx under its Chinese file name, audited', async () => {
      const res = await download(r.sessions.secretaryA, compoundReport);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(DOCX);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename*=UTF-8''${encodeURIComponent(`工作汇报-金碧花园-${PERIOD.from}至${PERIOD.to}.docx`)}`,
      );
      expect(res.rawPayload.length).toBe(compoundReport.byteSize);
      const audits = await auditRows(r.platform, 'work_report.download', compoundReport.id);
      expect(audits.at(-1)).toMatchObject({ actor_id: r.sessions.secretaryA.userId });
    });
  });

  describe('POST /work-reports again', () => {
    it('answers a retry with the same Idempotency-Key with the same report, written once', async () => {
      const key = { 'idempotency-key': '0190bbbb-0000-7000-8000-000000000001' };
      const body = { ...PERIOD, compoundId: r.county.compoundA.id };
      const first = await as(r.app, county).post(REPORTS, body, key);
      const replay = await as(r.app, county).post(REPORTS, body, key);
      expect(first.statusCode).toBe(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.json()).toEqual(first.json());
      const rows = await r.platform.db
        .selectFrom('work_report')
        .select('id')
        .where('generated_by', '=', county.userId)
        .where('scope_id', '=', r.county.compoundA.id)
        .execute();
      expect(rows).toEqual([{ id: (first.json() as WorkReport).id }]);
    });
  });

  it('writes a county year report quickly (timed for information only)', async () => {
    const started = performance.now();
    const report = await created(county, { from: '2026-01-01', to: '2026-12-31' });
    const ms = Math.round(performance.now() - started);
    console.info(`[info] county-year work report (${REPORT_FIGURES.length} catalogue figures): ${ms} ms`);
    expect(report.byteSize).toBeGreaterThan(0);
  });
});
