import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import type { PostClaim, PostClaimStatus } from '@linli/contracts';
import { Button, Flex, type TableColumnsType, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { formatTime } from '../../components/time.ts';

export const CLAIM_COLORS: Record<PostClaimStatus, string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

type Actions = { approve: (c: PostClaim) => void; reject: (c: PostClaim) => void };

/** The columns of a claims list; `withPost` adds the post and compound (the list across posts). */
export const claimColumns = (t: TFunction, actions: Actions, withPost: boolean): TableColumnsType<PostClaim> => [
  ...(withPost
    ? [
        { title: t('service.claim.post'), dataIndex: 'postTitle', ellipsis: true },
        { title: t('service.post.compound'), dataIndex: 'compoundName', width: 180, ellipsis: true },
      ]
    : []),
  { title: t('service.claim.member'), dataIndex: 'memberName', width: 100 },
  {
    title: t('service.claim.note'),
    dataIndex: 'note',
    ellipsis: true,
    render: (v: string | null) => v ?? '—',
  },
  { title: t('service.claim.claimedAt'), dataIndex: 'claimedAt', width: 150, render: (v: string) => formatTime(v) },
  {
    title: t('service.claim.status'),
    dataIndex: 'status',
    width: 150,
    render: (s: PostClaimStatus, c) => (
      <Flex vertical gap={2}>
        <span>
          <Tag color={CLAIM_COLORS[s]}>{t(`service.claim.statuses.${s}`)}</Tag>
        </span>
        {c.reason && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('common.fmt.labelValue', { label: t('reportIn.reason'), value: c.reason })}
          </Typography.Text>
        )}
      </Flex>
    ),
  },
  {
    title: t('common.actions.actions'),
    key: 'actions',
    width: 160,
    render: (_: unknown, c) =>
      c.status === 'pending' && (
        <Flex gap={4}>
          <Button
            size="small"
            type="primary"
            icon={<CheckOutlined />}
            onClick={() => actions.approve(c)}
            data-testid="post-claim-approve"
          >
            {t('service.claim.approve')}
          </Button>
          <Button
            size="small"
            danger
            icon={<CloseOutlined />}
            onClick={() => actions.reject(c)}
            data-testid="post-claim-reject"
          >
            {t('service.claim.reject')}
          </Button>
        </Flex>
      ),
  },
];
