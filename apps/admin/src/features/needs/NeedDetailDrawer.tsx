import { CheckCircleOutlined, CloseCircleOutlined, RedoOutlined } from '@ant-design/icons';
import type { NeedDetail, NeedStatusBody } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { needDetailKey, needsApi } from '../../api/posts.ts';
import { DetailDrawer, DetailList } from '../../components/DetailDrawer.tsx';
import { EditButton } from '../../components/EditButton.tsx';
import { errorText } from '../../components/errors.ts';
import { formatTime } from '../../components/time.ts';
import { type DetailSource, useEditableDetail, useStoreSaved } from '../../components/useDetailEditing.ts';
import { rethrowExplained } from '../posts/conflicts.ts';
import { NeedEditModal } from './NeedEditModal.tsx';
import { isOverdue, NEED_COLORS, NEED_MOVES } from './needStatus.ts';

const NEED: DetailSource<NeedDetail> = { key: needDetailKey, get: needsApi.get, listKey: ['needs', 'list'] };

type Target = NeedStatusBody['status'];
const MOVE_ICONS: Record<Target, ReactNode> = {
  done: <CheckCircleOutlined />,
  cancelled: <CloseCircleOutlined />,
  open: <RedoOutlined />,
};

const NeedInfo = ({ need }: { need: NeedDetail }) => {
  const { t } = useTranslation();
  const overdue = isOverdue(need.status, need.dueOn, dayjs().format('YYYY-MM-DD'));
  return (
    <DetailList
      items={[
        { key: 'title', label: t('service.need.titleField'), children: need.title },
        { key: 'compound', label: t('service.need.compound'), children: need.compoundName },
        { key: 'category', label: t('service.need.category'), children: need.categoryName },
        {
          key: 'description',
          label: t('service.need.description'),
          children: (
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
              {need.description}
            </Typography.Paragraph>
          ),
        },
        { key: 'household', label: t('service.need.household'), children: need.householdAddress ?? '—' },
        {
          key: 'due',
          label: t('service.need.dueOn'),
          children: need.dueOn ? (
            <Typography.Text type={overdue ? 'danger' : undefined}>
              {need.dueOn}
              {overdue && ` ${t('service.need.overdue')}`}
            </Typography.Text>
          ) : (
            '—'
          ),
        },
        {
          key: 'status',
          label: t('service.need.status'),
          children: <Tag color={NEED_COLORS[need.status]}>{t(`service.need.statuses.${need.status}`)}</Tag>,
        },
        {
          key: 'claimant',
          label: t('service.need.claimant'),
          children: need.claimantName
            ? t('service.need.claimedBy', { name: need.claimantName, time: formatTime(need.claimedAt) })
            : '—',
        },
        { key: 'created', label: t('service.need.createdAt'), children: formatTime(need.createdAt) },
      ]}
    />
  );
};

/** The status buttons the branch has for a need: 完成, 取消, 重新开放 (which also releases a claimant). */
const StatusActions = ({ need, onSaved }: { need: NeedDetail; onSaved: (n: NeedDetail) => void }) => {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const move = useMutation({
    mutationFn: (status: Target) => needsApi.setStatus(need.id, status).catch(rethrowExplained(t)),
    onSuccess: (saved) => {
      void message.success(t(`service.need.moved.${saved.status === 'claimed' ? 'open' : saved.status}`));
      onSaved(saved);
    },
  });
  const ask = (status: Target) =>
    modal.confirm({
      title: t(`service.need.moveTitle.${status}`, { title: need.title }),
      content:
        status === 'open' && need.status === 'claimed'
          ? t('service.need.releaseHint', { name: need.claimantName ?? '' })
          : undefined,
      okText: t(`service.need.move.${status}`),
      okButtonProps: { danger: status === 'cancelled', id: 'need-status-ok' },
      cancelText: t('common.actions.cancel'),
      onOk: () => move.mutateAsync(status).catch((e: unknown) => void message.error(errorText(e, t))),
    });
  return (
    <Flex gap={8} wrap style={{ marginTop: 16 }}>
      {NEED_MOVES[need.status].map((s) => (
        <Button
          key={s}
          icon={MOVE_ICONS[s]}
          danger={s === 'cancelled'}
          type={s === 'done' ? 'primary' : 'default'}
          onClick={() => ask(s)}
          data-testid={`need-status-${s}`}
        >
          {s === 'open' && need.status === 'claimed' ? t('service.need.release') : t(`service.need.move.${s}`)}
        </Button>
      ))}
    </Flex>
  );
};

/** A need's detail (`GET /needs/:id`) with 编辑 and the status buttons its abilities allow. */
export const NeedDetailDrawer = ({ id, onClose }: { id: string | null; onClose: () => void }) => {
  const { t } = useTranslation();
  const { detail, edit, dialog } = useEditableDetail(id, NEED);
  const onSaved = useStoreSaved(NEED);
  return (
    <>
      <DetailDrawer
        open={id !== null}
        title={t('service.need.detailTitle')}
        query={detail}
        onClose={onClose}
        data-testid="need-detail"
        extra={(need) =>
          need.abilities.update && <EditButton onClick={() => edit.start(need)} data-testid="need-edit" />
        }
      >
        {(need) => (
          <>
            <NeedInfo need={need} />
            {need.abilities.setStatus && <StatusActions need={need} onSaved={onSaved} />}
          </>
        )}
      </DetailDrawer>
      <NeedEditModal {...dialog} need={edit.base} />
    </>
  );
};
