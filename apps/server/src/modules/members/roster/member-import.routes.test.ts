import { MEMBER_IMPORT_HEADERS } from '@linli/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../../test/factories.ts';
import { as, type Session, type TestApp } from '../../../../test/harness.ts';
import { multipartBody } from '../../../platform/files/image-fixtures.test-support.ts';
import { auditRowsOf, type County, setupOrganisationTest } from '../../organisation/organisation.test-support.ts';
import { countMembers, insertMember, insertWorkUnit, orgUnitName } from '../members.test-support.ts';
import { drainRosterJobs, importRow, importWorkbook, MEMBERS } from './roster.test-support.ts';

const IMPORTS = '/api/v1/member-imports';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('member import: template, upload, job', () => {
  let t: TestApp;
  let county: County;
  let secretaryA: Session;
  let longquanAdmin: Session;
  let jinbiAdmin: Session;
  let branchName: string;

  beforeAll(async () => {
    ({ t, county, secretaryA, longquanAdmin, jinbiAdmin } = await setupOrganisationTest(
      'secretaryA',
      'longquanAdmin',
      'jinbiAdmin',
    ));
    branchName = await orgUnitName(t.platform, county.compoundA.branch);
    await insertWorkUnit(t.platform, '县财政局');
  });
  afterAll(() => t.close());

  const upload = (session: Session | null, bytes: Buffer, name = '党员.xlsx') => {
    const { payload, headers } = multipartBody(name, bytes, { contentType: XLSX_TYPE });
    return as(t.app, session).post(IMPORTS, payload, headers);
  };
  const runJobs = () => drainRosterJobs(t.platform);
  const importOf = async (session: Session, rows: Parameters<typeof importWorkbook>[0], headers?: string[]) => {
    const response = await upload(session, await importWorkbook(rows, headers));
    expect(response.statusCode).toBe(202);
    expect(response.json()).toMatchObject({ status: 'queued', totalRows: 0 });
    await runJobs();
    return (await as(t.app, session).get(`${IMPORTS}/${response.json().id}`)).json();
  };
  const row = (overrides = {}) => importRow('金碧花园', branchName, overrides);
  const memberCount = () => countMembers(t.platform);

  it('answers 401 without a session on every route', async () => {
    expect((await upload(null, await importWorkbook([]))).statusCode).toBe(401);
    expect((await as(t.app, null).get(IMPORTS)).statusCode).toBe(401);
    expect((await as(t.app, null).get(`${IMPORTS}/01900000-0000-7000-8000-00000000abcd`)).statusCode).toBe(401);
    expect((await as(t.app, null).get(`${MEMBERS}/import-template`)).statusCode).toBe(401);
  });

  it('serves the template with the exact headers, drop-down lists and a 说明 sheet (403 without member.write)', async () => {
    const committee = await signInAs(t.platform, 'branch_committee', county.compoundA);
    expect((await as(t.app, committee).get(`${MEMBERS}/import-template`)).statusCode).toBe(403);
    const response = await as(t.app, secretaryA).get(`${MEMBERS}/import-template`);
    expect(response.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['党员名册', '说明']);
    expect(((book.worksheets[0]?.getRow(1).values ?? []) as unknown[]).slice(1)).toEqual([...MEMBER_IMPORT_HEADERS]);
    expect(book.worksheets[0]?.getCell('F2').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"正式党员,预备党员"'],
    });
  });

  it('refuses non-xlsx bytes, a missing file and callers without member.write', async () => {
    const text = await upload(secretaryA, Buffer.from('姓名,身份证号\n张三,1'), 'members.xlsx');
    expect(text.statusCode).toBe(400);
    expect(JSON.stringify(text.json())).toContain('xlsxRequired');
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect((await upload(secretaryA, png)).statusCode).toBe(400);
    expect((await as(t.app, secretaryA).post(IMPORTS, { file: 'x' })).statusCode).toBe(400);
    const committee = await signInAs(t.platform, 'branch_committee', county.compoundA);
    expect((await upload(committee, await importWorkbook([row()]))).statusCode).toBe(403);
    expect(await t.platform.db.selectFrom('member_import').select('id').execute()).toEqual([]);
  });

  it('imports a clean file in one go, audited once, and shows it only to the importer scope', async () => {
    const before = await memberCount();
    const result = await importOf(secretaryA, [
      row({ 工作单位: '县财政局' }),
      row({ 姓名: '李四', 转正日期: null, 党员类型: '预备党员' }),
    ]);
    expect(result).toMatchObject({ status: 'imported', totalRows: 2, processedRows: 2, importedRows: 2, errors: [] });
    expect(await memberCount()).toBe(before + 2);
    const [audit, ...more] = await auditRowsOf(t.platform, 'member.import', result.id);
    expect(more).toEqual([]);
    expect(audit?.details).toMatchObject({ rows: 2, workUnitsCreated: 0 });
    expect((await as(t.app, longquanAdmin).get(`${IMPORTS}/${result.id}`)).statusCode).toBe(403);
    expect((await as(t.app, longquanAdmin).get(IMPORTS)).json().items).toEqual([]);
    const mine = await as(t.app, secretaryA).get(IMPORTS);
    expect(mine.json().items[0]).toMatchObject({ id: result.id, status: 'imported', fileName: '党员.xlsx' });
    const found = await as(t.app, secretaryA).get(`${MEMBERS}?q=lisi`);
    expect(found.json().items).toMatchObject([{ name: '李四', status: 'probationary', branchName }]);
  });

  it('rejects wrong headers and unreadable bytes without importing anything', async () => {
    const before = await memberCount();
    const headers: string[] = [...MEMBER_IMPORT_HEADERS];
    headers[2] = '电话';
    const wrong = await importOf(secretaryA, [row()], headers);
    expect(wrong).toMatchObject({ status: 'rejected', errors: [{ row: 1, column: '手机号', code: 'headers' }] });
    const truncated = (await importWorkbook([row()])).subarray(0, 300);
    const response = await upload(secretaryA, truncated);
    expect(response.statusCode).toBe(202);
    await runJobs();
    const broken = (await as(t.app, secretaryA).get(`${IMPORTS}/${response.json().id}`)).json();
    expect(broken).toMatchObject({ status: 'rejected', errors: [{ row: 0, column: null, code: 'unreadable' }] });
    expect(await memberCount()).toBe(before);
  });

  it('reports every bad row precisely (no cell values) and imports none of the file', async () => {
    const existing = await insertMember(t.platform, { residence: county.compoundA });
    const good = row();
    const badChecksum = `${String(good.身份证号).slice(0, 17)}${String(good.身份证号).endsWith('0') ? '1' : '0'}`;
    const dup = row();
    const before = await memberCount();
    const result = await importOf(secretaryA, [
      good,
      row({ 身份证号: badChecksum }),
      row({ 身份证号: dup.身份证号 }),
      dup,
      row({ 身份证号: existing.idNumber }),
      row({ 居住小区: '龙泉苑' }),
      row({ 入党日期: '2005-13-01', 学历: '博士', 流动党员: '也许' }),
      row({ 姓名: '', 转正日期: null }),
      row({ 工作单位: '没有的单位' }),
      row({ 手机号: '12345', 所在支部: null, 居住小区: null }),
    ]);
    expect(result.status).toBe('rejected');
    expect(result.errors).toEqual([
      { row: 3, column: '身份证号', code: 'idNumberChecksum' },
      { row: 5, column: '身份证号', code: 'duplicateInFile' },
      { row: 6, column: '身份证号', code: 'duplicateInDatabase' },
      { row: 7, column: '居住小区', code: 'unknownCompound' },
      { row: 8, column: '学历', code: 'invalidOption' },
      { row: 8, column: '入党日期', code: 'date' },
      { row: 8, column: '流动党员', code: 'invalidOption' },
      { row: 9, column: '姓名', code: 'required' },
      { row: 9, column: '转正日期', code: 'fullMemberOnRequired' },
      { row: 10, column: '工作单位', code: 'unknownWorkUnit' },
      { row: 11, column: '手机号', code: 'phone' },
      { row: 11, column: '所在支部', code: 'memberPlace' },
    ]);
    expect(result.errorCount).toBe(12);
    expect(await memberCount()).toBe(before);
    const stored = await t.platform.db
      .selectFrom('member_import')
      .select('errors')
      .where('id', '=', result.id)
      .executeTakeFirstOrThrow();
    expect(stored.errors).not.toContain(existing.idNumber);
  });

  it('creates unknown work units when the importer holds work_unit.write', async () => {
    const result = await importOf(jinbiAdmin, [row({ 工作单位: '县新成立局' })]);
    expect(result).toMatchObject({ status: 'imported', importedRows: 1 });
    const unit = await t.platform.db
      .selectFrom('work_unit')
      .selectAll()
      .where('name', '=', '县新成立局')
      .executeTakeFirst();
    expect(unit).toMatchObject({ party_org_name: '', party_org_id: null });
  });
});
