import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type Session, type TestApp } from '../../../../test/harness.ts';
import { multipartBody } from '../../../platform/files/image-fixtures.test-support.ts';
import { auditRowsOf, type County, setupOrganisationTest } from '../../organisation/organisation.test-support.ts';
import { countMembers, orgUnitName } from '../members.test-support.ts';
import { drainRosterJobs, importRow, importWorkbook, nthIdNumber } from './roster.test-support.ts';

const IMPORTS = '/api/v1/member-imports';
const ROWS = 10_000;
const SURNAMES = '王李张刘陈杨赵黄周吴';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚';

describe('member import of 10,000 rows', () => {
  let t: TestApp;
  let county: County;
  let jinbiAdmin: Session;
  let branchName: string;

  beforeAll(async () => {
    ({ t, county, jinbiAdmin } = await setupOrganisationTest('jinbiAdmin'));
    branchName = await orgUnitName(t.platform, county.compoundA.branch);
  });
  afterAll(() => t.close());

  const rows = (lastIdNumber?: string) =>
    Array.from({ length: ROWS }, (_, i) =>
      importRow('金碧花园', branchName, {
        姓名: `${SURNAMES[i % 10]}${GIVEN[Math.floor(i / 10) % 20]}${GIVEN[Math.floor(i / 200) % 20]}`,
        身份证号: i === ROWS - 1 && lastIdNumber ? lastIdNumber : nthIdNumber(i),
        手机号: `137${String(i).padStart(8, '0')}`,
        工作单位: `县直单位${i % 50}`,
        就业状态: i % 3 === 0 ? '退休' : '在职',
      }),
    );

  const importFile = async (bytes: Buffer) => {
    const { payload, headers } = multipartBody('大名册.xlsx', bytes);
    const response = await as(t.app, jinbiAdmin).post(IMPORTS, payload, headers);
    expect(response.statusCode).toBe(202);
    await drainRosterJobs(t.platform);
    return (await as(t.app, jinbiAdmin).get(`${IMPORTS}/${response.json().id}`)).json();
  };
  const memberCount = () => countMembers(t.platform);

  it('rejects the whole file for one bad row at the end, then imports the corrected file in one transaction', async () => {
    const bad = nthIdNumber(ROWS - 1).slice(0, 17) + (nthIdNumber(ROWS - 1).endsWith('1') ? '2' : '1');
    const rejected = await importFile(await importWorkbook(rows(bad)));
    expect(rejected).toMatchObject({
      status: 'rejected',
      totalRows: ROWS,
      processedRows: ROWS,
      importedRows: 0,
      errorCount: 1,
      errors: [{ row: ROWS + 1, column: '身份证号', code: 'idNumberChecksum' }],
    });
    expect(await memberCount()).toBe(0);

    const imported = await importFile(await importWorkbook(rows()));
    expect(imported).toMatchObject({ status: 'imported', totalRows: ROWS, processedRows: ROWS, importedRows: ROWS });
    expect(await memberCount()).toBe(ROWS);
    const units = await t.platform.db.selectFrom('work_unit').select('id').execute();
    expect(units).toHaveLength(50);
    expect((await auditRowsOf(t.platform, 'member.import', imported.id))[0]?.details).toEqual({
      rows: ROWS,
      workUnitsCreated: 50,
    });
  }, 180_000);
});
