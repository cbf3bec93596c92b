import type { SlaStep } from '@linli/contracts';
import type { Notice } from '../../../platform/notify/notify.ts';
import type { EventActor } from '../case-events.ts';
import type { SupervisionLevel } from './supervision-level.ts';
import type { SweepCase } from './sweep-rules.ts';

/** The sweep acts as nobody: its events show no person, and `system` tells them from an anonymous reporter's. */
export const SYSTEM_ACTOR: EventActor = { userId: null, name: null, role: 'system' };

const STEP_LABEL: Record<SlaStep, string> = { accept: '受理', sign: '签收', handle: '处理', verify: '核查' };

export const stepLabel = (step: SlaStep | null): string => (step ? STEP_LABEL[step] : '办理');

const SHANGHAI_MINUTE = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** `2026/11/27 10:00` in Asia/Shanghai: deadlines as the county reads them. */
export const shanghaiMinute = (iso: string): string => SHANGHAI_MINUTE.format(new Date(iso));

const caseLink = (c: Pick<SweepCase, 'id'>) => `/civic-cases/${c.id}`;
const named = (c: SweepCase) => `${c.number}「${c.title}」`;

export const dueSoonNotice = (c: SweepCase, deadline: string): Notice => ({
  kind: 'civic_case.due_soon',
  title: '事项即将超时',
  body: `${named(c)}的${stepLabel(c.step)}时限为 ${shanghaiMinute(deadline)}，即将到期，请抓紧办理。`,
  link: caseLink(c),
});

export const overdueNotice = (c: SweepCase, deadline: string): Notice => ({
  kind: 'civic_case.overdue',
  title: '事项已超时',
  body: `${named(c)}的${stepLabel(c.step)}时限 ${shanghaiMinute(deadline)} 已过，已标记为超时。`,
  link: caseLink(c),
});

/** Why a case was escalated, as the record and the timeline say it. */
export const escalationReason = (c: Pick<SweepCase, 'step'>, deadline: string): string =>
  `${stepLabel(c.step)}超时（时限 ${shanghaiMinute(deadline)}）`;

export const supervisionToLevelNotice = (c: SweepCase, reason: string, dueAt: string): Notice => ({
  kind: 'civic_case.supervise',
  title: '督办：事项超时',
  body: `${named(c)}${reason}，责任方：${c.unit_name ?? '受理环节'}。已自动督办，请督促其于 ${shanghaiMinute(dueAt)} 前答复。`,
  link: caseLink(c),
});

export const supervisionToUnitNotice = (
  c: SweepCase,
  level: SupervisionLevel,
  reason: string,
  dueAt: string,
): Notice => ({
  kind: 'civic_case.supervise',
  title: '事项被督办',
  body: `${named(c)}${reason}，${level.name}已督办，请于 ${shanghaiMinute(dueAt)} 前答复督办意见。`,
  link: caseLink(c),
});
