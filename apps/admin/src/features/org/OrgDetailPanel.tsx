import { DeleteOutlined, DragOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Breadcrumb, Button, Card, Descriptions, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type OrgUnitDetail, orgApi } from '../../api/organisation.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { errorText } from '../../components/errors.ts';
import { CreateChildModal, MoveModal, RenameModal } from './OrgUnitModals.tsx';
import { type OrgTree, ROOT } from './useOrgTree.ts';

export type TreeChange = { reloadKeys: (string | null | undefined)[]; expand?: string; select?: string | null };

type Props = {
  id: string;
  tree: OrgTree;
  onChanged: (change: TreeChange) => Promise<void>;
  onOpen: (id: string) => void;
};

export const orgDetailKey = (id: string) => ['org-units', 'detail', id] as const;

/** What the user may do with this node (`OrgUnitDetail.abilities`). */
const abilitiesOf = (d: OrgUnitDetail) => ({
  createChild: d.abilities.createChild ?? false,
  update: d.abilities.update ?? false,
  move: d.abilities.move ?? false,
  delete: d.abilities.delete ?? false,
});

export const OrgDetailPanel = ({ id, tree, onChanged, onOpen }: Props) => {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const detail = useQuery({ queryKey: orgDetailKey(id), queryFn: () => orgApi.get(id) });
  const [dialog, setDialog] = useState<'create' | 'rename' | 'move' | null>(null);
  const listedUnder = tree.listedUnder.get(id);

  const remove = useMutation({
    mutationFn: () => orgApi.remove(id),
    onSuccess: async () => {
      void message.success(t('org.tree.deleted'));
      const parentKey = listedUnder ?? ROOT;
      await onChanged({
        reloadKeys: [parentKey, tree.listedUnder.get(parentKey) ?? ROOT],
        select: parentKey === ROOT ? null : parentKey,
      });
    },
    onError: (e) => void message.error(errorText(e, t)),
  });

  if (detail.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const d = detail.data;
  const can = abilitiesOf(d);

  const confirmDelete = () =>
    modal.confirm({
      title: t('org.tree.deleteTitle', { name: d.name }),
      content: t('org.tree.deleteHint'),
      okText: t('common.actions.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.actions.cancel'),
      onOk: () => remove.mutateAsync().catch(() => undefined),
    });

  const actions = (
    <Flex gap={8} wrap>
      {can.createChild && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('create')} data-testid="org-add-child">
          {t('org.tree.addChild')}
        </Button>
      )}
      {can.update && (
        <Button icon={<EditOutlined />} onClick={() => setDialog('rename')} data-testid="org-rename">
          {t('org.tree.rename')}
        </Button>
      )}
      {can.move && (
        <Button icon={<DragOutlined />} onClick={() => setDialog('move')} data-testid="org-move">
          {t('org.tree.move')}
        </Button>
      )}
      {can.delete && (
        <Button
          danger
          icon={<DeleteOutlined />}
          onClick={confirmDelete}
          loading={remove.isPending}
          data-testid="org-delete"
        >
          {t('org.tree.delete')}
        </Button>
      )}
    </Flex>
  );

  return (
    <Card
      title={d.name}
      extra={
        !can.createChild && !can.update && !can.move && !can.delete ? (
          <Typography.Text type="secondary">{t('org.tree.noActions')}</Typography.Text>
        ) : null
      }
      data-testid="org-detail"
    >
      {d.ancestors.length > 0 && (
        <Breadcrumb
          style={{ marginBottom: 16 }}
          items={[...d.ancestors, { id: d.id, name: d.name, kind: d.kind }].map((a) => ({
            key: a.id,
            title: a.id === d.id ? a.name : <Typography.Link onClick={() => onOpen(a.id)}>{a.name}</Typography.Link>,
          }))}
        />
      )}
      <Descriptions
        bordered
        size="small"
        column={2}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'name', label: t('org.tree.name'), children: d.name, span: 2 },
          { key: 'kind', label: t('org.tree.kind'), children: t(`common.enum.orgKind.${d.kind}`) },
          { key: 'sector', label: t('org.tree.sector'), children: t(`common.enum.orgSector.${d.sector}`) },
          { key: 'children', label: t('org.tree.childCount'), children: d.childCount },
          { key: 'sort', label: t('org.tree.sortOrder'), children: d.sortOrder },
          {
            key: 'ancestors',
            label: t('org.tree.ancestors'),
            span: 2,
            children: d.ancestors.length > 0 ? d.ancestors.map((a) => a.name).join(' / ') : t('common.state.none'),
          },
          {
            key: 'compound',
            label: t('org.tree.compound'),
            span: 2,
            children: d.compoundId ? (
              <Link to={`/compounds/${d.compoundId}`}>{t('org.tree.viewCompound')}</Link>
            ) : (
              t('common.state.none')
            ),
          },
        ]}
      />
      {actions}
      <CreateChildModal
        open={dialog === 'create'}
        parent={d}
        onClose={() => setDialog(null)}
        onCreated={(child) => onChanged({ reloadKeys: [listedUnder ?? ROOT], expand: d.id, select: child.id })}
      />
      <RenameModal
        open={dialog === 'rename'}
        unit={d}
        onClose={() => setDialog(null)}
        onReload={() => detail.refetch()}
        onSaved={() => onChanged({ reloadKeys: [listedUnder ?? ROOT] })}
      />
      <MoveModal
        open={dialog === 'move'}
        unit={d}
        onClose={() => setDialog(null)}
        onMoved={(newParentId) =>
          onChanged({
            reloadKeys: [
              listedUnder ?? ROOT,
              newParentId,
              tree.listedUnder.get(newParentId),
              tree.listedUnder.get(listedUnder ?? ''),
            ],
            expand: tree.unitById.has(newParentId) ? newParentId : undefined,
          })
        }
      />
    </Card>
  );
};
