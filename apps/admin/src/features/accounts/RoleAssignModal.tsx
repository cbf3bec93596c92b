import { type Account, type AssignRoleBody, isAdminRole, ROLES, type Role, SCOPE_KIND_BY_ROLE } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { accountsApi } from '../../api/accounts.ts';
import { CompoundSelect, GridSelect } from '../../components/CompoundSelect.tsx';
import { FormErrorAlert } from '../../components/ErrorState.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { useIdempotencyKey } from '../../components/useIdempotencyKey.ts';
import { applyServerErrors, requiredRule } from '../../components/validation.ts';

type Values = { role: Role; scopeId: string };

/** Assigns a role on a scope; the scope picker follows the role's scope kind (org, compound or grid). */
export const RoleAssignModal = (props: { account: Account | null; onClose: () => void; onAssigned: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { account } = props;
  const idem = useIdempotencyKey(!!account);
  const role: Role | undefined = Form.useWatch('role', form);
  const scopeKind = role ? SCOPE_KIND_BY_ROLE[role] : undefined;
  const assign = useMutation({
    mutationFn: ({ id, body }: { id: string; body: AssignRoleBody }) => accountsApi.assignRole(id, body, idem.key),
    onSuccess: () => {
      void message.success(t('account.roleAssigned'));
      props.onClose();
      props.onAssigned();
    },
    onError: (e) => {
      idem.afterError(e);
      applyServerErrors(form, e, t);
    },
  });
  const heldAdminRoles = (account?.roles ?? []).map((r) => r.role).filter(isAdminRole);

  return (
    <Modal
      open={!!account}
      title={account ? t('account.assignTitle', { name: account.displayName }) : ''}
      okText={t('common.actions.save')}
      cancelText={t('common.actions.cancel')}
      confirmLoading={assign.isPending}
      okButtonProps={{ id: 'role-assign-submit' }}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      afterClose={() => assign.reset()}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('account.separationHint')} style={{ marginBottom: 16 }} />
      <FormErrorAlert error={assign.error} />
      {account && (
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(v) =>
            scopeKind && assign.mutate({ id: account.id, body: { role: v.role, scopeKind, scopeId: v.scopeId } })
          }
        >
          <Form.Item
            name="role"
            label={t('account.role')}
            rules={[
              requiredRule(t),
              {
                validator: async (_r, r: Role | undefined) => {
                  if (r && isAdminRole(r) && heldAdminRoles.some((held) => held !== r)) {
                    throw new Error(t('account.separationHint'));
                  }
                },
              },
            ]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="role-select"
              onChange={() => form.setFieldValue('scopeId', undefined)}
              options={ROLES.map((r) => ({ value: r, label: t(`common.enum.role.${r}`) }))}
            />
          </Form.Item>
          {scopeKind && (
            <Form.Item
              key={scopeKind}
              name="scopeId"
              label={t('common.fmt.withNote', {
                text: t('account.scope'),
                note: t(`common.enum.scopeKind.${scopeKind}`),
              })}
              extra={t(`account.scopeHint.${scopeKind}`)}
              rules={[requiredRule(t)]}
            >
              {scopeKind === 'org' ? (
                <OrgTreeSelect style={{ width: '100%' }} data-testid="scope-org" />
              ) : scopeKind === 'compound' ? (
                <CompoundSelect style={{ width: '100%' }} data-testid="scope-compound" />
              ) : (
                <GridSelect style={{ width: '100%' }} data-testid="scope-grid" />
              )}
            </Form.Item>
          )}
        </Form>
      )}
    </Modal>
  );
};
