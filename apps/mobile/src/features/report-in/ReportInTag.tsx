import type { ReportInStatus } from '@linli/contracts';
import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';

const COLOR = {
  none: 'default',
  pending: 'warning',
  confirmed: 'success',
  rejected: 'danger',
} as const satisfies Record<ReportInStatus, string>;

/** 未报到 / 待支部确认 / 已报到 / 未通过. */
export function ReportInTag({ status }: { status: ReportInStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[status]} fill="outline" className="status-tag">
      {t(`reportIn.state.${status}`)}
    </Tag>
  );
}
