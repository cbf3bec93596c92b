import type { CivicCaseEndType, CivicCaseStatus } from '@linli/contracts';
import { useTranslation } from 'react-i18next';

type Tone = 'intake' | 'waiting' | 'working' | 'parked' | 'alert' | 'done' | 'ended';

/** One tone per status, so a list reads at a glance: waiting for someone (gold), in hand (blue), done (green). */
const TONE = {
  submitted: 'intake',
  triaged: 'intake',
  accepted: 'intake',
  dispatched: 'waiting',
  signed: 'working',
  in_progress: 'working',
  deferred: 'parked',
  rework: 'alert',
  handled: 'waiting',
  verified: 'done',
  closed: 'done',
  voided: 'ended',
} as const satisfies Record<CivicCaseStatus, Tone>;

type Props = { status: CivicCaseStatus; endType?: CivicCaseEndType | null; testId?: string };

/** 状态: the status in words; a closed case also says how it ended (已解决 / 未解决结案), never just "closed". */
export function StatusTag({ status, endType, testId }: Props) {
  const { t } = useTranslation();
  const unresolved = status === 'closed' && endType === 'unresolved';
  const label =
    status === 'closed' && endType && endType !== 'voided'
      ? `${t('civic.status.closed')} · ${t(`civic.endType.${endType}`)}`
      : t(`civic.status.${status}`);
  return (
    <span
      className={`civic-status civic-tone-${unresolved ? 'parked' : TONE[status]}`}
      data-testid={testId}
      data-status={status}
    >
      {label}
    </span>
  );
}
