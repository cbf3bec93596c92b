import type { LedgerExport, LedgerKind, LedgerPreview } from '@linli/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type Session } from '../../../../test/harness.ts';
import { type ReportsTest, setupReportsTest } from '../reports.test-support.ts';
import { ledgerFilePath } from './ledger-export.repository.ts';
import { plaintextPii, readLedgerXlsx, runLedgerJobs, xlsxXml } from './ledgers.test-support.ts';

let r: ReportsTest;
const PERIOD = 'from=2026-01-01&to=2026-06-30';

beforeAll(async () => {
  r = await setupReportsTest();
});
afterAll(() => r.close());

async function preview(session: Session, kind: LedgerKind, scope: string): Promise<LedgerPreview> {
  const res = await as(r.app, session).get(`/api/v1/ledgers/${kind}/preview?${scope}&${PERIOD}&limit=500`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as LedgerPreview;
}
const ofA = (kind: LedgerKind) => preview(r.sessions.countyAdmin, kind, `compoundId=${r.county.compoundA.id}`);

/** Exports through the API, runs the job and answers the finished export. */
async function exported(session: Session, body: Record<string, unknown>): Promise<LedgerExport> {
  const res = await as(r.app, session).post('/api/v1/ledger-exports', body);
  expect(res.statusCode).toBe(202);
  await runLedgerJobs(r.platform);
  const done = await as(r.app, session).get(`/api/v1/ledger-exports/${(res.json() as LedgerExport).id}`);
  return done.json() as LedgerExport;
}

const column = (p: LedgerPreview, sheet: number, key: string) => {
  const s = p.sheets[sheet];
  if (!s) throw new Error(`no sheet ${sheet}`);
  const i = s.columns.findIndex((c) => c.key === key);
  return s.rows.map((row) => row[i]);
};

describe('each ledger on the reports dataset (金碧花园)', () => {
  it('组织和小区台账: the compound with its town, parties, secretary, grids, venues and partner units', async () => {
    const p = await ofA('organisation');
    expect(p.columns.map((c) => c.label)).toEqual([
      '镇（街道）',
      '社区党组织',
      '小区名称',
      '地址',
      '推进阶段',
      '户数',
      '楼栋数',
      '小区党支部',
      '支部书记',
      '业主委员会',
      '居务监督委员会',
      '物业公司',
      '网格',
      '活动场所',
      '联系单位数',
    ]);
    const grids = await r.platform.db
      .selectFrom('grid')
      .select('name')
      .where('compound_id', '=', r.county.compoundA.id)
      .orderBy('code')
      .execute();
    expect(p.rows).toEqual([
      [
        '金碧镇党委',
        '金碧社区党总支',
        '金碧花园',
        '测试路1号',
        '全面铺开',
        100,
        5,
        '小区党支部',
        '委员1',
        null,
        null,
        null,
        grids.map((g) => g.name).join('、'),
        '金碧花园党群服务站、金碧花园党员活动室、金碧花园图书角',
        3,
      ],
    ]);
  });

  it('党员花名册: the members living or holding membership there, by pinyin, ID and phone masked', async () => {
    const p = await ofA('members');
    expect(column(p, 0, 'name')).toEqual(['甲二', '甲六', '甲三', '甲四', '甲五', '甲一']);
    for (const id of column(p, 0, 'idNumber')) expect(id).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
    for (const phone of column(p, 0, 'phone')) expect(phone).toMatch(/^139\*{4}\d{4}$/);
    const first = p.rows[0];
    expect(first?.slice(5)).toEqual(['正式党员', '2010-07-01', '在职', null, expect.any(String), '金碧花园', '已报到']);
  });

  it('双报到台账: members by registration, then organisations with the contact phone masked', async () => {
    const p = await ofA('report_ins');
    expect(p.sheets.map((s) => s.name)).toEqual(['党员双报到', '单位双报到']);
    expect(column(p, 0, 'member')).toEqual(['甲五', '甲一', '甲二']);
    expect(column(p, 0, 'status')).toEqual(['已报到', '已报到', '已报到']);
    expect(column(p, 0, 'registeredAt')).toEqual(['2025-11-20 10:00', '2026-02-10 10:00', '2026-09-01 10:00']);
    const units = p.sheets[1]?.rows.map((row) => row.slice(0, 7));
    expect(units).toEqual([
      ['县财政局机关党支部', '金碧花园', '联络员', '139****0000', '党员志愿者', '2025-12-01', '已接收'],
      ['县住建局机关党支部', '金碧花园', '联络员', '139****0000', '党员志愿者', '2025-12-01', '待接收'],
    ]);
  });

  it('设岗定责和服务记录台账: every post with its approved holders, and the period’s services', async () => {
    const p = await ofA('posts');
    expect(column(p, 0, 'title')).toEqual(['楼栋长', '环境监督岗', '政策宣传岗', '文明劝导岗', '防汛岗', '夜间巡逻岗']);
    expect(column(p, 0, 'holders')).toEqual(['甲一', '甲二', '甲一', null, null, '甲四']);
    expect(column(p, 0, 'status')).toEqual(['在岗', '在岗', '在岗', '在岗', '已撤岗', '在岗']);
    expect(p.sheets[1]?.rows).toEqual([
      ['2026-01-15', '甲一', '金碧花园', 90, '测试服务', null],
      ['2026-03-10', '甲二', '金碧花园', 45, '测试服务', null],
      ['2026-06-30', '甲五', '金碧花园', 50, '测试服务', null],
    ]);
  });

  it('民情事项台账: the cases received in the period, labelled, with the timeline and never the reporter', async () => {
    const p = await ofA('civic_cases');
    expect(column(p, 0, 'title')).toEqual([
      '报表测试c1',
      '报表测试c2',
      '报表测试c3',
      '报表测试c4',
      '报表测试c5',
      '报表测试c6',
      '报表测试c18',
      '报表测试c7',
    ]);
    expect(column(p, 0, 'status')).toEqual([
      '已结案',
      '已结案',
      '已结案',
      '已结案',
      '处理中',
      '已作废',
      '待归纳',
      '已结案',
    ]);
    expect(column(p, 0, 'closedOn')[0]).toBe('2026-01-20');
    expect(column(p, 0, 'rating').slice(0, 3)).toEqual(['满意', '基本满意', '不满意']);
    expect(column(p, 0, 'endType').slice(0, 4)).toEqual(['已解决', '已解决', '未解决结案', '未解决结案']);
    expect(column(p, 0, 'compound').every((c) => c === '金碧花园')).toBe(true);
    for (const timeline of column(p, 0, 'timeline')) expect(timeline).toMatch(/^\d{2}-\d{2} 提交/);
    expect(p.columns.some((c) => /报告人|反映人|电话/.test(c.label))).toBe(false);
  });

  it('矛盾纠纷调解台账: the mediations opened in the period, with sessions and outcome', async () => {
    const p = await ofA('mediation');
    const number = await r.platform.db
      .selectFrom('civic_case')
      .select('number')
      .where('id', '=', r.cases.c5 ?? '')
      .executeTakeFirstOrThrow();
    expect(p.rows).toEqual([[number.number, '2026-05-02', '金碧花园', null, '调解员', 0, null, '调解成功', '是']]);
  });
});

describe('the xlsx', () => {
  it('holds exactly the preview’s rows on every sheet, with title, watermark and header', async () => {
    for (const kind of ['organisation', 'members', 'report_ins', 'posts', 'civic_cases', 'mediation'] as const) {
      const p = await preview(r.sessions.committeeAdmin, kind, '');
      const done = await exported(r.sessions.committeeAdmin, { kind, ...r.period });
      expect(done.status, kind).toBe('done');
      const { sheets, book } = await readLedgerXlsx(ledgerFilePath(r.platform.config.dataDir, done.id));
      expect(sheets.map((s) => s.name)).toEqual(p.sheets.map((s) => s.name));
      sheets.forEach((sheet, i) => {
        const expected = p.sheets[i];
        expect(sheet.header).toEqual(expected?.columns.map((c) => c.label));
        expect(sheet.rows, `${kind} ${sheet.name}`).toEqual(expected?.rows);
        expect(sheet.title).toContain(p.title);
        expect(sheet.watermark).toMatch(
          /^导出人：金碧镇管理员（user\d+）　导出时间：2026-09-15 10:00　范围：金碧镇党委　期间：/,
        );
      });
      const first = book.worksheets[0];
      expect(first?.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
      });
      expect(first?.pageSetup.printTitlesRow).toBe('3:3');
      expect(first?.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
      expect(done.rowsTotal).toBe(p.sheets.reduce((n, s) => n + s.rows.length, 0));
    }
  });

  it('never holds a plaintext ID or phone number anywhere in its XML', async () => {
    const partyPhone = '13812345678';
    const parties = [
      { name: '张三', role: 'applicant', phoneCipher: r.platform.cipher.encrypt(partyPhone), householdId: null },
      { name: '欧阳明月', role: 'respondent', phoneCipher: null, householdId: null },
    ];
    await r.platform.db
      .updateTable('civic_mediation')
      .set({ parties: JSON.stringify(parties) })
      .where('case_id', '=', r.cases.c5 ?? '')
      .execute();
    const pii = [...(await plaintextPii(r.platform)), partyPhone, '张三', '欧阳明月'];
    expect(pii.length).toBeGreaterThan(10);
    const shown = { members: '****', report_ins: '139****0000', mediation: '张*、欧***' };
    for (const kind of ['members', 'report_ins', 'mediation'] as const) {
      const done = await exported(r.sessions.countyAdmin, { kind, ...r.period });
      const xml = await xlsxXml(ledgerFilePath(r.platform.config.dataDir, done.id));
      expect(xml).toContain(shown[kind]);
      for (const value of pii) expect(xml.includes(value), `${kind} leaks a value`).toBe(false);
      expect(xml).not.toMatch(/\d{17}[\dXx]/);
      expect(xml).not.toMatch(/1[3-9]\d{9}/);
    }
  });

  it('of a committee admin never holds the other committee’s compounds', async () => {
    for (const kind of ['organisation', 'members', 'report_ins', 'posts', 'civic_cases'] as const) {
      const done = await exported(r.sessions.otherCommitteeAdmin, { kind, ...r.period });
      const xml = await xlsxXml(ledgerFilePath(r.platform.config.dataDir, done.id));
      expect(xml, kind).toContain('龙泉');
      expect(xml, kind).not.toContain('金碧花园');
      expect(xml, kind).not.toContain('金碧雅苑');
    }
  });
});
