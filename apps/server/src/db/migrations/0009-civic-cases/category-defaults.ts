/**
 * The county's starting 民情 category tree: the six roots of the seed report (一部手机治理通's categories) and the
 * children counties file most. Data, not code: the county edits, adds and retires them afterwards.
 */
import type { CategoryQuestion, Urgency } from '@linli/contracts';

export interface DefaultCategory {
  code: string;
  name: string;
  nameEn: string;
  urgency?: Urgency;
  anonymous?: boolean;
  staffOnly?: boolean;
  keywords?: string;
  questions?: CategoryQuestion[];
  children?: DefaultCategory[];
}

const list = (code: string, label: string, options: [string, string][], required = false): CategoryQuestion => ({
  code,
  label,
  type: 'singlevaluelist',
  required,
  options: options.map(([key, name]) => ({ key, name })),
});

export const DEFAULT_CIVIC_CATEGORIES: DefaultCategory[] = [
  {
    code: 'MS',
    name: '民生服务类',
    nameEn: 'Livelihood services',
    children: [
      { code: 'MS01', name: '物业服务', nameEn: 'Property services', keywords: '物业,保洁,保安,电梯' },
      {
        code: 'MS02',
        name: '下水道堵塞',
        nameEn: 'Blocked sewer',
        urgency: 'utility',
        keywords: '下水道,污水,堵塞,外溢',
        questions: [
          list(
            'severity',
            '堵塞程度',
            [
              ['slow', '排水缓慢'],
              ['blocked', '完全堵塞'],
              ['overflow', '污水外溢'],
            ],
            true,
          ),
        ],
      },
      {
        code: 'MS03',
        name: '水电气热',
        nameEn: 'Water, power, gas, heating',
        urgency: 'utility',
        keywords: '停水,停电,燃气,暖气',
      },
      { code: 'MS04', name: '邻里纠纷', nameEn: 'Neighbour dispute', keywords: '纠纷,矛盾,调解' },
      { code: 'MS05', name: '养老助残', nameEn: 'Elderly and disability care', keywords: '老人,残疾,助餐' },
      { code: 'MS06', name: '就医就学', nameEn: 'Health care and schooling', keywords: '就医,入学' },
    ],
  },
  {
    code: 'CG',
    name: '城市管理类',
    nameEn: 'Urban management',
    children: [
      {
        code: 'CG01',
        name: '车辆乱停',
        nameEn: 'Illegal parking',
        anonymous: true,
        keywords: '停车,占道,消防通道',
        questions: [
          list(
            'spot',
            '停放位置',
            [
              ['fire_lane', '消防通道'],
              ['road', '小区道路'],
              ['green', '绿地'],
              ['other', '其他'],
            ],
            true,
          ),
          { code: 'plate', label: '车牌号（选填）', type: 'string', required: false, options: [] },
        ],
      },
      { code: 'CG02', name: '环境卫生', nameEn: 'Sanitation', keywords: '垃圾,卫生,清运' },
      { code: 'CG03', name: '公共设施', nameEn: 'Public facilities', keywords: '路灯,井盖,健身器材' },
      { code: 'CG04', name: '违章搭建', nameEn: 'Illegal construction', anonymous: true, keywords: '违建,搭建' },
      {
        code: 'CG05',
        name: '噪音扰民',
        nameEn: 'Noise',
        anonymous: true,
        keywords: '噪音,扰民,广场舞',
        questions: [{ code: 'period', label: '发生时段', type: 'string', required: false, options: [] }],
      },
    ],
  },
  {
    code: 'NY',
    name: '农业农村类',
    nameEn: 'Agriculture and villages',
    children: [
      { code: 'NY01', name: '农田水利', nameEn: 'Irrigation', keywords: '灌溉,沟渠' },
      { code: 'NY02', name: '农技服务', nameEn: 'Farming advice', keywords: '农技,种植,养殖' },
      { code: 'NY03', name: '人居环境', nameEn: 'Village living environment', keywords: '厕所,污水,村容' },
    ],
  },
  {
    code: 'SJ',
    name: '社会监督类',
    nameEn: 'Public oversight',
    children: [
      { code: 'SJ01', name: '干部作风', nameEn: 'Conduct of officials', anonymous: true, keywords: '作风,态度' },
      { code: 'SJ02', name: '安全隐患', nameEn: 'Safety hazard', anonymous: true, keywords: '隐患,消防,燃气泄漏' },
      { code: 'SJ03', name: '政策落实', nameEn: 'Policy implementation', anonymous: true, keywords: '政策,补贴' },
    ],
  },
  {
    code: 'LD',
    name: '劳动输出类',
    nameEn: 'Labour and employment',
    children: [
      { code: 'LD01', name: '就业帮扶', nameEn: 'Job support', keywords: '就业,招聘,岗位' },
      { code: 'LD02', name: '技能培训', nameEn: 'Skills training', keywords: '培训,技能' },
      { code: 'LD03', name: '劳务维权', nameEn: 'Wage and labour rights', urgency: 'complex', keywords: '欠薪,工资' },
    ],
  },
  {
    code: 'PK',
    name: '贫困帮扶类',
    nameEn: 'Poverty relief',
    children: [
      { code: 'PK01', name: '困难救助', nameEn: 'Hardship relief', keywords: '低保,救助,困难' },
      { code: 'PK02', name: '防返贫监测', nameEn: 'Relapse monitoring', staffOnly: true, keywords: '监测,返贫' },
    ],
  },
];

/** Fixed ids so the defaults are the same rows on every install and in every test database. */
export const defaultCivicCategoryId = (index: number): string =>
  `00000000-0000-7000-8001-${String(index + 1).padStart(12, '0')}`;

/** The tree flattened in insertion order (parents first), with ids and parent ids. */
export function flattenDefaultCategories(): (DefaultCategory & {
  id: string;
  parentId: string | null;
  sortOrder: number;
})[] {
  const rows: (DefaultCategory & { id: string; parentId: string | null; sortOrder: number })[] = [];
  DEFAULT_CIVIC_CATEGORIES.forEach((root, r) => {
    const rootRow = { ...root, id: defaultCivicCategoryId(rows.length), parentId: null, sortOrder: r + 1 };
    rows.push(rootRow);
    (root.children ?? []).forEach((child, c) => {
      rows.push({ ...child, id: defaultCivicCategoryId(rows.length), parentId: rootRow.id, sortOrder: c + 1 });
    });
  });
  return rows;
}

/**
 * Default time limits per urgency and step (12345 norm: feedback within 2 h / 24 h / 7 days / 15 days; sign-for
 * within a working day as the 24-hour sign-for rate asks; the web channel accepted within 2 h).
 */
export const DEFAULT_SLA: {
  urgency: Urgency;
  step: 'accept' | 'sign' | 'handle' | 'verify';
  minutes: number;
  basis: 'calendar' | 'workday';
}[] = [
  { urgency: 'emergency', step: 'accept', minutes: 30, basis: 'calendar' },
  { urgency: 'emergency', step: 'sign', minutes: 30, basis: 'calendar' },
  { urgency: 'emergency', step: 'handle', minutes: 120, basis: 'calendar' },
  { urgency: 'emergency', step: 'verify', minutes: 120, basis: 'calendar' },
  { urgency: 'utility', step: 'accept', minutes: 120, basis: 'calendar' },
  { urgency: 'utility', step: 'sign', minutes: 120, basis: 'calendar' },
  { urgency: 'utility', step: 'handle', minutes: 1440, basis: 'calendar' },
  { urgency: 'utility', step: 'verify', minutes: 1440, basis: 'calendar' },
  { urgency: 'ordinary', step: 'accept', minutes: 120, basis: 'calendar' },
  { urgency: 'ordinary', step: 'sign', minutes: 1440, basis: 'workday' },
  { urgency: 'ordinary', step: 'handle', minutes: 7 * 1440, basis: 'workday' },
  { urgency: 'ordinary', step: 'verify', minutes: 2 * 1440, basis: 'workday' },
  { urgency: 'complex', step: 'accept', minutes: 120, basis: 'calendar' },
  { urgency: 'complex', step: 'sign', minutes: 1440, basis: 'workday' },
  { urgency: 'complex', step: 'handle', minutes: 15 * 1440, basis: 'workday' },
  { urgency: 'complex', step: 'verify', minutes: 3 * 1440, basis: 'workday' },
];

export const defaultSlaId = (index: number): string => `00000000-0000-7000-8002-${String(index + 1).padStart(12, '0')}`;
