import type { Mediation } from '@linli/contracts';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../../test/factories.ts';
import { as, errorCode, type Session, type TestApp } from '../../../../test/harness.ts';
import { isoNow } from '../../../platform/clock.ts';
import { newId } from '../../../platform/ids.ts';
import { auditRowsOf, ifMatch } from '../../organisation/organisation.test-support.ts';
import { type CivicCounty, insertCase, setupCivicTest } from '../civic-cases.test-support.ts';

const url = (id: string, rest = '') => `/api/v1/civic-cases/${id}/mediation${rest}`;

const PARTIES = {
  mediatorName: '王调解',
  parties: [
    { name: '张三', role: 'applicant', phone: '13812345678' },
    { name: '李四', role: 'respondent', phone: '13987654321' },
  ],
};

const documentXml = async (bytes: Buffer): Promise<string> => {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (!xml) throw new Error('no word/document.xml');
  return xml;
};

describe('mediation (纠纷调解) of a dispute case', () => {
  let t: TestApp;
  let county: CivicCounty;
  let s: Record<'secretaryA' | 'gridWorkerA' | 'handlerA' | 'residentA' | 'countyAdmin', Session>;
  let secretaryB: Session;
  const id = { dispute: '', upload: '', request: '', closed: '', longquan: '' };

  const mediationCase = (overrides: { status?: 'in_progress' | 'closed'; compound?: 'B' } = {}) =>
    insertCase(t.platform, county, {
      status: overrides.status ?? 'in_progress',
      ...(overrides.compound ? { compound: overrides.compound } : {}),
      title: '楼上漏水纠纷',
      overrides: { kind: 'mediation' },
    });
  const commentsOf = (caseId: string) =>
    t.platform.db
      .selectFrom('civic_case_event')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('type', '=', 'comment')
      .orderBy('seq')
      .execute();

  beforeAll(async () => {
    const setup = await setupCivicTest('secretaryA', 'gridWorkerA', 'handlerA', 'residentA', 'countyAdmin');
    ({ t, county } = setup);
    s = setup;
    secretaryB = await signInAs(t.platform, 'branch_secretary', county.compoundB);
    id.dispute = (await mediationCase()).id;
    id.upload = (await mediationCase()).id;
    id.closed = (await mediationCase({ status: 'closed' })).id;
    id.longquan = (await mediationCase({ compound: 'B' })).id;
    id.request = (await insertCase(t.platform, county, { status: 'in_progress' })).id;
  });
  afterAll(() => t.close());

  it('needs a session for every mediation route (401)', async () => {
    const anon = as(t.app, null);
    const responses = [
      await anon.get(url(id.dispute)),
      await anon.put(url(id.dispute), PARTIES, ifMatch(0)),
      await anon.post(url(id.dispute, '/sessions'), { heldOn: '2026-11-20', notes: '初次调解' }),
      await anon.post(url(id.dispute, '/outcome'), { outcome: 'failed' }),
      await anon.get(url(id.dispute, '/agreement')),
    ];
    expect(responses.map((r) => r.statusCode)).toEqual([401, 401, 401, 401, 401]);
  });

  it('reads an empty pending mediation at version 0 for the case’s readers; 403 outside, 404 for other kinds', async () => {
    const res = await as(t.app, s.secretaryA).get(url(id.dispute));
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"v0"');
    expect(res.json()).toEqual({
      caseId: id.dispute,
      mediatorName: null,
      mediatorUserId: null,
      parties: [],
      outcome: 'pending',
      agreementText: null,
      agreementFileId: null,
      sessions: [],
      version: 0,
    });
    for (const session of [s.residentA, secretaryB]) {
      expect((await as(t.app, session).get(url(id.dispute))).statusCode).toBe(403);
    }
    const request = await as(t.app, s.secretaryA).get(url(id.request));
    expect([request.statusCode, (request.json() as { error: { details: unknown } }).error.details]).toEqual([
      404,
      { what: 'civic_mediation', reason: 'not_a_mediation_case' },
    ]);
    expect((await as(t.app, s.secretaryA).get(url(newId()))).statusCode).toBe(404);
    expect((await as(t.app, s.secretaryA).get(url('not-an-id'))).statusCode).toBe(400);
  });

  it('rejects bad parties (400), a missing If-Match (428) and callers without mediation.manage (403)', async () => {
    const put = (session: Session, body: unknown, headers = ifMatch(0)) =>
      as(t.app, session).put(url(id.dispute), body, headers);
    const bad = [
      { parties: [PARTIES.parties[0]] },
      { parties: [{ name: '张三', role: 'applicant', phone: '12345' }, PARTIES.parties[1]] },
      { parties: [{ name: '', role: 'applicant' }, PARTIES.parties[1]] },
      { ...PARTIES, extra: true },
      { parties: [{ ...PARTIES.parties[0], householdId: newId() }, PARTIES.parties[1]] },
      { ...PARTIES, mediatorUserId: newId() },
    ];
    for (const body of bad) expect((await put(s.secretaryA, body)).statusCode).toBe(400);
    expect((await put(s.secretaryA, PARTIES, {})).statusCode).toBe(428);
    for (const session of [s.handlerA, s.residentA, secretaryB]) {
      const res = await put(session, PARTIES);
      expect([res.statusCode, errorCode(res)]).toEqual([403, 'FORBIDDEN']);
    }
    expect((await put(s.secretaryA, PARTIES)).statusCode).toBe(200);
    const stale = await put(s.secretaryA, PARTIES);
    expect(stale.statusCode).toBe(412);
  });

  it('stores parties with encrypted phones, shows them masked, notes the timeline and audits', async () => {
    const res = await as(t.app, s.gridWorkerA).put(
      url(id.dispute),
      { ...PARTIES, mediatorName: '网格调解员' },
      ifMatch(1),
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"v2"');
    const body = res.json() as Mediation;
    expect(body.parties).toEqual([
      { name: '张三', role: 'applicant', phone: '138****5678', householdId: null },
      { name: '李四', role: 'respondent', phone: '139****4321', householdId: null },
    ]);
    expect([body.mediatorName, body.version]).toEqual(['网格调解员', 2]);
    const row = await t.platform.db
      .selectFrom('civic_mediation')
      .selectAll()
      .where('case_id', '=', id.dispute)
      .executeTakeFirstOrThrow();
    expect(row.parties).not.toContain('13812345678');
    const stored = JSON.parse(row.parties) as { phoneCipher: string }[];
    expect(t.platform.cipher.decrypt(stored[0]?.phoneCipher ?? '')).toBe('13812345678');
    const notes = await commentsOf(id.dispute);
    expect(notes.at(-1)).toMatchObject({ actor_user_id: s.gridWorkerA.userId, actor_role: 'grid_worker' });
    expect(notes.at(-1)?.internal_note).toContain('调解记录已更新');
    const audit = await auditRowsOf(t.platform, 'civic_mediation.update', id.dispute);
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain('13812345678');

    // The editor re-saves what it read (phones masked, so left out): the stored phones stay; a new party has none.
    const resaved = await as(t.app, s.gridWorkerA).put(
      url(id.dispute),
      {
        mediatorName: '网格调解员',
        parties: [
          { name: '张三', role: 'applicant' },
          { name: '李四', role: 'respondent' },
          { name: '王五', role: 'other' },
        ],
      },
      ifMatch(2),
    );
    expect(resaved.statusCode).toBe(200);
    expect((resaved.json() as Mediation).parties.map((p) => p.phone)).toEqual(['138****5678', '139****4321', null]);
  });

  it('refuses writes on a closed case (409) and on another kind of case (404)', async () => {
    const closed = await as(t.app, s.secretaryA).put(url(id.closed), PARTIES, ifMatch(0));
    expect([closed.statusCode, errorCode(closed)]).toEqual([409, 'CONFLICT']);
    const request = await as(t.app, s.secretaryA).post(url(id.request, '/sessions'), {
      heldOn: '2026-11-20',
      notes: '调解',
    });
    expect(request.statusCode).toBe(404);
  });

  it('adds held sessions (400 for a future date or no notes, 403 for a handler)', async () => {
    const post = (session: Session, body: unknown) => as(t.app, session).post(url(id.dispute, '/sessions'), body);
    for (const body of [
      { heldOn: '2026-11-20' },
      { heldOn: '2026-13-01', notes: '调解' },
      { heldOn: '2026-12-01', notes: '调解' },
    ]) {
      expect((await post(s.secretaryA, body)).statusCode).toBe(400);
    }
    expect((await post(s.handlerA, { heldOn: '2026-11-20', notes: '调解' })).statusCode).toBe(403);
    const res = await post(s.secretaryA, {
      heldOn: '2026-11-20',
      place: '金碧花园党群服务站',
      attendees: '张三、李四、物业',
      notes: '双方陈述了漏水经过，约定请第三方检测。',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json() as Mediation;
    expect(body.sessions).toHaveLength(1);
    expect(body.sessions[0]).toMatchObject({ heldOn: '2026-11-20', place: '金碧花园党群服务站' });
    expect(body.version).toBe(4);
    expect((await commentsOf(id.dispute)).at(-1)?.internal_note).toContain('2026-11-20');
    expect(await auditRowsOf(t.platform, 'civic_mediation.session', id.dispute)).toHaveLength(1);
  });

  it('rejects an outcome that mixes text and upload or a failed one with an agreement (400), and a handler (403)', async () => {
    const post = (session: Session, body: unknown) => as(t.app, session).post(url(id.dispute, '/outcome'), body);
    for (const body of [
      { outcome: 'agreed', agreementText: '赔偿', agreementFileId: newId() },
      { outcome: 'failed', agreementText: '赔偿' },
      { outcome: 'done' },
    ]) {
      expect((await post(s.secretaryA, body)).statusCode).toBe(400);
    }
    expect((await post(s.handlerA, { outcome: 'failed' })).statusCode).toBe(403);
    expect((await as(t.app, s.secretaryA).get(url(id.dispute, '/agreement'))).statusCode).toBe(404);
  });

  it('generates the 调解协议书 from the agreement text, stores it with the case and serves it as docx', async () => {
    const agreementText = '一、李四于2026年12月10日前修复卫生间防水层。\n二、李四赔偿张三装修损失人民币贰仟元整。';
    const res = await as(t.app, s.secretaryA).post(url(id.dispute, '/outcome'), { outcome: 'agreed', agreementText });
    expect(res.statusCode).toBe(200);
    const body = res.json() as Mediation;
    expect(body).toMatchObject({ outcome: 'agreed', agreementText, version: 5 });
    const fileId = body.agreementFileId ?? '';
    const file = await t.platform.db
      .selectFrom('stored_file')
      .selectAll()
      .where('id', '=', fileId)
      .executeTakeFirstOrThrow();
    expect(file).toMatchObject({
      purpose: 'document',
      owner_type: 'civic_case',
      owner_id: id.dispute,
      created_by: s.secretaryA.userId,
    });
    const caseFile = await t.platform.db
      .selectFrom('civic_case_file')
      .selectAll()
      .where('file_id', '=', fileId)
      .executeTakeFirstOrThrow();
    expect(caseFile).toMatchObject({ case_id: id.dispute, kind: 'agreement' });
    expect((await commentsOf(id.dispute)).at(-1)?.internal_note).toContain('已生成调解协议书');

    const download = await as(t.app, s.gridWorkerA).get(url(id.dispute, '/agreement'));
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toContain('wordprocessingml');
    const xml = await documentXml(download.rawPayload);
    for (const text of [
      '调解协议书',
      '张三',
      '李四',
      '138****5678',
      '网格调解员',
      '修复卫生间防水层',
      '贰仟元整',
      '金碧花园党群服务站',
      '（签名）',
    ]) {
      expect([text, xml.includes(text)]).toEqual([text, true]);
    }
    expect(xml).not.toContain('13812345678');
    expect(await auditRowsOf(t.platform, 'civic_mediation.download', id.dispute)).toHaveLength(1);
    expect((await as(t.app, s.residentA).get(url(id.dispute, '/agreement'))).statusCode).toBe(403);

    const again = await as(t.app, s.secretaryA).post(url(id.dispute, '/outcome'), { outcome: 'failed' });
    expect([again.statusCode, errorCode(again)]).toEqual([409, 'CONFLICT']);
    expect(await auditRowsOf(t.platform, 'civic_mediation.outcome', id.dispute)).toHaveLength(1);
  });

  it('takes an uploaded agreement of the caller’s own, and no one else’s (400)', async () => {
    const upload = async (by: string) => {
      const fileId = newId();
      await t.platform.db
        .insertInto('stored_file')
        .values({
          id: fileId,
          purpose: 'photo',
          owner_type: null,
          owner_id: null,
          path: '/',
          file_name: `${fileId}.png`,
          media_type: 'image/png',
          byte_size: 4,
          sha256: 'x',
          created_at: isoNow(t.clock),
          created_by: by,
        })
        .execute();
      await t.platform.db
        .insertInto('stored_file_content')
        .values({ file_id: fileId, content: Buffer.from('scan') })
        .execute();
      return fileId;
    };
    const outcome = (fileId: string) =>
      as(t.app, s.secretaryA).post(url(id.upload, '/outcome'), { outcome: 'agreed', agreementFileId: fileId });
    expect((await outcome(await upload(s.gridWorkerA.userId))).statusCode).toBe(400);
    const failed = await as(t.app, s.secretaryA).post(url(id.upload, '/outcome'), { outcome: 'failed' });
    expect((failed.json() as Mediation).outcome).toBe('failed');
    const own = await upload(s.secretaryA.userId);
    const res = await outcome(own);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ outcome: 'agreed', agreementFileId: own, agreementText: null });
    const file = await t.platform.db
      .selectFrom('stored_file')
      .selectAll()
      .where('id', '=', own)
      .executeTakeFirstOrThrow();
    expect([file.owner_type, file.owner_id]).toEqual(['civic_case', id.upload]);
    const download = await as(t.app, s.countyAdmin).get(url(id.upload, '/agreement'));
    expect([download.statusCode, download.rawPayload.toString()]).toEqual([200, 'scan']);
  });
});
