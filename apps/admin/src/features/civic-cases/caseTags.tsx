import type { CivicCaseEndType, CivicCaseStatus, CivicCaseSummary, Unit, Urgency } from '@linli/contracts';
import { Tag, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../components/time.ts';

/**
 * One colour per status, by stage: intake gold, dispatch blues, parked purple, rework magenta, feedback green.
 * Red and orange are kept for deadlines (overdue, due soon) so they never mean anything else on these pages.
 */
export const STATUS_COLORS = {
  submitted: 'gold',
  triaged: 'gold',
  accepted: 'cyan',
  dispatched: 'blue',
  signed: 'geekblue',
  in_progress: 'processing',
  deferred: 'purple',
  rework: 'magenta',
  handled: 'lime',
  verified: 'green',
  closed: 'success',
  voided: 'default',
} as const satisfies Record<CivicCaseStatus, string>;

export const END_TYPE_COLORS = {
  resolved: 'success',
  unresolved: 'warning',
  voided: 'default',
} as const satisfies Record<CivicCaseEndType, string>;

export const URGENCY_COLORS = {
  emergency: 'volcano',
  utility: 'gold',
  ordinary: 'default',
  complex: 'purple',
} as const satisfies Record<Urgency, string>;

export const CaseStatusTag = ({ status }: { status: CivicCaseStatus }) => {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`civic.status.${status}`)}</Tag>;
};

export const EndTypeTag = ({ endType }: { endType: CivicCaseEndType | null }) => {
  const { t } = useTranslation();
  // A voided case's status already says so; the end type adds something only for closed cases.
  if (!endType || endType === 'voided') return null;
  return <Tag color={END_TYPE_COLORS[endType]}>{t(`civic.endType.${endType}`)}</Tag>;
};

export const UrgencyTag = ({ urgency, withLimit = false }: { urgency: Urgency; withLimit?: boolean }) => {
  const { t } = useTranslation();
  return (
    <Tag color={URGENCY_COLORS[urgency]}>
      {withLimit ? t(`civic.urgencyWithLimit.${urgency}`) : t(`civic.urgency.${urgency}`)}
    </Tag>
  );
};

type T = TFunction;

/** A unit with its kind: "城南物业（物业公司）". */
export const unitText = (u: Pick<Unit, 'kind' | 'name'>, t: T): string => {
  const note: string = t(`civic.unitKind.${u.kind}`);
  return t('common.fmt.withNote', { text: u.name, note });
};

const MINUTE = 60_000;

/** "剩余 3 小时" / "超期 2 天": the distance to a deadline in its largest sensible unit. */
export const relativeDeadline = (deadlineAt: string, now: number, t: T): string => {
  const diff = Date.parse(deadlineAt) - now;
  const minutes = Math.max(1, Math.round(Math.abs(diff) / MINUTE));
  const amount =
    minutes < 60
      ? t('civic.deadline.minutes', { n: minutes })
      : minutes < 48 * 60
        ? t('civic.deadline.hours', { n: Math.round(minutes / 60) })
        : t('civic.deadline.days', { n: Math.round(minutes / 1440) });
  return diff < 0 ? t('civic.deadline.overdue', { amount }) : t('civic.deadline.left', { amount });
};

type DeadlineProps = Pick<CivicCaseSummary, 'deadlineAt' | 'overdue' | 'dueSoon' | 'status'> & { now: number };

/** The current step's limit as a countdown: red when overdue, orange when due soon; the exact time on hover. */
export const DeadlineText = ({ deadlineAt, overdue, dueSoon, status, now }: DeadlineProps) => {
  const { t } = useTranslation();
  if (!deadlineAt) {
    const paused = status === 'deferred' || status === 'verified';
    return <Typography.Text type="secondary">{paused ? t('civic.deadline.paused') : '—'}</Typography.Text>;
  }
  const type = overdue ? 'danger' : dueSoon ? 'warning' : undefined;
  return (
    <Tooltip title={t('civic.deadline.at', { time: formatTime(deadlineAt) })}>
      <Typography.Text type={type} strong={overdue || dueSoon} style={{ whiteSpace: 'nowrap' }}>
        {relativeDeadline(deadlineAt, now, t)}
      </Typography.Text>
    </Tooltip>
  );
};
