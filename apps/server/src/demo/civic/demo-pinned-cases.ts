import type { Actor } from '../../platform/context.ts';
import type { DemoStage } from './demo-case-play.ts';
import type { Story, StoryStep } from './demo-case-stories.ts';

export interface PinnedCase {
  code: string;
  hoursAgo: number;
  reporter: Actor;
  story: Story;
  kind?: 'mediation';
}

/**
 * Cases on the first compound that leave something in each demo account's inbox: the secretary has a new case
 * to accept, the grid worker one to sign for and one to verify, the property company one to sign for and one
 * overdue (the supervision sweep escalates it), the demo resident a closed case to rate; and a dispute in
 * mediation.
 */
export function demoPinnedCases(stage: DemoStage, _now: Date): PinnedCase[] {
  const resident = stage.reporters[0];
  const neighbour = stage.reporters[1] ?? resident;
  if (!resident || !neighbour) return [];
  const gridUnit = stage.compound.gridId ? { kind: 'grid' as const, id: stage.compound.gridId } : undefined;
  const h5 = (steps: Story['steps']): Story => ({ channel: 'h5', anonymous: false, steps });
  const accept: StoryStep = { action: 'accept', who: 'dispatcher', after: 20, body: {} };
  const intake: StoryStep[] = [accept, { action: 'dispatch', who: 'dispatcher', after: 5, body: {} }];
  return [
    { code: 'MS02', hoursAgo: 1, reporter: resident, story: h5([]) },
    { code: 'CG02', hoursAgo: 3, reporter: neighbour, story: h5(intake) },
    { code: 'MS01', hoursAgo: 2, reporter: neighbour, story: h5(intake) },
    {
      code: 'CG03',
      hoursAgo: 30,
      reporter: neighbour,
      story: {
        channel: 'proxy',
        anonymous: false,
        steps: [
          accept,
          { action: 'dispatch', who: 'dispatcher', after: 5, body: gridUnit ? { unit: gridUnit } : {} },
          { action: 'sign', who: 'handler', after: 40, body: {} },
          { action: 'handle', who: 'handler', after: 300, body: { publicNote: '已更换损坏的灯具，恢复照明。' } },
        ],
      },
    },
    {
      code: 'MS01',
      hoursAgo: 60,
      reporter: resident,
      story: h5([
        ...intake,
        { action: 'sign', who: 'handler', after: 30, body: {} },
        { action: 'contact', who: 'handler', after: 10, body: { publicNote: '已电话联系，约定上门维修。' } },
        { action: 'handle', who: 'handler', after: 600, body: { publicNote: '电梯控制板已更换，运行正常。' } },
        { action: 'verify', who: 'verifier', after: 120, body: {} },
        { action: 'close', who: 'dispatcher', after: 60, body: { endType: 'resolved', publicNote: '问题已解决。' } },
      ]),
    },
    {
      code: 'MS01',
      hoursAgo: 24 * 14,
      reporter: neighbour,
      story: h5([...intake, { action: 'sign', who: 'handler', after: 60, body: {} }]),
    },
    {
      code: 'MS04',
      hoursAgo: 50,
      reporter: neighbour,
      kind: 'mediation',
      story: {
        channel: 'reception',
        anonymous: false,
        steps: [
          ...intake,
          { action: 'sign', who: 'handler', after: 60, body: {} },
          { action: 'start', who: 'handler', after: 120, body: { publicNote: '已约双方到党群服务中心调解。' } },
        ],
      },
    },
  ];
}
