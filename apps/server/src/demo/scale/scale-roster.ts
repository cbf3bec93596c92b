import { idNumberCheckChar } from '@linli/contracts';
import type { Insertable } from 'kysely';
import { pinyin } from 'pinyin-pro';
import type { Db } from '../../db/database.ts';
import type { MemberReportInTable, MemberTable } from '../../db/schema-members.ts';
import { DAY_MS } from '../../platform/clock.ts';
import type { Trx } from '../../platform/transaction.ts';
import { type DemoNames, demoNames } from '../demo-names.ts';
import type { Random } from '../seeded-random.ts';
import { RowBuffer } from './bulk-insert.ts';
import { phaseStreams, phoneSeries, type ScaleContext } from './scale-context.ts';
import type { ScaleHousehold } from './scale-households.ts';
import type { ScaleCompound, ScalePlaces } from './scale-places.ts';
import { apportion, type IdMaker } from './scale-random.ts';
import type { StaffDirectory } from './scale-staff.ts';
import { iso, shanghaiDay } from './scale-time.ts';
import { type WorkUnitRef, workUnits } from './scale-work-units.ts';

type Kind = 'confirmed' | 'pending' | 'none' | 'retired' | 'other';

/** A generated member as the service phase needs them. */
export interface ScaleMember {
  id: string;
  compound: ScaleCompound;
  kind: Kind;
  /** When the branch confirmed their 双报到 (in-service members only). */
  confirmedMs: number | null;
}

const ETHNICITIES = ['汉族', '汉族', '汉族', '汉族', '彝族', '白族', '回族', '苗族', '哈尼族', '傣族'];
const EDUCATION = ['研究生', '本科', '本科', '大专', '大专', '中专', '高中', '初中及以下'];
const SKILLS = ['法律咨询', '医疗义诊', '电脑维修', '书法', '心理疏导', '水电维修', '家电维修', '理发'];
const CHUNK = 10_000;

/** Who is what: exactly `reportedIn` confirmed in-service members; the rest in the county's usual proportions. */
function kindsFor(random: Random, total: number, reportedIn: number): Kind[] {
  const rest = total - reportedIn;
  const pending = Math.round(rest * 0.06);
  const none = Math.round(rest * 0.09);
  const other = Math.round(rest * 0.22);
  const kinds: Kind[] = [
    ...Array<Kind>(reportedIn).fill('confirmed'),
    ...Array<Kind>(pending).fill('pending'),
    ...Array<Kind>(none).fill('none'),
    ...Array<Kind>(other).fill('other'),
    ...Array<Kind>(rest - pending - none - other).fill('retired'),
  ];
  for (let i = kinds.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random.next() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j] as Kind, kinds[i] as Kind];
  }
  return kinds;
}

/**
 * The roster and its 双报到 as the members module keeps them: unique ID numbers (valid GB 11643, encrypted, with
 * their blind indexes), phones encrypted and indexed, pinyin for search, membership held in the unit's organ
 * branch or the compound's; in-service members reported in to the compound they live in — `reportedIn` of them
 * confirmed with a receipt numbered per year in the order of confirmation, some pending — and each member's
 * `report_in_status` equal to their report-in. Spread over the compounds by their recorded households.
 */
export async function generateRoster(
  ctx: ScaleContext,
  input: {
    places: ScalePlaces;
    staff: StaffDirectory;
    households: Map<string, ScaleHousehold[]>;
    members: number;
    reportedIn: number;
  },
): Promise<ScaleMember[]> {
  const { random, ids } = phaseStreams(ctx, 'roster');
  const names = demoNames(random);
  const draw: MemberDraw = {
    ctx,
    random,
    ids,
    names,
    phone: phoneSeries('136'),
    units: await workUnits(ctx, ids, names),
    identity: identities(random),
    pinyinOf: memoPinyin(),
  };
  const kinds = kindsFor(random, input.members, input.reportedIn);
  const compounds = input.places.compounds;
  const shares = apportion(
    input.members,
    compounds.map((c) => input.households.get(c.id)?.length ?? 0),
  );
  const phase = ctx.progress.phase('members', input.members);
  const members: ScaleMember[] = [];
  const reportIns: ReportIn[] = [];
  let buffer = new RowBuffer(['member']);
  let next = 0;
  for (const [index, compound] of compounds.entries()) {
    const households = input.households.get(compound.id) ?? [];
    const decider = input.staff.dispatcher(compound).userId;
    for (let m = 0; m < (shares[index] ?? 0); m += 1) {
      const kind = kinds[next++] ?? 'retired';
      const { row, unitId } = memberRow(draw, compound, kind, households);
      buffer.add('member', row);
      const reportIn =
        kind === 'confirmed' || kind === 'pending' ? reportInRow(draw, row, kind, unitId, decider) : null;
      if (reportIn) reportIns.push(reportIn);
      members.push({ id: String(row.id), compound, kind, confirmedMs: reportIn?.decidedMs ?? null });
      phase.advance(1);
      if (buffer.size >= CHUNK) {
        const full = buffer;
        buffer = new RowBuffer(['member']);
        await ctx.db.transaction().execute((trx) => full.flush(trx, ctx.dialect));
      }
    }
  }
  await ctx.db.transaction().execute(async (trx) => {
    await buffer.flush(trx, ctx.dialect);
    const receipts = await numberReceipts(trx, reportIns);
    const rows = new RowBuffer(['member_report_in']);
    for (const { decidedMs: _, ...r } of reportIns) {
      rows.add('member_report_in', { ...r, receipt_no: receipts.get(String(r.id)) ?? null });
    }
    await rows.flush(trx, ctx.dialect);
  });
  phase.end();
  return members;
}

type ReportIn = Insertable<MemberReportInTable> & { decidedMs: number | null };

interface MemberDraw {
  ctx: ScaleContext;
  random: Random;
  ids: IdMaker;
  names: DemoNames;
  phone: () => string;
  units: WorkUnitRef[];
  identity: ReturnType<typeof identities>;
  pinyinOf: (name: string) => [string, string];
}

/**
 * A member as the roster holds them: membership in the unit's organ branch for in-service members whose unit has
 * one in the tree, else in the compound's branch (retired and other members) or outside the county.
 */
function memberRow(
  draw: MemberDraw,
  compound: ScaleCompound,
  kind: Kind,
  households: readonly ScaleHousehold[],
): { row: Insertable<MemberTable>; unitId: string | null } {
  const { ctx, random } = draw;
  const createdMs = compound.createdMs + random.int(1, 29) * DAY_MS;
  const inService = kind === 'confirmed' || kind === 'pending' || kind === 'none';
  const unit: WorkUnitRef | null = inService ? random.pick(draw.units) : null;
  const person = draw.identity(inService ? [1965, 1998] : kind === 'retired' ? [1940, 1964] : [1950, 2000]);
  const number = draw.phone();
  const name = draw.names.person();
  const [namePinyin, initials] = draw.pinyinOf(name);
  const held = compound.branch ? { id: compound.branch.orgId, path: compound.branch.orgPath } : null;
  const branch = unit ? unit.branch : held;
  const lastYear = new Date(ctx.span.cutoffMs).getUTCFullYear() - 1;
  const joinedYear = Math.min(person.birthYear + random.int(20, 40), lastYear - 1);
  const probationary = random.next() < 0.05;
  const row: Insertable<MemberTable> = {
    id: draw.ids(createdMs),
    name,
    name_pinyin: namePinyin,
    name_initials: initials,
    gender: Number(person.idNumber[16]) % 2 === 1 ? 'male' : 'female',
    ethnicity: random.pick(ETHNICITIES),
    birth_date: person.birthDate,
    id_number_cipher: ctx.cipher.encrypt(person.idNumber),
    id_number_index: ctx.blindIndex(`id:${person.idNumber}`),
    id_last4_index: ctx.blindIndex(`id4:${person.idNumber.slice(-4)}`),
    phone_cipher: ctx.cipher.encrypt(number),
    phone_index: ctx.blindIndex(number),
    education: random.pick(EDUCATION),
    address_cipher: null,
    status: probationary ? 'probationary' : 'full',
    joined_on: `${probationary ? lastYear : joinedYear}-07-01`,
    full_member_on: probationary ? null : `${joinedYear + 1}-07-01`,
    employment: inService ? 'in_service' : kind === 'retired' ? 'retired' : 'other',
    work_unit_id: unit?.id ?? null,
    branch_org_id: branch?.id ?? null,
    home_path: branch?.path ?? compound.path,
    residence_compound_id: compound.id,
    residence_path: compound.path,
    household_id: households.length > 0 ? random.pick(households).id : null,
    is_mobile: random.next() < 0.03 ? 1 : 0,
    is_lost_contact: random.next() < 0.01 ? 1 : 0,
    user_id: null,
    badge_token: null,
    report_in_status: kind === 'confirmed' || kind === 'pending' ? kind : 'none',
    created_at: iso(createdMs),
    updated_at: iso(createdMs),
    version: 1,
  };
  return { row, unitId: unit?.id ?? null };
}

/** The member's 双报到 to the compound they live in: registered some day of the span, confirmed days later. */
function reportInRow(
  draw: MemberDraw,
  member: Insertable<MemberTable>,
  kind: 'confirmed' | 'pending',
  unitId: string | null,
  decider: string,
): ReportIn {
  const { ctx, random } = draw;
  const createdMs = Date.parse(member.created_at);
  const registeredMs = random.int(Math.max(createdMs, ctx.span.startMs), ctx.span.cutoffMs - 10 * DAY_MS);
  const confirmedMs = kind === 'confirmed' ? registeredMs + random.int(1, 7) * DAY_MS : null;
  return {
    id: draw.ids(registeredMs),
    member_id: String(member.id),
    compound_id: String(member.residence_compound_id),
    path: member.residence_path,
    work_unit_id: unitId,
    status: kind,
    skills: random.next() < 0.5 ? random.pick(SKILLS) : null,
    registered_at: iso(registeredMs),
    decided_by: confirmedMs === null ? null : decider,
    decided_at: confirmedMs === null ? null : iso(confirmedMs),
    reject_reason: null,
    receipt_no: null,
    created_at: iso(registeredMs),
    updated_at: iso(confirmedMs ?? registeredMs),
    version: 1,
    decidedMs: confirmedMs,
  };
}

/** Birth dates and ID numbers: an area of the prefecture other than the demo's (so none repeats), a sequence per day. */
function identities(random: Random) {
  const used = new Map<string, number>();
  return ([from, to]: [number, number]) => {
    const birthYear = random.int(from, to);
    const birthDate = `${birthYear}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
    const area = `5399${String(random.int(2, 9)).padStart(2, '0')}`;
    const key = `${area}${birthDate.replace(/-/g, '')}`;
    const seq = (used.get(key) ?? 0) + 1;
    used.set(key, seq);
    const first17 = `${key}${String(seq).padStart(3, '0')}`;
    return { birthYear, birthDate, idNumber: first17 + idNumberCheckChar(first17) };
  };
}

/** Toneless pinyin and initials, once per name (the pools repeat names). */
function memoPinyin(): (name: string) => [string, string] {
  const memo = new Map<string, [string, string]>();
  return (name) => {
    const known = memo.get(name);
    if (known) return known;
    const syllables = pinyin(name, { toneType: 'none', type: 'array' });
    const value: [string, string] = [syllables.join('').toLowerCase(), syllables.map((s) => s[0] ?? '').join('')];
    memo.set(name, value);
    return value;
  };
}

/**
 * Receipt numbers `BD-<year>-000123` in the order the report-ins were confirmed, each year going on from the
 * highest the database already holds (the counter `nextReceiptNo` keeps starts above it, or is moved up here).
 */
export async function numberReceipts(
  db: Db | Trx,
  reportIns: ReadonlyArray<{ id?: string | undefined; decidedMs: number | null }>,
): Promise<Map<string, string>> {
  const confirmed = reportIns
    .filter((r) => r.decidedMs !== null)
    .sort((a, b) => (a.decidedMs ?? 0) - (b.decidedMs ?? 0));
  const issued = new Map<string, number>();
  const receipts = new Map<string, string>();
  for (const r of confirmed) {
    const year = shanghaiDay(r.decidedMs ?? 0).slice(0, 4);
    const last = issued.get(year) ?? (await highestReceipt(db, year));
    issued.set(year, last + 1);
    receipts.set(String(r.id), `BD-${year}-${String(last + 1).padStart(6, '0')}`);
  }
  for (const [year, last] of issued) {
    await db
      .updateTable('setting')
      .set({ value: String(last) })
      .where('key', '=', `members.report_in_receipt_seq:${year}`)
      .execute();
  }
  return receipts;
}

async function highestReceipt(db: Db | Trx, year: string): Promise<number> {
  const prefix = `BD-${year}-`;
  let top = 0;
  for (const table of ['member_report_in', 'org_report_in'] as const) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.max('receipt_no').as('top'))
      .where('receipt_no', 'like', `${prefix}%`)
      .executeTakeFirst();
    top = Math.max(top, Number(row?.top?.slice(prefix.length)) || 0);
  }
  return top;
}
