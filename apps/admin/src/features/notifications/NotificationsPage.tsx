import { CheckOutlined } from '@ant-design/icons';
import type { Notification } from '@linli/contracts';
import { Button, Card, Flex, Segmented, type TableColumnsType, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTIFICATIONS_KEY, notificationsApi } from '../../api/notifications.ts';
import { ListTable } from '../../components/ListTable.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { formatTime } from '../../components/time.ts';
import { useListQuery } from '../../components/useListQuery.ts';
import { useNow } from '../civic-cases/useNow.ts';
import { consoleRouteOf, noticeTime } from './notificationLink.ts';
import { useMarkRead, useOpenNotice, useUnreadCount } from './useNotifications.ts';

type Filter = 'all' | 'unread';

/** `/notifications`: every notice of the signed-in user, newest first, page by page; unread ones can be marked. */
export const NotificationsPage = () => {
  const { t } = useTranslation();
  const now = useNow();
  const [filter, setFilter] = useState<Filter>('all');
  const { paging, query } = useListQuery(
    NOTIFICATIONS_KEY,
    filter === 'unread' ? { unread: 'true' as const } : {},
    notificationsApi.list,
  );
  const unread = useUnreadCount();
  const markRead = useMarkRead();
  const open = useOpenNotice();
  const unreadCount = unread.data ?? 0;

  const columns: TableColumnsType<Notification> = [
    {
      title: t('notification.status'),
      key: 'status',
      width: 80,
      render: (_: unknown, n) =>
        n.readAt ? <Tag>{t('notification.read')}</Tag> : <Tag color="red">{t('notification.unreadTag')}</Tag>,
    },
    {
      title: t('notification.content'),
      key: 'content',
      render: (_: unknown, n) => (
        <Flex vertical gap={2}>
          <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
          <Typography.Text type="secondary">{n.body}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('notification.time'),
      dataIndex: 'createdAt',
      width: 170,
      render: (v: string) => <Typography.Text title={formatTime(v)}>{noticeTime(v, now, t)}</Typography.Text>,
    },
    {
      title: t('common.actions.actions'),
      key: 'actions',
      width: 170,
      render: (_: unknown, n) => (
        <Flex gap={0}>
          {consoleRouteOf(n.link) && (
            <Button type="link" size="small" onClick={() => open(n)} data-testid="notification-open">
              {t('notification.open')}
            </Button>
          )}
          {!n.readAt && (
            <Button
              type="link"
              size="small"
              onClick={() => markRead.mutate({ ids: [n.id] })}
              data-testid="notification-mark-read"
            >
              {t('notification.markRead')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('notification.title')}
      subTitle={t('notification.subTitle')}
      extra={
        <Button
          icon={<CheckOutlined />}
          disabled={unreadCount === 0}
          loading={markRead.isPending}
          onClick={() => markRead.mutate({ all: true })}
          data-testid="notifications-mark-all"
        >
          {t('notification.markAllRead')}
        </Button>
      }
    >
      <Card size="small">
        <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
          <Segmented<Filter>
            value={filter}
            onChange={setFilter}
            options={[
              { value: 'all', label: t('notification.filter.all') },
              { value: 'unread', label: `${t('notification.filter.unread')}（${unreadCount}）` },
            ]}
            data-testid="notifications-filter"
          />
        </Flex>
        <ListTable<Notification>
          rowKey="id"
          query={query}
          paging={paging}
          columns={columns}
          onRow={(n) => ({ 'data-testid': `notification-row-${n.id}` }) as HTMLAttributes<HTMLElement>}
        />
      </Card>
    </PageContainer>
  );
};
