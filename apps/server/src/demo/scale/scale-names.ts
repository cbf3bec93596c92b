import type { Random } from '../seeded-random.ts';

/**
 * Name pools for the generated part of 示例县, apart from the demo county's own (`demo-names.ts`) so no
 * generated town, community, compound or work unit shares a name with a demo one. No real place is meant.
 */
export const SCALE_TOWNS = ['白塔镇', '柳营乡', '城南街道', '石桥镇', '新村镇', '东山乡'] as const;

export const COMMUNITY_STEMS = [
  '朝阳',
  '红旗',
  '建设',
  '团结',
  '幸福',
  '长青',
  '东湖',
  '西苑',
  '南苑',
  '北苑',
  '清泉',
  '松林',
  '桃源',
  '杏花',
  '荷塘',
  '金桥',
  '银河',
  '星光',
  '彩虹',
  '春晖',
  '秋实',
  '丰收',
  '兴旺',
  '富民',
  '康宁',
  '安宁',
  '永安',
  '太平',
  '龙潭',
  '凤岭',
  '麒麟',
  '青云',
  '白云',
  '碧溪',
  '石门',
  '玉屏',
  '花溪',
  '鹤鸣',
  '望海',
  '映月',
  '聚贤',
  '惠民',
];

const COMPOUND_FIRST = [
  '金山',
  '银湖',
  '翠竹',
  '碧桂',
  '锦江',
  '华府',
  '康城',
  '福星',
  '瑞祥',
  '嘉禾',
  '和悦',
  '丽景',
  '馨怡',
  '悦澜',
  '盛世',
  '泰和',
  '安泰',
  '紫薇',
  '海棠',
  '玉兰',
  '丹桂',
  '青松',
  '红枫',
  '清溪',
  '蓝湾',
  '水岸',
  '云栖',
  '书苑',
];
const COMPOUND_LAST = ['苑', '花园', '小区', '家园', '名邸', '新村', '雅居', '华庭', '公寓', '佳园', '尚城', '御府'];

export const STREETS = [
  '迎宾路',
  '振兴路',
  '环城西路',
  '人和街',
  '长安路',
  '文明路',
  '兴业路',
  '南华街',
  '学府路',
  '春城路',
];

export const PROPERTY_COMPANIES = [
  '康居物业服务有限公司',
  '瑞丰物业管理有限公司',
  '嘉园物业服务有限公司',
  '诚信物业管理有限公司',
  '美好家园物业服务有限公司',
  '华宇物业管理有限公司',
];

/** Employers of in-service members beyond the demo's organs: their Party organisations are outside the tree. */
export const WORK_UNITS = [
  '县第一中学',
  '县第二中学',
  '县实验小学',
  '县职业高级中学',
  '县中医医院',
  '县妇幼保健院',
  '县疾病预防控制中心',
  '县融媒体中心',
  '县文化馆',
  '县林业和草原局',
  '县农业农村局',
  '县退役军人事务局',
  '县应急管理局',
  '县统计局',
  '县审计局',
  '县人民法院',
  '县人民检察院',
  '县消防救援大队',
  '县气象局',
  '县医疗保障局',
  '县商务局',
  '县城市管理局',
  '县生态环境分局',
  '县供销合作社',
  '县工商联',
  '县总工会',
  '县妇联',
  '团县委',
  '县残联',
  '县科协',
  '市第二人民医院',
  '市城市建设投资公司',
  '市交通投资集团',
  '省建工集团第三分公司',
  '市燃气有限公司',
  '市移动分公司',
  '市电信分公司',
  '市第三中学',
  '市农业科学研究所',
  '市人民银行营业管理部',
];

/** Compound names in a seeded order, none of them a demo compound's. */
export function compoundNames(random: Random, taken: ReadonlySet<string>): () => string {
  const all: string[] = [];
  for (const first of COMPOUND_FIRST) for (const last of COMPOUND_LAST) all.push(`${first}${last}`);
  const free = all.filter((name) => !taken.has(name));
  for (let i = free.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random.next() * (i + 1));
    [free[i], free[j]] = [free[j] as string, free[i] as string];
  }
  let next = 0;
  return () => {
    const name = free[next];
    if (name === undefined) throw new Error('no compound names left');
    next += 1;
    return name;
  };
}
