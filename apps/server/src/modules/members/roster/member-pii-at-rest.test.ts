import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignRole, buildCounty, createUser, sessionFor } from '../../../../test/factories.ts';
import { as, testConfig } from '../../../../test/harness.ts';
import { buildApp } from '../../../app.ts';
import { type Database, openDatabase } from '../../../db/database.ts';
import { migrateToLatest } from '../../../db/migrate.ts';
import { FakeClock } from '../../../platform/clock.ts';
import { multipartBody } from '../../../platform/files/image-fixtures.test-support.ts';
import { ifMatch } from '../../organisation/organisation.test-support.ts';
import { countMembers, orgUnitName } from '../members.test-support.ts';
import { drainRosterJobs, importRow, importWorkbook, MEMBERS, memberBody, nthIdNumber } from './roster.test-support.ts';

/**
 * PI at rest (PI-3, 等保): whatever path a member's ID number and phone take into the roster — created, edited,
 * imported, searched for, revealed, exported — the SQLite database file (and its WAL) never holds them in plain
 * text. Always on a SQLite file, whichever database the rest of the suite runs on, since the file is the point.
 */
describe('the SQLite file holds no plaintext ID number or phone of any member', () => {
  const dir = mkdtempSync(join(tmpdir(), 'linli-pii-'));
  const file = join(dir, 'linli.db');
  let database: Database;
  let app: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    database = await openDatabase({ dialect: 'sqlite', path: file });
    await migrateToLatest(database);
    app = await buildApp({ config: testConfig(), database, clock: new FakeClock(), logger: false });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('after create, edit, import, search, reveal and export', async () => {
    const platform = app.platform;
    const county = await buildCounty(platform);
    const user = await createUser(platform);
    await assignRole(platform, user.id, 'committee_admin', county.committee);
    const session = await sessionFor(platform, user.id);
    const client = as(app, session);
    const secrets: string[] = [];

    const created = memberBody(county);
    const response = await client.post(MEMBERS, created);
    expect(response.statusCode).toBe(201);
    const id = response.json().id;
    const edited = { phone: '13612345678', idNumber: nthIdNumber(77) };
    expect((await client.patch(`${MEMBERS}/${id}`, edited, ifMatch(1))).statusCode).toBe(200);
    secrets.push(created.idNumber, created.phone, edited.phone, edited.idNumber);

    const branchName = await orgUnitName(platform, county.compoundA.branch);
    const rows = [0, 1, 2].map((i) =>
      importRow('金碧花园', branchName, { 身份证号: nthIdNumber(i), 手机号: `1370000000${i}` }),
    );
    for (const row of rows) secrets.push(String(row.身份证号), String(row.手机号));
    const { payload, headers } = multipartBody('名册.xlsx', await importWorkbook(rows));
    expect((await client.post('/api/v1/member-imports', payload, headers)).statusCode).toBe(202);
    await drainRosterJobs(platform);
    expect((await client.post(`${MEMBERS}/search`, { q: '13700000001' })).json().items).toHaveLength(1);
    expect(
      (await client.post(`${MEMBERS}/${id}/reveal`, { fields: ['idNumber', 'phone'], reason: '核对身份' })).statusCode,
    ).toBe(200);
    expect((await client.get(`${MEMBERS}/export`)).statusCode).toBe(200);
    expect(await countMembers(platform)).toBe(4);

    // Read the file as it is on disk: the main database and the write-ahead log, before and after a checkpoint.
    const onDisk = () =>
      [file, `${file}-wal`]
        .filter((f) => existsSync(f))
        .map((f) => readFileSync(f).toString('latin1'))
        .join('');
    const before = onDisk();
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(platform.db);
    const after = onDisk();
    expect(after.length).toBeGreaterThan(100_000);
    for (const secret of secrets) {
      expect(before.includes(secret), secret).toBe(false);
      expect(after.includes(secret), secret).toBe(false);
    }
  });
});
