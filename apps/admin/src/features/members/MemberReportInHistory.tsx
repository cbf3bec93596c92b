import { useQuery } from '@tanstack/react-query';
import { List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { reportInsApi } from '../../api/reportIns.ts';
import { formatTime } from '../../components/time.ts';
import { MEMBER_REPORT_IN_COLORS } from '../report-ins/MemberReportInTab.tsx';

/** Every report-in of one member, newest first, for those who handle report-ins (`report_in.manage`). */
export const MemberReportInHistory = ({ memberId }: { memberId: string }) => {
  const { t } = useTranslation();
  const history = useQuery({
    queryKey: ['member-report-ins', 'member', memberId],
    queryFn: () => reportInsApi.listMember({ memberId, limit: 20 }),
  });
  const items = history.data?.items ?? [];
  if (history.isSuccess && items.length === 0) return null;
  return (
    <List
      size="small"
      loading={history.isLoading}
      header={<Typography.Text strong>{t('member.detail.reportInHistory')}</Typography.Text>}
      dataSource={items}
      data-testid="member-report-in-history"
      renderItem={(r) => (
        <List.Item>
          <Typography.Text>
            {formatTime(r.registeredAt)} · {r.compoundName}{' '}
            <Tag color={MEMBER_REPORT_IN_COLORS[r.status]}>{t(`reportIn.memberStatus.${r.status}`)}</Tag>
            {r.receiptNo && <span className="mono">{r.receiptNo}</span>}
            {r.rejectReason && <Typography.Text type="secondary"> {r.rejectReason}</Typography.Text>}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
};
