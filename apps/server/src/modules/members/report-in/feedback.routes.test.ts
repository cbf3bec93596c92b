import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../../test/factories.ts';
import { as, type Session, type TestApp } from '../../../../test/harness.ts';
import { systemCtx } from '../../../platform/context.ts';
import { runNextJob } from '../../../platform/jobs/job-runner.ts';
import { scheduleRecurring } from '../../../platform/jobs/recurring.ts';
import { auditRowsOf, type County, setupOrganisationTest } from '../../organisation/organisation.test-support.ts';
import { insertMember, insertWorkUnit } from '../members.test-support.ts';
import { runQuarterFeedback } from './feedback.job.ts';
import { reportInJobHandlers } from './report-in.jobs.ts';
import { insertPostClaim, insertReportIn, insertService } from './report-in.test-support.ts';

const FEEDBACK = '/api/v1/work-unit-feedback';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const documentXml = async (bytes: Buffer): Promise<string> => {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (!xml) throw new Error('no word/document.xml');
  return xml;
};

describe('work-unit feedback (八小时外)', () => {
  let t: TestApp;
  let county: County;
  let secretaryA: Session;
  let countyAdmin: Session;
  let longquanAdmin: Session;
  let finance: string;
  let education: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ({ t, county, secretaryA, countyAdmin, longquanAdmin } = await setupOrganisationTest(
      'secretaryA',
      'countyAdmin',
      'longquanAdmin',
    ));
    finance = await insertWorkUnit(t.platform, '县财政局');
    education = await insertWorkUnit(t.platform, '县教育局');
    const { compoundA: a, compoundB: b } = county;
    const add = async (name: string, residence: typeof a, workUnitId: string) => {
      ids[name] = (await insertMember(t.platform, { name, residence, workUnitId })).id;
      return ids[name] ?? '';
    };
    const jia = await add('甲党员', a, finance);
    await insertReportIn(t.platform, {
      memberId: jia,
      compound: a,
      status: 'confirmed',
      decidedAt: '2026-02-01T02:00:00.000Z',
      receiptNo: 'BD-2026-000007',
    });
    await insertPostClaim(t.platform, {
      memberId: jia,
      compound: a,
      title: '楼栋长',
      decidedAt: '2026-02-10T02:00:00.000Z',
    });
    await insertPostClaim(t.platform, { memberId: jia, compound: a, title: '待批岗位', status: 'pending' });
    await insertService(t.platform, {
      memberId: jia,
      compound: a,
      servedOn: '2026-01-15',
      minutes: 90,
      rating: 'satisfied',
    });
    await insertService(t.platform, {
      memberId: jia,
      compound: a,
      servedOn: '2026-03-31',
      minutes: 60,
      rating: 'basically_satisfied',
    });
    await insertService(t.platform, { memberId: jia, compound: a, servedOn: '2026-04-01', minutes: 600 });
    await insertReportIn(t.platform, { memberId: await add('乙党员', a, finance), compound: a, status: 'pending' });
    await insertReportIn(t.platform, {
      memberId: await add('丙党员', b, finance),
      compound: b,
      status: 'confirmed',
      decidedAt: '2026-01-10T02:00:00.000Z',
    });
    await insertReportIn(t.platform, {
      memberId: await add('丁党员', a, finance),
      compound: a,
      status: 'confirmed',
      decidedAt: '2026-04-05T02:00:00.000Z',
    });
    await insertReportIn(t.platform, {
      memberId: await add('戊党员', a, education),
      compound: a,
      status: 'confirmed',
      decidedAt: '2026-03-01T02:00:00.000Z',
    });
  });
  afterAll(() => t.close());

  const preview = (s: Session | null, q = `workUnitId=${finance}&year=2026&quarter=1`) =>
    as(t.app, s).get(`${FEEDBACK}?${q}`);

  describe('GET /work-unit-feedback', () => {
    it('answers 401, 403 without feedback.read, 400 for a bad quarter, 404 for an unknown unit', async () => {
      expect((await preview(null)).statusCode).toBe(401);
      const committee = await signInAs(t.platform, 'branch_committee', county.compoundA);
      expect((await preview(committee)).statusCode).toBe(403);
      expect((await preview(secretaryA, `workUnitId=${finance}&year=2026&quarter=5`)).statusCode).toBe(400);
      expect((await preview(secretaryA, `year=2026&quarter=1`)).statusCode).toBe(400);
      const unknown = '01900000-0000-7000-8000-000000000000';
      expect((await preview(secretaryA, `workUnitId=${unknown}&year=2026&quarter=1`)).statusCode).toBe(404);
    });

    it('gives each reported member of the unit living in scope: report-in, approved posts, services, ratings', async () => {
      const response = await preview(secretaryA);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        workUnitId: finance,
        workUnitName: '县财政局',
        partyOrgName: '县财政局机关党支部',
        year: 2026,
        quarter: 1,
        rows: [
          {
            memberId: ids.甲党员,
            memberName: '甲党员',
            compoundName: '金碧花园',
            reportedAt: '2026-02-01T02:00:00.000Z',
            receiptNo: 'BD-2026-000007',
            posts: ['楼栋长'],
            serviceCount: 2,
            serviceHours: 2.5,
            ratings: { satisfied: 1, basicallySatisfied: 1, dissatisfied: 0 },
          },
        ],
      });
      const all = (await preview(countyAdmin)).json().rows.map((r: { memberName: string }) => r.memberName);
      expect(all).toEqual(['丙党员', '甲党员']);
      expect((await preview(longquanAdmin)).json().rows.map((r: { memberName: string }) => r.memberName)).toEqual([
        '丙党员',
      ]);
    });
  });

  describe('feedback documents', () => {
    let documentId = '';

    it('answers 401, 403 and 400 on generate, list and download', async () => {
      const body = { workUnitId: finance, year: 2026, quarter: 1 };
      expect((await as(t.app, null).post(FEEDBACK, body)).statusCode).toBe(401);
      const committee = await signInAs(t.platform, 'branch_committee', county.compoundA);
      expect((await as(t.app, committee).post(FEEDBACK, body)).statusCode).toBe(403);
      expect((await as(t.app, secretaryA).post(FEEDBACK, { ...body, quarter: 0 })).statusCode).toBe(400);
      expect((await as(t.app, secretaryA).post(FEEDBACK, { ...body, extra: 1 })).statusCode).toBe(400);
      expect((await as(t.app, null).get(`${FEEDBACK}/documents`)).statusCode).toBe(401);
      expect((await as(t.app, committee).get(`${FEEDBACK}/documents`)).statusCode).toBe(403);
      expect((await as(t.app, secretaryA).get(`${FEEDBACK}/documents?year=abc`)).statusCode).toBe(400);
      expect((await as(t.app, null).get(`${FEEDBACK}/documents/${finance}/file`)).statusCode).toBe(401);
      expect((await as(t.app, secretaryA).get(`${FEEDBACK}/documents/x/file`)).statusCode).toBe(400);
      expect((await as(t.app, secretaryA).get(`${FEEDBACK}/documents/${finance}/file`)).statusCode).toBe(404);
    });

    it('generates the docx for the caller scope, stores it and audits it', async () => {
      const response = await as(t.app, secretaryA).post(FEEDBACK, { workUnitId: finance, year: 2026, quarter: 1 });
      expect(response.statusCode).toBe(201);
      const doc = response.json();
      documentId = doc.id;
      expect(doc).toMatchObject({
        workUnitId: finance,
        workUnitName: '县财政局',
        year: 2026,
        quarter: 1,
        memberCount: 1,
        fileName: '八小时外表现反馈表-县财政局-2026年第1季度.docx',
        downloadUrl: `/api/v1/work-unit-feedback/documents/${doc.id}/file`,
        generatedBy: secretaryA.userId,
        generatedByName: expect.any(String),
      });
      const by = await t.platform.db
        .selectFrom('app_user')
        .select('display_name')
        .where('id', '=', secretaryA.userId)
        .executeTakeFirstOrThrow();
      expect(doc.generatedByName).toBe(by.display_name);
      const file = await t.platform.db
        .selectFrom('work_unit_feedback as d')
        .innerJoin('stored_file as f', 'f.id', 'd.file_id')
        .select(['f.purpose', 'f.path', 'f.media_type', 'f.byte_size'])
        .where('d.id', '=', doc.id)
        .executeTakeFirstOrThrow();
      expect(file).toEqual({
        purpose: 'document',
        path: county.compoundA.path,
        media_type: DOCX,
        byte_size: doc.byteSize,
      });
      expect(await auditRowsOf(t.platform, 'work_unit_feedback.generate', doc.id)).toHaveLength(1);
    });

    it('downloads a Word file naming the members, their hours, posts and receipts', async () => {
      const response = await as(t.app, secretaryA).get(`${FEEDBACK}/documents/${documentId}/file`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(DOCX);
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename*=UTF-8''${encodeURIComponent('八小时外表现反馈表-县财政局-2026年第1季度.docx')}`,
      );
      const xml = await documentXml(response.rawPayload);
      for (const text of [
        '在职党员八小时外表现反馈表',
        '县财政局机关党支部',
        '2026年第1季度',
        '甲党员',
        '2.5',
        '楼栋长',
      ]) {
        expect(xml).toContain(text);
      }
      expect(xml).toContain('BD-2026-000007');
      expect(xml).toContain('盖章');
      expect(xml).not.toContain('丙党员');
      expect(await auditRowsOf(t.platform, 'work_unit_feedback.download', documentId)).toHaveLength(1);
    });

    it('lists and serves documents only inside the scope they were filed in', async () => {
      const list = (s: Session, q = '') => as(t.app, s).get(`${FEEDBACK}/documents${q}`);
      expect((await list(secretaryA)).json().items.map((d: { id: string }) => d.id)).toEqual([documentId]);
      expect((await list(secretaryA, `?workUnitId=${education}`)).json().items).toEqual([]);
      expect((await list(secretaryA, '?year=2025')).json().items).toEqual([]);
      expect((await list(countyAdmin)).json().items).toHaveLength(1);
      expect((await list(longquanAdmin)).json().items).toEqual([]);
      expect((await as(t.app, longquanAdmin).get(`${FEEDBACK}/documents/${documentId}/file`)).statusCode).toBe(403);
    });
  });

  describe('the members.quarter_feedback job', () => {
    const countyDocuments = () =>
      t.platform.db
        .selectFrom('work_unit_feedback as d')
        .innerJoin('stored_file as f', 'f.id', 'd.file_id')
        .innerJoin('stored_file_content as c', 'c.file_id', 'f.id')
        .select(['d.id', 'd.work_unit_id', 'd.year', 'd.quarter', 'd.member_count', 'd.generated_by', 'c.content'])
        .where('f.path', '=', county.county.path)
        .orderBy('d.member_count')
        .execute();

    it('does nothing before the quarter has ended', async () => {
      t.clock.set('2026-03-31T15:59:00.000Z'); // 23:59 on 31 March in Beijing
      expect(await runQuarterFeedback(systemCtx(t.platform))).toBe(0);
    });

    it('files one county document per unit with reported members once the quarter ends, and only once', async () => {
      t.clock.set('2026-03-31T16:00:00.000Z'); // 1 April in Beijing
      await scheduleRecurring(t.platform.db, { kind: 'members.quarter_feedback' }, t.clock);
      expect(await runNextJob(t.platform, reportInJobHandlers, { pollMs: 10, workerId: 'feedback-test' })).toBe(true);
      const docs = await countyDocuments();
      expect(docs.map((d) => [d.work_unit_id, d.year, d.quarter, d.member_count, d.generated_by])).toEqual([
        [education, 2026, 1, 1, null],
        [finance, 2026, 1, 2, null],
      ]);
      const financeXml = await documentXml(Buffer.from(docs[1]?.content ?? Buffer.alloc(0)));
      expect(financeXml).toContain('甲党员');
      expect(financeXml).toContain('丙党员');
      expect(financeXml).not.toContain('丁党员');
      t.clock.advance(86_400_000);
      expect(await runQuarterFeedback(systemCtx(t.platform))).toBe(0);
      expect(await countyDocuments()).toHaveLength(2);
    });
  });
});
