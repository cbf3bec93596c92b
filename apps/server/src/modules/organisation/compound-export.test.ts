import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompound, signInAs } from '../../../test/factories.ts';
import { as, type Session, type TestApp } from '../../../test/harness.ts';
import { csvCell } from '../../platform/http/csv-export.ts';
import { auditRowsOf, type County, setupOrganisationTest } from './organisation.test-support.ts';

describe('GET /compounds/export', () => {
  let t: TestApp;
  let county: County;
  let jinbiAdmin: Session;

  beforeAll(async () => {
    ({ t, county, jinbiAdmin } = await setupOrganisationTest('jinbiAdmin'));
    await createCompound(t.platform, county.community, { name: '=HYPERLINK("x")', rolloutStage: 'pilot' });
  });
  afterAll(() => t.close());

  it('answers 401 without a session', async () => {
    expect((await as(t.app, null).get('/api/v1/compounds/export')).statusCode).toBe(401);
  });

  it('refuses a role without compound.read', async () => {
    const auditor = await signInAs(t.platform, 'auditor', county.county);
    expect((await as(t.app, auditor).get('/api/v1/compounds/export')).statusCode).toBe(403);
  });

  it('answers 400 for a bad filter', async () => {
    expect((await as(t.app, jinbiAdmin).get('/api/v1/compounds/export?hasBranch=maybe')).statusCode).toBe(400);
  });

  it('writes the caller scope as an Excel-ready CSV with Chinese headers, and audits the export', async () => {
    const response = await as(t.app, jinbiAdmin).get('/api/v1/compounds/export?sort=name');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('小区台账-20261127.csv')}`,
    );
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      '小区名称,所属党组织,所属镇（街道）,地址,户数,楼栋数,推进阶段,是否建立党支部,经度,纬度,登记时间',
    );
    expect(lines).toHaveLength(3);
    expect(lines.some((l) => l.startsWith('金碧花园,金碧社区党总支,金碧镇党委,测试路1号,100,5,全面铺开,是'))).toBe(
      true,
    );
    expect(lines.some((l) => l.startsWith('"\'=HYPERLINK(""x"")",'))).toBe(true);
    expect(response.body).not.toContain('龙泉苑');
    const audit = await auditRowsOf(t.platform, 'compound.export');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: jinbiAdmin.userId, details: { rows: 2, filters: { sort: 'name' } } });
  });

  it('applies the list filters to the file', async () => {
    const response = await as(t.app, jinbiAdmin).get('/api/v1/compounds/export?rolloutStage=pilot');
    const lines = response.body.trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('试点先行');
  });

  it('quotes separators and defuses formulas in cells', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('说"好"')).toBe('"说""好"""');
  });
});
