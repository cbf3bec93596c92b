/**
 * Roster search on a county-sized roster (issue 3: p99 under 100 ms on 30,000 members). Not a test: timings
 * depend on the machine. Run on SQLite (a temp file, like production) with
 *   npx tsx apps/server/test/roster-search.measure.ts
 * It builds 300 compounds with branches, inserts 30,000 members in one transaction, prints the SQLite query
 * plans of the typical searches, then times 200 varied searches over HTTP (session, scope, masking included).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompiledQuery } from 'kysely';
import { buildApp } from '../src/app.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { idNumberColumns, nameColumns, phoneColumns } from '../src/modules/members/roster/member-derive.ts';
import { type MemberFilter, memberPageQuery } from '../src/modules/members/roster/member-search.ts';
import { nthIdNumber } from '../src/modules/members/roster/roster.test-support.ts';
import { loadSession } from '../src/platform/auth/session.ts';
import { FakeClock, isoNow } from '../src/platform/clock.ts';
import { type Ctx, systemCtx } from '../src/platform/context.ts';
import { newId } from '../src/platform/ids.ts';
import { assignRole, buildCounty, createCompound, createOrgUnit, createUser, sessionFor } from './factories.ts';
import { as, testConfig } from './harness.ts';

const MEMBERS = 30_000;
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红文玉兰春梅海燕鹏飞宇欣怡子涵浩然';

const dir = mkdtempSync(join(tmpdir(), 'linli-bench-'));
const database = await openDatabase({ dialect: 'sqlite', path: join(dir, 'bench.db') });
await migrateToLatest(database);
const clock = new FakeClock();
const app = await buildApp({ config: testConfig(), database, clock, logger: false });
await app.ready();
const platform = app.platform;

const county = await buildCounty(platform);
const compounds: Array<{ id: string; path: string; branch: { id: string; path: string } | null }> = [];
for (let c = 0; c < 10; c++) {
  const committee = await createOrgUnit(platform, { parent: county.county, kind: 'party_committee' });
  for (let k = 0; k < 10; k++) {
    const community = await createOrgUnit(platform, { parent: committee, kind: 'general_branch' });
    for (let n = 0; n < 3; n++) compounds.push(await createCompound(platform, community, { withBranch: true }));
  }
}

const started = performance.now();
const phones: string[] = [];
const now = isoNow(clock);
await platform.db.transaction().execute(async (trx) => {
  for (let i = 0; i < MEMBERS; i += 500) {
    const values = [];
    for (let j = i; j < Math.min(i + 500, MEMBERS); j++) {
      const compound = compounds[j % compounds.length];
      if (!compound?.branch) throw new Error('compound without branch');
      const name = `${SURNAMES[j % SURNAMES.length]}${GIVEN[(j * 7) % GIVEN.length]}${j % 3 === 0 ? '' : GIVEN[(j * 13) % GIVEN.length]}`;
      const phone = `13${String(j).padStart(9, '0')}`;
      phones.push(phone);
      values.push({
        id: newId(),
        ...nameColumns(name),
        ...idNumberColumns(platform, nthIdNumber(j)),
        ...phoneColumns(platform, phone),
        ethnicity: '汉族',
        education: '本科',
        address_cipher: null,
        status: j % 10 === 0 ? ('probationary' as const) : ('full' as const),
        joined_on: `${1980 + (j % 40)}-07-01`,
        full_member_on: j % 10 === 0 ? null : `${1981 + (j % 40)}-07-01`,
        employment: (['in_service', 'retired', 'other'] as const)[j % 3] ?? 'other',
        work_unit_id: null,
        branch_org_id: compound.branch.id,
        home_path: compound.branch.path,
        residence_compound_id: compound.id,
        residence_path: compound.path,
        household_id: null,
        is_mobile: j % 50 === 0 ? 1 : 0,
        user_id: null,
        badge_token: null,
        report_in_status: (['none', 'pending', 'confirmed', 'rejected'] as const)[j % 4] ?? 'none',
        created_at: now,
        updated_at: now,
      });
    }
    await trx.insertInto('member').values(values).execute();
  }
});
console.log(`inserted ${MEMBERS} members in one transaction: ${Math.round(performance.now() - started)} ms`);
await platform.db.executeQuery(CompiledQuery.raw('ANALYZE'));

const admin = await createUser(platform);
await assignRole(platform, admin.id, 'county_admin', county.county);
const secretary = await createUser(platform);
const home = compounds[17];
if (!home) throw new Error('no compound');
await assignRole(platform, secretary.id, 'branch_secretary', home);
const sessions = { admin: await sessionFor(platform, admin.id), secretary: await sessionFor(platform, secretary.id) };

// Query plans of the typical searches, as the service builds them.
const actorOf = async (token: string) => {
  const found = await loadSession(platform.db, clock, token);
  if (found.status !== 'ok') throw new Error('no session');
  return found.actor;
};
const ctx: Ctx = systemCtx(platform);
const adminActor = await actorOf(sessions.admin.cookie.split('=')[1] ?? '');
const secretaryActor = await actorOf(sessions.secretary.cookie.split('=')[1] ?? '');
const base: MemberFilter = { sort: 'name', order: 'asc' };
const plans: Array<[string, typeof adminActor, MemberFilter]> = [
  ['county, first page by pinyin', adminActor, base],
  ['county, pinyin prefix "wang"', adminActor, { ...base, q: 'wang' }],
  ['county, name contains "明"', adminActor, { ...base, q: '明' }],
  ['county, last four of ID', adminActor, { ...base, q: nthIdNumber(12345).slice(-4) }],
  ['county, phone', adminActor, { ...base, q: phones[2345] }],
  ['county, compound filter', adminActor, { ...base, compoundId: home.id }],
  ['county, by join date desc', adminActor, { ...base, sort: 'joinedOn', order: 'desc' }],
  ['secretary, first page', secretaryActor, base],
  ['secretary, initials "zs"', secretaryActor, { ...base, q: 'zs' }],
];
for (const [label, actor, filter] of plans) {
  const compiled = memberPageQuery(ctx, actor, filter, { limit: 21 }).compile();
  const plan = await platform.db.executeQuery<{ detail: string }>(
    CompiledQuery.raw(`EXPLAIN QUERY PLAN ${compiled.sql}`, [...compiled.parameters]),
  );
  console.log(`\n${label}\n  ${plan.rows.map((r) => r.detail).join('\n  ')}`);
}

// 200 varied searches over HTTP.
const KIND_NAMES = [
  'first page',
  'pinyin',
  'initials',
  'name contains',
  'ID last four',
  'phone (POST)',
  'whole ID (POST)',
  'compound + status',
  'employment + report-in by join date',
  'flag mobile',
];
const searches: Array<{ kind: number; run: () => Promise<unknown> }> = [];
for (let i = 0; i < 200; i++) {
  const who = i % 4 === 0 ? sessions.secretary : sessions.admin;
  const client = as(app, who);
  const kinds = [
    () => client.get('/api/v1/members'),
    () => client.get(`/api/v1/members?q=${['wang', 'zhang', 'li', 'chenm', 'zhaoj'][i % 5]}`),
    () => client.get(`/api/v1/members?q=${['zs', 'wl', 'lxm', 'cj'][i % 4]}`),
    () => client.get(`/api/v1/members?q=${encodeURIComponent(GIVEN[i % GIVEN.length] ?? '明')}`),
    () => client.get(`/api/v1/members?q=${nthIdNumber((i * 97) % MEMBERS).slice(-4)}`),
    () => client.post('/api/v1/members/search', { q: phones[(i * 131) % MEMBERS] }),
    () => client.post('/api/v1/members/search', { q: nthIdNumber((i * 71) % MEMBERS) }),
    () => client.get(`/api/v1/members?compoundId=${compounds[i % compounds.length]?.id}&status=full`),
    () => client.get('/api/v1/members?employment=in_service&reportIn=none&sort=joinedOn&order=desc'),
    () => client.get('/api/v1/members?flag=mobile&limit=50'),
  ];
  searches.push({ kind: i % kinds.length, run: kinds[i % kinds.length] ?? (() => Promise.resolve()) });
}
for (const { run } of searches.slice(0, 20)) await run(); // warm up
const times: number[] = [];
// CPU time of this process per search: the same work measured without other processes' share of the cores.
const cpuTimes: number[] = [];
const byKind = new Map<number, number[]>();
for (const { kind, run } of searches) {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const response = (await run()) as { statusCode: number };
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  cpuTimes.push((cpu.user + cpu.system) / 1000);
  times.push(ms);
  byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
  if (response.statusCode !== 200) throw new Error(`search answered ${response.statusCode}`);
}
for (const [kind, list] of byKind) {
  console.log(
    `  ${KIND_NAMES[kind]}: max ${Math.max(...list).toFixed(1)} ms, mean ${(list.reduce((a, b) => a + b, 0) / list.length).toFixed(1)} ms`,
  );
}
const percentiles = (list: number[]) => {
  const sorted = [...list].sort((a, b) => a - b);
  const at = (p: number) =>
    (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0).toFixed(1);
  return `p50 ${at(50)} ms, p95 ${at(95)} ms, p99 ${at(99)} ms, max ${at(100)} ms`;
};
console.log(`\n200 searches over HTTP on ${MEMBERS} members, wall clock: ${percentiles(times)}`);
console.log(`CPU time of this process per search: ${percentiles(cpuTimes)}`);

await app.close();
await database.close();
rmSync(dir, { recursive: true, force: true });
