import { BellOutlined } from '@ant-design/icons';
import type { Notification } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Empty, Flex, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { NOTIFICATIONS_KEY, notificationsApi } from '../../api/notifications.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { useNow } from '../civic-cases/useNow.ts';
import { noticeTime } from './notificationLink.ts';
import { useMarkRead, useOpenNotice, useUnreadCount } from './useNotifications.ts';

const LATEST = 10;

/** One notice in the dropdown: unread ones in bold with a dot; a click marks it read and opens what it is about. */
export const NoticeItem = ({ notice, now, onOpen }: { notice: Notification; now: number; onOpen: () => void }) => {
  const { t } = useTranslation();
  const unread = !notice.readAt;
  return (
    <button
      type="button"
      className="notice-item"
      onClick={onOpen}
      data-testid={`notification-item-${notice.id}`}
      data-unread={unread}
      style={{
        display: 'flex',
        gap: 10,
        width: '100%',
        padding: '10px 12px',
        border: 'none',
        borderBottom: '1px solid #f0f0f0',
        background: unread ? '#fff7f6' : '#fff',
        textAlign: 'left',
        cursor: 'pointer',
        font: 'inherit',
      }}
    >
      <span
        aria-hidden
        style={{
          flex: 'none',
          width: 8,
          height: 8,
          marginTop: 7,
          borderRadius: '50%',
          background: unread ? '#cf1322' : 'transparent',
        }}
      />
      <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
        <Typography.Text strong={unread} ellipsis>
          {notice.title}
        </Typography.Text>
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0, fontSize: 13 }}>
          {notice.body}
        </Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {noticeTime(notice.createdAt, now, t)}
        </Typography.Text>
      </Flex>
    </button>
  );
};

const Latest = ({ onClose }: { onClose: () => void }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const now = useNow();
  const latest = useQuery({
    queryKey: [NOTIFICATIONS_KEY, 'latest'],
    queryFn: () => notificationsApi.list({ limit: LATEST }),
    staleTime: 0,
  });
  const markRead = useMarkRead();
  const open = useOpenNotice();
  const unread = latest.data?.unread ?? 0;
  return (
    <Flex vertical style={{ width: 380 }} data-testid="notification-dropdown">
      <Flex justify="space-between" align="center" style={{ padding: '10px 12px', borderBottom: '1px solid #f0f0f0' }}>
        <Typography.Text strong>
          {t('notification.title')}
          {unread > 0 && (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginLeft: 8, fontSize: 12 }}>
              {t('notification.unread', { n: unread })}
            </Typography.Text>
          )}
        </Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={unread === 0}
          loading={markRead.isPending}
          onClick={() => markRead.mutate({ all: true })}
          data-testid="notification-mark-all"
        >
          {t('notification.markAllRead')}
        </Button>
      </Flex>
      <div style={{ maxHeight: 460, overflowY: 'auto' }}>
        {latest.isPending ? (
          <Flex justify="center" style={{ padding: 32 }}>
            <Spin />
          </Flex>
        ) : latest.isError ? (
          <div style={{ padding: 12 }}>
            <ErrorState error={latest.error} onRetry={() => void latest.refetch()} />
          </div>
        ) : latest.data.items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notification.none')} style={{ padding: 24 }} />
        ) : (
          latest.data.items.map((n) => (
            <NoticeItem
              key={n.id}
              notice={n}
              now={now}
              onOpen={() => {
                onClose();
                open(n);
              }}
            />
          ))
        )}
      </div>
      <Button
        type="link"
        block
        onClick={() => {
          onClose();
          navigate('/notifications');
        }}
        style={{ borderTop: '1px solid #f0f0f0', borderRadius: 0, height: 40 }}
        data-testid="notification-view-all"
      >
        {t('notification.viewAll')}
      </Button>
    </Flex>
  );
};

/** The header's bell: the unread count (polled each minute and on focus) and the latest ten notices. */
export const NotificationBell = () => {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const count = unread.data ?? 0;
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      arrow={false}
      destroyOnHidden
      styles={{ container: { padding: 0 } }}
      content={<Latest onClose={() => setOpen(false)} />}
    >
      <Badge count={count} overflowCount={99} size="small" offset={[-6, 6]}>
        <Button
          type="text"
          className="header-icon-button"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          aria-label={
            count > 0 ? `${t('notification.bell')} · ${t('notification.unread', { n: count })}` : t('notification.bell')
          }
          data-testid="notification-bell"
          data-unread={count}
        />
      </Badge>
    </Popover>
  );
};
