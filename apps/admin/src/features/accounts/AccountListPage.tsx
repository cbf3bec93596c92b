import { type Account, AccountStatusSchema, ROLES, type RoleAssignmentView } from '@linli/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Select, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AccountListQuery, accountsApi } from '../../api/accounts.ts';
import { useSession } from '../../app/session.tsx';
import { CreateButton } from '../../components/CreateButton.tsx';
import { errorText } from '../../components/errors.ts';
import { FilterBar } from '../../components/FilterBar.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { SearchField, trimSearch } from '../../components/SearchField.tsx';
import { formatTime } from '../../components/time.ts';
import { useListQuery } from '../../components/useListQuery.ts';
import { AccountCreateModal } from './AccountCreateModal.tsx';
import { RoleAssignModal } from './RoleAssignModal.tsx';

type Filters = Omit<AccountListQuery, 'cursor' | 'limit'>;
type Status = Account['status'];
const STATUS_COLORS: Record<Status, string> = { active: 'green', disabled: 'default', locked: 'red' };

type Action =
  | { kind: 'status'; account: Account; status: 'active' | 'disabled' }
  | { kind: 'unlock'; account: Account }
  | { kind: 'revoke'; account: Account; assignment: RoleAssignmentView };

const runAction = async (a: Action): Promise<void> => {
  if (a.kind === 'status') await accountsApi.setStatus(a.account.id, a.status);
  else if (a.kind === 'unlock') await accountsApi.unlock(a.account.id);
  else await accountsApi.revokeRole(a.account.id, a.assignment.id);
};

export const AccountListPage = () => {
  const { t } = useTranslation();
  const { me, can } = useSession();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<Filters>({});
  const [creating, setCreating] = useState(false);
  const [assigning, setAssigning] = useState<Account | null>(null);
  const { paging, query } = useListQuery('accounts', filters, accountsApi.list);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['accounts'] });
  const act = useMutation({
    mutationFn: runAction,
    onSuccess: (_r, a) => {
      void message.success(
        a.kind === 'status'
          ? t('account.statusChanged')
          : a.kind === 'unlock'
            ? t('account.unlocked')
            : t('account.roleRevoked'),
      );
      refresh();
    },
    onError: (e) => void message.error(errorText(e, t)),
  });

  const confirm = (a: Action) => {
    const name = a.account.displayName;
    const title =
      a.kind === 'status'
        ? a.status === 'disabled'
          ? t('account.disableTitle', { name })
          : t('account.enableTitle', { name })
        : a.kind === 'unlock'
          ? t('account.unlockTitle', { name })
          : t('account.revokeRoleTitle', {
              role: t(`common.enum.role.${a.assignment.role}`),
              scope: a.assignment.scopeName,
            });
    modal.confirm({
      title,
      content: a.kind === 'status' && a.status === 'disabled' ? t('account.disableHint') : undefined,
      okText: t('common.actions.confirm'),
      okButtonProps: { danger: a.kind !== 'unlock' && !(a.kind === 'status' && a.status === 'active') },
      cancelText: t('common.actions.cancel'),
      onOk: () => act.mutateAsync(a).catch(() => undefined),
    });
  };

  const canWrite = can('account.write');
  const canAssign = can('role.assign');
  const canUnlock = can('security.policy');

  const columns: TableColumnsType<Account> = [
    {
      title: t('account.username'),
      dataIndex: 'username',
      width: 180,
      render: (v: string | null) => <span className="mono">{v ?? '—'}</span>,
    },
    {
      title: t('account.displayName'),
      dataIndex: 'displayName',
      width: 130,
      render: (v: string, a) => (
        <Flex gap={4} align="center" wrap={false}>
          {v}
          {a.id === me.id && <Tag variant="outlined">{t('account.self')}</Tag>}
        </Flex>
      ),
    },
    { title: t('account.phone'), dataIndex: 'phoneMasked', width: 130, render: (v: string | null) => v ?? '—' },
    {
      title: t('account.status'),
      dataIndex: 'status',
      width: 84,
      render: (s: Status) => <Tag color={STATUS_COLORS[s]}>{t(`common.enum.accountStatus.${s}`)}</Tag>,
    },
    {
      title: t('account.totp'),
      dataIndex: 'totpEnrolled',
      width: 100,
      render: (v: boolean) => (v ? <Tag color="blue">{t('account.totpYes')}</Tag> : <Tag>{t('account.totpNo')}</Tag>),
    },
    {
      title: t('account.roles'),
      dataIndex: 'roles',
      render: (roles: RoleAssignmentView[], a) =>
        roles.length === 0 ? (
          <Typography.Text type="secondary">{t('account.noRoles')}</Typography.Text>
        ) : (
          <Flex gap={4} wrap>
            {roles.map((r) => (
              <Tag
                key={r.id}
                color="volcano"
                closable={canAssign && a.id !== me.id}
                onClose={(e) => {
                  e.preventDefault();
                  confirm({ kind: 'revoke', account: a, assignment: r });
                }}
              >
                {t(`common.enum.role.${r.role}`)} · {r.scopeName}
              </Tag>
            ))}
          </Flex>
        ),
    },
    {
      title: t('account.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 140,
      render: (v: string | null) => (v ? formatTime(v) : t('account.never')),
    },
    ...(canWrite || canAssign || canUnlock
      ? [
          {
            title: t('common.actions.actions'),
            key: 'actions',
            width: 190,
            render: (_: unknown, a: Account) => {
              const self = a.id === me.id;
              return (
                <Flex gap={4} wrap>
                  {canAssign && !self && (
                    <Button size="small" type="link" onClick={() => setAssigning(a)} data-testid="account-assign-role">
                      {t('account.assignRole')}
                    </Button>
                  )}
                  {canUnlock && a.status === 'locked' && (
                    <Button size="small" type="link" onClick={() => confirm({ kind: 'unlock', account: a })}>
                      {t('account.unlock')}
                    </Button>
                  )}
                  {canWrite && !self && a.status !== 'disabled' && (
                    <Button
                      size="small"
                      type="link"
                      danger
                      onClick={() => confirm({ kind: 'status', account: a, status: 'disabled' })}
                    >
                      {t('account.disable')}
                    </Button>
                  )}
                  {canWrite && a.status === 'disabled' && (
                    <Button
                      size="small"
                      type="link"
                      onClick={() => confirm({ kind: 'status', account: a, status: 'active' })}
                    >
                      {t('account.enable')}
                    </Button>
                  )}
                </Flex>
              );
            },
          },
        ]
      : []),
  ];

  return (
    <PageContainer
      title={t('account.title')}
      extra={
        <CreateButton permission="account.write" onClick={() => setCreating(true)} data-testid="account-create">
          {t('account.create')}
        </CreateButton>
      }
    >
      <FilterBar<Filters> onSearch={(v) => setFilters(trimSearch(v))} onReset={() => setFilters({})}>
        <SearchField placeholder={t('account.q')} width={200} />
        <Form.Item name="role">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('account.role')}
            style={{ width: 200 }}
            options={ROLES.map((r) => ({ value: r, label: t(`common.enum.role.${r}`) }))}
          />
        </Form.Item>
        <Form.Item name="status">
          <Select
            allowClear
            placeholder={t('account.status')}
            style={{ width: 120 }}
            options={AccountStatusSchema.options.map((s) => ({ value: s, label: t(`common.enum.accountStatus.${s}`) }))}
          />
        </Form.Item>
      </FilterBar>
      <ListTable<Account> rowKey="id" query={query} paging={paging} columns={columns} />
      <AccountCreateModal open={creating} onClose={() => setCreating(false)} onCreated={refresh} />
      <RoleAssignModal account={assigning} onClose={() => setAssigning(null)} onAssigned={refresh} />
    </PageContainer>
  );
};
