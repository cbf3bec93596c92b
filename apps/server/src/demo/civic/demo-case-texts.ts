import type { CaseAnswers } from '@linli/contracts';

/**
 * What residents write, per default category code: a few titles with descriptions, and answers to the category's
 * required questions. Written for the demo; varied enough that duplicates and similarity have something to do.
 */
export interface DemoCaseText {
  title: string;
  description: string;
  answers?: CaseAnswers;
}

export const DEMO_CASE_TEXTS: Record<string, DemoCaseText[]> = {
  MS01: [
    { title: '电梯经常停运', description: '单元电梯这周停了三次，老人上下楼很困难，请物业尽快检修。' },
    { title: '楼道保洁不及时', description: '楼道垃圾两天没人清理，有异味，希望物业按时保洁。' },
    { title: '门禁损坏', description: '单元门禁刷卡没反应，外来人员随意进出，存在安全隐患。' },
  ],
  MS02: [
    {
      title: '下水道堵塞污水外溢',
      description: '楼下化粪井堵了，污水漫到路面，气味很大。',
      answers: { severity: 'overflow' },
    },
    { title: '厨房下水不畅', description: '一楼厨房下水很慢，怀疑主管道堵塞。', answers: { severity: 'slow' } },
  ],
  MS03: [
    { title: '小区突然停水', description: '早上起来整栋楼没水，没看到停水通知。' },
    { title: '路灯线路漏电', description: '花园旁边的配电箱门开着，下雨天担心漏电。' },
  ],
  MS04: [
    { title: '楼上漏水引发纠纷', description: '楼上卫生间漏水到我家天花板，多次沟通未果，希望社区协调。' },
    { title: '占用公共楼道堆物', description: '邻居长期在楼道堆放杂物，劝说无效，影响通行。' },
  ],
  MS05: [{ title: '独居老人需要助餐', description: '三单元有位独居老人行动不便，希望能安排助餐服务。' }],
  MS06: [{ title: '咨询孩子入学政策', description: '刚搬来小区，想了解孩子就近入学需要哪些材料。' }],
  CG01: [
    {
      title: '消防通道被占用',
      description: '晚上有车辆长期停在消防通道上，出了事消防车进不来。',
      answers: { spot: 'fire_lane' },
    },
    { title: '车辆停在绿地上', description: '有车直接开上绿地停放，草坪都压坏了。', answers: { spot: 'green' } },
  ],
  CG02: [
    { title: '垃圾桶满溢无人清运', description: '小区门口的垃圾桶满了两天，周边苍蝇很多。' },
    { title: '建筑垃圾乱堆', description: '装修户把建筑垃圾堆在楼下，一直没有清走。' },
  ],
  CG03: [
    { title: '路灯不亮', description: '小区主干道有三盏路灯坏了，晚上很黑。' },
    { title: '井盖松动', description: '二号楼前的井盖踩上去晃动，怕有人掉下去。' },
  ],
  CG04: [{ title: '楼顶私搭乱建', description: '顶楼住户在楼顶搭建了彩钢房，影响楼顶防水。' }],
  CG05: [
    {
      title: '夜间噪音扰民',
      description: '广场舞音响开到晚上十点以后，影响休息。',
      answers: { period: '20:00-22:30' },
    },
  ],
  NY01: [{ title: '灌溉沟渠堵塞', description: '村后灌溉沟渠被杂草淤泥堵住，影响春灌。' }],
  NY03: [{ title: '公厕需要维修', description: '村口公厕冲水设备坏了，卫生状况差。' }],
  SJ02: [{ title: '燃气管道老化', description: '老旧楼燃气管道锈蚀严重，担心泄漏。' }],
  LD01: [{ title: '希望提供就业信息', description: '家里有失业人员，想了解附近的招聘信息和公益岗位。' }],
  LD03: [{ title: '工地拖欠工资', description: '在附近工地干了三个月，工资一直没结清。' }],
  PK01: [{ title: '困难家庭申请救助', description: '家中有重病患者，生活困难，想了解临时救助怎么申请。' }],
};

/** Category codes weighted by how often counties see them (物业 and 城管 first). */
export const DEMO_CATEGORY_MIX: readonly string[] = [
  'MS01',
  'MS01',
  'MS01',
  'MS02',
  'MS02',
  'MS03',
  'MS04',
  'MS04',
  'MS05',
  'MS06',
  'CG01',
  'CG01',
  'CG01',
  'CG02',
  'CG02',
  'CG03',
  'CG03',
  'CG04',
  'CG05',
  'NY01',
  'NY03',
  'SJ02',
  'LD01',
  'LD03',
  'PK01',
];

export const DEMO_RESULTS = [
  '已安排人员到现场处理完毕，并拍照留存。',
  '已联系相关单位维修，现已恢复正常。',
  '经现场协调，双方达成一致，问题已解决。',
  '已清理完毕，将加强日常巡查。',
];
