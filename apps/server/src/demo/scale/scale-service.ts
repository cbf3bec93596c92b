import { defaultPostCategoryId } from '../../db/migrations/0006-members.ts';
import { DAY_MS } from '../../platform/clock.ts';
import type { Random } from '../seeded-random.ts';
import { RowBuffer } from './bulk-insert.ts';
import { phaseStreams, type ScaleContext } from './scale-context.ts';
import type { ScaleHousehold } from './scale-households.ts';
import type { ScaleCompound } from './scale-places.ts';
import type { ScaleMember } from './scale-roster.ts';
import type { StaffDirectory } from './scale-staff.ts';
import { iso, shanghaiDay } from './scale-time.ts';

/** Post templates by default category index: title, duties, seats. */
const POSTS: ReadonlyArray<[number, string, string, number]> = [
  [0, '楼栋党员联络岗', '联系本楼栋住户，收集意见建议，传达支部通知', 4],
  [1, '法律咨询岗', '每月第二个周六在党群服务站提供法律咨询，调解邻里纠纷', 2],
  [2, '帮困助老岗', '结对帮扶独居老人和困难家庭，定期上门探访', 3],
  [3, '环境卫生监督岗', '巡查楼道堆物、垃圾分类和车辆乱停，发现问题及时报告', 4],
  [4, '健康义诊岗', '为老年人测量血压血糖，宣传慢病防治知识', 2],
  [5, '文体活动岗', '组织广场舞、书法和乒乓球等文体活动', 3],
  [6, '平安巡逻岗', '夜间巡逻，检查消防通道和电动车充电安全', 5],
];
const NEEDS: ReadonlyArray<[number, string, string]> = [
  [2, '独居老人每周代购', '一位独居老人行动不便，需要每周代购生活用品一次'],
  [3, '楼道杂物清理', '楼道长期堆放纸箱杂物，需要协调清理'],
  [4, '老人血压测量', '小区老年人希望每月有一次血压测量服务'],
  [0, '青少年暑期托管', '双职工家庭希望暑期有党员志愿者辅导作业'],
  [1, '物业纠纷法律咨询', '部分业主咨询停车费收取依据，需要法律解读'],
  [5, '重阳节文艺活动', '组织小区重阳节敬老文艺活动'],
];
const SERVICES = [
  '上门探访独居老人，帮助打扫卫生并代购生活用品',
  '参加夜间平安巡逻，清理消防通道堆放的杂物',
  '在党群服务站提供法律咨询，调解邻里噪音纠纷',
  '协助开展垃圾分类宣传，入户发放宣传资料',
  '为老年人测量血压并讲解慢病用药常识',
  '组织小区书法兴趣班，辅导居民练习',
];
const VISITS = ['走访了解家庭近况', '宣传反诈知识', '了解老人身体状况', '征求对物业服务的意见'];
const FINDINGS = ['楼道照明损坏，需要维修', '反映地下车库积水', '邻居装修噪音扰民'];
const TABLES = ['post', 'post_claim', 'need', 'service_record', 'household_link', 'household_visit'] as const;
const CHUNK = 20_000;

interface ServiceInput {
  members: readonly ScaleMember[];
  compounds: readonly ScaleCompound[];
  households: Map<string, ScaleHousehold[]>;
  staff: StaffDirectory;
}

/**
 * What reported-in members do, as the members module records it: posts per branch with claims (never more
 * approved than seats), the needs list, services done from the day a member was confirmed on, rated by the
 * household's registered resident or the branch; 党员联系户 links; and the grid workers' monthly household visits.
 */
export async function generateService(ctx: ScaleContext, input: ServiceInput): Promise<void> {
  const { random, ids } = phaseStreams(ctx, 'service');
  const byCompound = new Map<string, ScaleMember[]>();
  for (const m of input.members) byCompound.set(m.compound.id, [...(byCompound.get(m.compound.id) ?? []), m]);
  const phase = ctx.progress.phase('posts and services', input.compounds.length);
  let buffer = new RowBuffer(TABLES);
  for (const compound of input.compounds) {
    const households = input.households.get(compound.id) ?? [];
    const members = byCompound.get(compound.id) ?? [];
    const decider = input.staff.dispatcher(compound).userId;
    const rows = { buffer, ids, random, compound, households, decider, cutoffMs: ctx.span.cutoffMs };
    if (compound.branch) postsAndServices(rows, members, compound.generated);
    links(rows, members);
    visits(rows, input.staff, ctx.span.startMs);
    phase.advance(1);
    if (buffer.size >= CHUNK) {
      const full = buffer;
      buffer = new RowBuffer(TABLES);
      await ctx.db.transaction().execute((trx) => full.flush(trx, ctx.dialect));
    }
  }
  await ctx.db.transaction().execute((trx) => buffer.flush(trx, ctx.dialect));
  phase.end();
}

interface Rows {
  buffer: RowBuffer;
  ids: (atMs: number) => string;
  random: Random;
  compound: ScaleCompound;
  households: ScaleHousehold[];
  decider: string;
  cutoffMs: number;
}

/** Posts are set up in generated compounds only: the demo's compounds have theirs. */
function postsAndServices(r: Rows, members: readonly ScaleMember[], withPosts: boolean): void {
  const openedMs = r.compound.createdMs + 10 * DAY_MS;
  const posts = withPosts ? openPosts(r, openedMs) : [];
  const reported = members.filter((m) => m.confirmedMs !== null);
  for (const member of reported) {
    const confirmedMs = member.confirmedMs ?? openedMs;
    services(r, member, confirmedMs, claimPost(r, member, posts, Math.max(confirmedMs, openedMs)));
  }
  addNeeds(r, reported, openedMs);
}

interface OpenPost {
  id: string;
  seats: number;
  taken: number;
}

function openPosts(r: Rows, openedMs: number): OpenPost[] {
  return POSTS.filter(() => r.random.next() < 0.7).map(([category, title, duties, seats]) => {
    const id = r.ids(openedMs);
    const buildings = category === 0 || category === 6;
    r.buffer.add('post', {
      id,
      compound_id: r.compound.id,
      path: r.compound.path,
      category_id: defaultPostCategoryId(category),
      title,
      duties,
      seats,
      area_kind: buildings ? 'buildings' : 'none',
      area_buildings: buildings ? JSON.stringify(['1栋', '2栋', '3栋']) : null,
      duty_zone_id: null,
      status: 'open',
      created_at: iso(openedMs),
      updated_at: iso(openedMs),
      version: 1,
    });
    return { id, seats, taken: 0 };
  });
}

/** Most reported members claim a post; the branch approves while seats last. The post held, if approved. */
function claimPost(r: Rows, member: ScaleMember, posts: OpenPost[], fromMs: number): string | null {
  const { random } = r;
  const post = posts.length > 0 && random.next() < 0.65 ? random.pick(posts) : null;
  if (!post || fromMs + 3 * DAY_MS >= r.cutoffMs) return null;
  const approved = post.taken < post.seats && random.next() < 0.85;
  if (approved) post.taken += 1;
  const claimedMs = random.int(fromMs + DAY_MS, fromMs + 2 * DAY_MS);
  const decidedMs = claimedMs + DAY_MS;
  r.buffer.add('post_claim', {
    id: r.ids(claimedMs),
    post_id: post.id,
    member_id: member.id,
    path: r.compound.path,
    status: approved ? 'approved' : 'pending',
    note: null,
    claimed_at: iso(claimedMs),
    decided_by: approved ? r.decider : null,
    decided_at: approved ? iso(decidedMs) : null,
    decision_reason: null,
    created_at: iso(claimedMs),
    updated_at: iso(approved ? decidedMs : claimedMs),
    version: 1,
  });
  return approved ? post.id : null;
}

/** The branch's needs list over the years; some claimed by a reported member, some of those done. */
function addNeeds(r: Rows, reported: readonly ScaleMember[], openedMs: number): void {
  const { random } = r;
  for (const [category, title, description] of NEEDS.filter(() => random.next() < 0.6)) {
    const createdMs = random.int(openedMs, r.cutoffMs - 20 * DAY_MS);
    const claimant = reported.find((m) => (m.confirmedMs ?? Infinity) < createdMs && random.next() < 0.3) ?? null;
    const claimedMs = createdMs + random.int(1, 10) * DAY_MS;
    r.buffer.add('need', {
      id: r.ids(createdMs),
      compound_id: r.compound.id,
      path: r.compound.path,
      category_id: defaultPostCategoryId(category),
      title,
      description,
      household_id: r.households.length > 0 && random.next() < 0.4 ? random.pick(r.households).id : null,
      due_on: shanghaiDay(createdMs + random.int(7, 60) * DAY_MS),
      status: claimant ? (random.next() < 0.6 ? 'done' : 'claimed') : 'open',
      claimed_by_member_id: claimant?.id ?? null,
      claimed_at: claimant ? iso(claimedMs) : null,
      created_by: r.decider,
      created_at: iso(createdMs),
      updated_at: iso(claimant ? claimedMs : createdMs),
      version: 1,
    });
  }
}

/** About one and a half services a year from confirmation on, most rated by the household or the branch. */
function services(r: Rows, member: ScaleMember, fromMs: number, postId: string | null): void {
  const { random } = r;
  const years = Math.max(0, (r.cutoffMs - fromMs) / (365 * DAY_MS));
  const count = Math.round(years * random.next() * 3);
  for (let s = 0; s < count; s += 1) {
    const servedMs = random.int(fromMs + DAY_MS, r.cutoffMs - DAY_MS);
    const household = r.households.length > 0 ? random.pick(r.households) : null;
    const rated = random.next() < 0.7 && servedMs + 2 * DAY_MS < r.cutoffMs;
    const byResident = rated && household?.accountId != null && random.next() < 0.6;
    const roll = random.next();
    const ratedMs = servedMs + DAY_MS;
    r.buffer.add('service_record', {
      id: r.ids(servedMs),
      member_id: member.id,
      compound_id: r.compound.id,
      path: r.compound.path,
      need_id: null,
      post_id: postId && random.next() < 0.5 ? postId : null,
      household_id: household?.id ?? null,
      served_on: shanghaiDay(servedMs),
      minutes: random.int(2, 8) * 30,
      content: random.pick(SERVICES),
      rating: rated ? (roll < 0.8 ? 'satisfied' : roll < 0.95 ? 'basically_satisfied' : 'dissatisfied') : null,
      rated_by_kind: rated ? (byResident ? 'resident' : 'branch') : null,
      rated_by: rated ? (byResident ? (household?.accountId ?? null) : r.decider) : null,
      rated_at: rated ? iso(ratedMs) : null,
      rating_comment: null,
      created_by: r.decider,
      created_at: iso(servedMs),
      updated_at: iso(rated ? ratedMs : servedMs),
      version: 1,
    });
  }
}

/** 党员联系户: members other than the "other" kind keep in touch with up to three households each. */
function links(r: Rows, members: readonly ScaleMember[]): void {
  if (r.households.length === 0) return;
  for (const member of members) {
    if (member.kind === 'other') continue;
    const picked = new Set<ScaleHousehold>();
    for (let k = r.random.int(0, 3); k > 0; k -= 1) picked.add(r.random.pick(r.households));
    for (const household of picked) {
      const atMs = Math.max(household.createdMs, r.compound.createdMs) + 30 * DAY_MS;
      r.buffer.add('household_link', {
        id: r.ids(atMs),
        member_id: member.id,
        household_id: household.id,
        path: household.path,
        created_at: iso(atMs),
        created_by: r.decider,
      });
    }
  }
}

/** Each grid worker visits a household of their grid about once a month; some visits find something to follow up. */
function visits(r: Rows, staff: StaffDirectory, spanStartMs: number): void {
  for (const grid of r.compound.grids) {
    const inGrid = r.households.filter((h) => h.path === grid.path);
    if (inGrid.length === 0) continue;
    const visitor = staff.gridWorker(grid.id).userId;
    const fromMs = Math.max(spanStartMs, r.compound.createdMs + 30 * DAY_MS);
    for (let atMs = fromMs + r.random.int(0, 29) * DAY_MS; atMs < r.cutoffMs; atMs += 30 * DAY_MS) {
      const household = r.random.pick(inGrid);
      const followUp = r.random.next() < 0.3;
      r.buffer.add('household_visit', {
        id: r.ids(atMs),
        household_id: household.id,
        path: household.path,
        visitor_user_id: visitor,
        member_id: null,
        visited_on: shanghaiDay(atMs),
        summary: r.random.pick(VISITS),
        findings: followUp ? r.random.pick(FINDINGS) : null,
        follow_up: followUp ? 1 : 0,
        civic_case_id: null,
        created_at: iso(atMs),
      });
    }
  }
}
