import { useTranslation } from 'react-i18next';
import { deadlineState } from './deadline.ts';

type Props = { deadlineAt: string | null; dueSoon?: boolean; now: number; testId?: string };

/** 剩 2 天 3 小时 / 已超期 5 小时: red when overdue, orange when due soon. */
export function DeadlineBadge({ deadlineAt, dueSoon = false, now, testId }: Props) {
  const { t } = useTranslation();
  const state = deadlineState(t, deadlineAt, now, dueSoon);
  return (
    <span className={`civic-deadline civic-deadline-${state.tone}`} data-testid={testId} data-tone={state.tone}>
      {state.text}
    </span>
  );
}
