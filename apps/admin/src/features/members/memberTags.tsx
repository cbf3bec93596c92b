import type { MemberListItem, MemberStatus, ReportInStatus } from '@linli/contracts';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** One colour per value, wherever the roster shows it as a tag. */
export const STATUS_COLORS: Record<MemberStatus, string> = { full: 'red', probationary: 'orange' };
export const REPORT_IN_COLORS: Record<ReportInStatus, string> = {
  none: 'default',
  pending: 'gold',
  confirmed: 'green',
  rejected: 'volcano',
};

export const MemberStatusTag = ({ status }: { status: MemberStatus }) => {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`member.status.${status}`)}</Tag>;
};

export const ReportInTag = ({ status }: { status: ReportInStatus }) => {
  const { t } = useTranslation();
  return <Tag color={REPORT_IN_COLORS[status]}>{t(`member.reportIn.${status}`)}</Tag>;
};

type Flags = Pick<MemberListItem, 'isMobile' | 'isLostContact'>;

/** 流动 / 失联 as tags, or nothing when neither applies (`showNone` says 无; `short` for table cells). */
export const MemberFlagTags = ({ member, showNone, short }: { member: Flags; showNone?: boolean; short?: boolean }) => {
  const { t } = useTranslation();
  if (!member.isMobile && !member.isLostContact) {
    return showNone ? <Typography.Text type="secondary">{t('common.state.none')}</Typography.Text> : null;
  }
  return (
    <Flex gap={4} wrap>
      {member.isMobile && <Tag color="blue">{short ? t('member.flagShort.mobile') : t('member.flag.mobile')}</Tag>}
      {member.isLostContact && (
        <Tag color="magenta">{short ? t('member.flagShort.lost_contact') : t('member.flag.lost_contact')}</Tag>
      )}
    </Flex>
  );
};
