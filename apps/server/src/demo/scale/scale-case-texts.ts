import type { CaseNature, IntakeChannel } from '@linli/contracts';
import { DEMO_CASE_TEXTS, type DemoCaseText } from '../civic/demo-case-texts.ts';
import type { Random } from '../seeded-random.ts';

/** What residents write about the categories the demo's texts leave out. */
const MORE_TEXTS: Record<string, DemoCaseText[]> = {
  NY02: [{ title: '咨询果树病虫害防治', description: '家里的核桃树叶子发黄卷曲，想请农技人员来看看。' }],
  SJ01: [{ title: '窗口工作人员态度差', description: '到便民服务中心办事，工作人员不耐烦，也不一次性告知所需材料。' }],
  SJ03: [{ title: '高龄补贴未按时发放', description: '家里老人今年的高龄补贴一直没有到账，不知道什么原因。' }],
  LD02: [{ title: '报名参加技能培训', description: '想参加县里组织的电工培训，不知道在哪里报名。' }],
  PK02: [{ title: '监测户收入变化', description: '走访发现该户因病支出增加，收入明显下降，建议纳入监测。' }],
  MS05: [{ title: '老人需要上门助浴', description: '楼里有位失能老人，家属希望能安排助浴服务。' }],
  CG02: [{ title: '楼道小广告清理', description: '各单元楼道贴满小广告，影响美观，希望组织清理。' }],
};

/** What each category's cases say: the demo's texts and the ones above. */
export const CASE_TEXTS: Record<string, DemoCaseText[]> = { ...DEMO_CASE_TEXTS };
for (const [code, texts] of Object.entries(MORE_TEXTS)) CASE_TEXTS[code] = [...(CASE_TEXTS[code] ?? []), ...texts];

/**
 * How often each leaf category is reported: 民生服务 (property services first) most, then urban management; the
 * staff-only relapse monitoring comes only through staff channels.
 */
export const CATEGORY_WEIGHTS: Record<string, number> = {
  MS01: 14,
  MS02: 6,
  MS03: 6,
  MS04: 7,
  MS05: 4,
  MS06: 3,
  CG01: 8,
  CG02: 7,
  CG03: 6,
  CG04: 3,
  CG05: 4,
  NY01: 2,
  NY02: 1,
  NY03: 2,
  SJ01: 2,
  SJ02: 3,
  SJ03: 2,
  LD01: 4,
  LD02: 2,
  LD03: 3,
  PK01: 4,
  PK02: 2,
};

/** Where cases come from: the H5 first, then grid visits, the 12345 hotline, proxies and the front desk. */
const CHANNELS: ReadonlyArray<[IntakeChannel, number]> = [
  ['h5', 0.42],
  ['visit', 0.16],
  ['hotline', 0.13],
  ['proxy', 0.1],
  ['reception', 0.08],
  ['open311', 0.05],
  ['meeting', 0.03],
  ['suggestion_box', 0.03],
];

export function pickChannel(random: Random): IntakeChannel {
  let roll = random.next();
  for (const [channel, share] of CHANNELS) {
    if (roll < share) return channel;
    roll -= share;
  }
  return 'h5';
}

/** 咨询、求助、投诉、举报、建议: a meeting brings suggestions, the rest mostly requests for help and complaints. */
export function pickNature(random: Random, channel: IntakeChannel): CaseNature {
  if (channel === 'meeting') return 'suggestion';
  const roll = random.next();
  return roll < 0.45
    ? 'help'
    : roll < 0.7
      ? 'complaint'
      : roll < 0.82
        ? 'consult'
        : roll < 0.92
          ? 'report'
          : 'suggestion';
}
