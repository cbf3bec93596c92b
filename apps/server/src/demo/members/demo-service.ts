import type { Insertable } from 'kysely';
import { defaultPostCategoryId } from '../../db/migrations/0006-members.ts';
import type {
  HouseholdLinkTable,
  HouseholdVisitTable,
  NeedTable,
  OrgReportInTable,
  PostClaimTable,
  PostTable,
  ServiceRecordTable,
} from '../../db/schema-members.ts';
import type { Platform } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import type { Trx } from '../../platform/transaction.ts';
import type { DemoNames } from '../demo-names.ts';
import type { Random } from '../seeded-random.ts';
import { daysBefore, insertMany, timeBefore } from './demo-batch.ts';
import type { DemoHousehold } from './demo-households.ts';
import type { DemoPlace } from './demo-places.ts';
import type { DemoMember } from './demo-roster.ts';

/** Post templates by default category index (DEFAULT_POST_CATEGORIES): title, duties, seats. */
const POSTS = [
  [0, '楼栋党员联络岗', '联系本楼栋住户，收集意见建议，传达支部通知', 4],
  [1, '法律咨询岗', '每月第二个周六在党群服务站提供法律咨询，调解邻里纠纷', 2],
  [2, '帮困助老岗', '结对帮扶独居老人和困难家庭，定期上门探访', 3],
  [3, '环境卫生监督岗', '巡查楼道堆物、垃圾分类和车辆乱停，发现问题及时报告', 4],
  [4, '健康义诊岗', '为老年人测量血压血糖，宣传慢病防治知识', 2],
  [5, '文体活动岗', '组织广场舞、书法和乒乓球等文体活动', 3],
  [6, '平安巡逻岗', '夜间巡逻，检查消防通道和电动车充电安全', 5],
] as const;
const NEEDS = [
  [2, '独居老人每周代购', '3栋一位独居老人行动不便，需要每周代购生活用品一次'],
  [3, '楼道杂物清理', '2栋楼道长期堆放纸箱杂物，需要协调清理'],
  [4, '老人血压测量', '小区老年人希望每月有一次血压测量服务'],
  [0, '青少年暑期托管', '双职工家庭希望暑期有党员志愿者辅导作业'],
  [1, '物业纠纷法律咨询', '部分业主咨询停车费收取依据，需要法律解读'],
  [5, '重阳节文艺活动', '组织小区重阳节敬老文艺活动'],
] as const;
const SERVICE_TEXT = [
  '上门探访独居老人，帮助打扫卫生并代购生活用品',
  '参加夜间平安巡逻，清理消防通道堆放的杂物',
  '在党群服务站提供法律咨询两起，调解邻里噪音纠纷一起',
  '协助开展垃圾分类宣传，入户发放宣传资料',
  '为老年人测量血压并讲解慢病用药常识',
  '组织小区书法兴趣班，辅导居民练习',
];

export interface ServiceSeedInput {
  places: DemoPlace[];
  organs: Array<{ id: string; name: string; path: string }>;
  households: Map<string, DemoHousehold[]>;
  members: DemoMember[];
  /** The demo resident's household: one unrated service there, so the resident has something to rate. */
  residentHouseholdId: string | null;
  deciderId: string | null;
  visitorId: string | null;
}

/**
 * Posts with claims, the needs list, service records with ratings, 党员联系住户 links and visits, and the organ
 * Party organisations' own report-ins. Claims never exceed a post's seats; services belong to members who
 * reported in; a claimed need has its claimant.
 */
export async function seedDemoService(
  trx: Trx,
  platform: Platform,
  input: ServiceSeedInput,
  names: DemoNames,
  random: Random,
): Promise<{ posts: number; services: number }> {
  const now = platform.clock.now();
  const stamp = now.toISOString();
  const posts: Insertable<PostTable>[] = [];
  const claims: Insertable<PostClaimTable>[] = [];
  const needs: Insertable<NeedTable>[] = [];
  const services: Insertable<ServiceRecordTable>[] = [];
  const links: Insertable<HouseholdLinkTable>[] = [];
  const visits: Insertable<HouseholdVisitTable>[] = [];

  for (const place of input.places) {
    if (!place.branch) continue;
    const households = input.households.get(place.id) ?? [];
    const residents = input.members.filter((m) => m.compoundId === place.id);
    const reported = residents.filter((m) => m.reportIn === 'confirmed');
    const placePosts = POSTS.filter(() => random.next() < 0.7).map(([category, title, duties, seats]) => {
      const id = newId();
      posts.push({
        id,
        compound_id: place.id,
        path: place.path,
        category_id: defaultPostCategoryId(category),
        title,
        duties,
        seats,
        area_kind: category === 0 || category === 6 ? 'buildings' : 'none',
        area_buildings: category === 0 || category === 6 ? JSON.stringify(['1栋', '2栋', '3栋']) : null,
        duty_zone_id: null,
        status: 'open',
        created_at: timeBefore(now, 400),
        updated_at: timeBefore(now, 400),
      });
      return { id, seats: seats as number, taken: 0 };
    });
    for (const member of reported) {
      const post = placePosts.length > 0 && random.next() < 0.65 ? random.pick(placePosts) : null;
      if (!post) continue;
      const approved = post.taken < post.seats && random.next() < 0.85;
      if (approved) post.taken += 1;
      const days = random.int(10, 300);
      claims.push({
        id: newId(),
        post_id: post.id,
        member_id: member.id,
        path: place.path,
        status: approved ? 'approved' : 'pending',
        note: null,
        claimed_at: timeBefore(now, days),
        decided_by: approved ? input.deciderId : null,
        decided_at: approved ? timeBefore(now, days - 2) : null,
        decision_reason: null,
        created_at: timeBefore(now, days),
        updated_at: timeBefore(now, approved ? days - 2 : days),
      });
    }
    for (const [category, title, description] of NEEDS.filter(() => random.next() < 0.6)) {
      const claimant = reported.length > 0 && random.next() < 0.5 ? random.pick(reported) : null;
      const status = claimant ? (random.next() < 0.5 ? 'done' : 'claimed') : 'open';
      needs.push({
        id: newId(),
        compound_id: place.id,
        path: place.path,
        category_id: defaultPostCategoryId(category),
        title,
        description,
        household_id: households.length > 0 && random.next() < 0.4 ? random.pick(households).id : null,
        due_on: daysBefore(now, -random.int(7, 60)),
        status,
        claimed_by_member_id: claimant?.id ?? null,
        claimed_at: claimant ? timeBefore(now, random.int(5, 40)) : null,
        created_by: input.deciderId,
        created_at: timeBefore(now, 60),
        updated_at: timeBefore(now, 5),
      });
    }
    for (const member of reported) {
      const count = random.int(0, 6);
      for (let s = 0; s < count; s += 1) {
        const household = households.length > 0 ? random.pick(households) : null;
        const rated = random.next() < 0.7;
        const days = random.int(3, 360);
        const rating = random.next();
        services.push({
          id: newId(),
          member_id: member.id,
          compound_id: place.id,
          path: place.path,
          need_id: null,
          post_id: null,
          household_id: household?.id ?? null,
          served_on: daysBefore(now, days),
          minutes: random.int(2, 8) * 30,
          content: random.pick(SERVICE_TEXT),
          rating: rated ? (rating < 0.8 ? 'satisfied' : rating < 0.95 ? 'basically_satisfied' : 'dissatisfied') : null,
          rated_by_kind: rated ? (random.next() < 0.5 ? 'resident' : 'branch') : null,
          rated_by: rated ? input.deciderId : null,
          rated_at: rated ? timeBefore(now, days - 1) : null,
          rating_comment: null,
          created_by: null,
          created_at: timeBefore(now, days),
          updated_at: timeBefore(now, rated ? days - 1 : days),
        });
      }
    }
    for (const member of residents.filter((m) => m.employment !== 'other')) {
      const picked = new Set<string>();
      for (let k = random.int(0, 3); k > 0 && households.length > 0; k -= 1) picked.add(random.pick(households).id);
      for (const householdId of picked) {
        const household = households.find((h) => h.id === householdId);
        if (!household) continue;
        links.push({
          id: newId(),
          member_id: member.id,
          household_id: householdId,
          path: household.path,
          created_at: stamp,
          created_by: input.deciderId,
        });
      }
    }
    if (input.visitorId) {
      for (let v = 0; v < 6 && households.length > 0; v += 1) {
        const household = random.pick(households);
        const followUp = random.next() < 0.3;
        visits.push({
          id: newId(),
          household_id: household.id,
          path: household.path,
          visitor_user_id: input.visitorId,
          member_id: null,
          visited_on: daysBefore(now, random.int(1, 120)),
          summary: random.pick(['走访了解家庭近况', '宣传反诈知识', '了解老人身体状况', '征求对物业服务的意见']),
          findings: followUp ? random.pick(['楼道照明损坏，需要维修', '反映地下车库积水', '邻居装修噪音扰民']) : null,
          follow_up: followUp ? 1 : 0,
          civic_case_id: null,
          created_at: stamp,
        });
      }
    }
  }

  const firstReported = input.members.find((m) => m.reportIn === 'confirmed' && m.compoundId === input.places[0]?.id);
  if (input.residentHouseholdId && firstReported) {
    services.push({
      id: newId(),
      member_id: firstReported.id,
      compound_id: firstReported.compoundId,
      path: firstReported.residencePath,
      need_id: null,
      post_id: null,
      household_id: input.residentHouseholdId,
      served_on: daysBefore(now, 2),
      minutes: 90,
      content: '上门帮助检修厨房水龙头，讲解燃气安全常识',
      rating: null,
      rated_by_kind: null,
      rated_by: null,
      rated_at: null,
      rating_comment: null,
      created_by: null,
      created_at: timeBefore(now, 2),
      updated_at: timeBefore(now, 2),
    });
  }

  await insertMany(trx, 'post', posts);
  await insertMany(trx, 'post_claim', claims);
  await insertMany(trx, 'need', needs);
  await insertMany(trx, 'service_record', services);
  await insertMany(trx, 'household_link', links);
  await insertMany(trx, 'household_visit', visits);
  await insertMany(trx, 'org_report_in', orgReportIns(platform, input, names, random, now));
  return { posts: posts.length, services: services.length };
}

/** Each organ Party branch has reported to one compound with a branch; most were received with a receipt. */
function orgReportIns(
  platform: Platform,
  input: ServiceSeedInput,
  names: DemoNames,
  random: Random,
  now: Date,
): Insertable<OrgReportInTable>[] {
  const targets = input.places.filter((p) => p.branch);
  return input.organs.map((organ, i) => {
    const target = targets[i % targets.length];
    if (!target) throw new Error('the demo county has no compound with a branch');
    const received = random.next() < 0.8;
    const days = random.int(60, 500);
    return {
      id: newId(),
      reporting_org_id: organ.id,
      reporting_path: organ.path,
      target_kind: 'compound',
      target_id: target.id,
      path: target.path,
      contact_name: names.person(),
      contact_phone_cipher: platform.cipher.encrypt(names.phone()),
      resources: random.pick([
        '会议室可供小区议事使用',
        '每月组织一次志愿服务',
        '提供政策宣讲和法律咨询',
        '捐赠文体器材',
      ]),
      reported_on: daysBefore(now, days),
      status: received ? 'received' : 'submitted',
      receipt_no: received ? `DW-${daysBefore(now, days).slice(0, 4)}-${String(i + 1).padStart(6, '0')}` : null,
      received_by: received ? input.deciderId : null,
      received_at: received ? timeBefore(now, days - 2) : null,
      created_at: timeBefore(now, days),
      updated_at: timeBefore(now, days),
    };
  });
}
