import { CreateAccountBodySchema } from '@linli/contracts';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountsApi, type CreateAccountBody, type CreatedAccount } from '../../api/accounts.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { type CreateDialogProps, useCreateForm } from '../../components/useCreateForm.ts';
import { contractRule, requiredRule } from '../../components/validation.ts';

type Values = { username: string; displayName: string; phone?: string };

/** Shows the one-time password exactly once; it is dropped from memory when the dialog closes. */
const OneTimePasswordModal = ({ created, onClose }: { created: CreatedAccount | null; onClose: () => void }) => {
  const { t } = useTranslation();
  return (
    <Modal
      open={!!created}
      title={t('account.otpTitle')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose} data-testid="otp-ack">
          {t('account.otpAck')}
        </Button>
      }
    >
      {created && (
        <>
          <Alert type="warning" showIcon title={t('account.otpHint')} style={{ marginBottom: 16 }} />
          <Typography.Paragraph>
            {t('common.fmt.labelValue', {
              label: t('account.username'),
              value: t('common.fmt.withNote', {
                text: created.account.username ?? '',
                note: created.account.displayName,
              }),
            })}
          </Typography.Paragraph>
          <Typography.Paragraph>
            <Typography.Text type="secondary">{t('account.otpLabel')}</Typography.Text>
            <br />
            <Typography.Text
              code
              copyable={{ text: created.oneTimePassword }}
              className="mono"
              style={{ fontSize: 18 }}
              data-testid="one-time-password"
            >
              {created.oneTimePassword}
            </Typography.Text>
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
};

export const AccountCreateModal = (props: CreateDialogProps) => {
  const { t } = useTranslation();
  const [created, setCreated] = useState<CreatedAccount | null>(null);
  const { form, submit, modal } = useCreateForm<Values, CreateAccountBody, CreatedAccount>({
    open: props.open,
    create: accountsApi.create,
    createdText: t('account.created'),
    onClose: props.onClose,
    onCreated: (result) => {
      props.onCreated();
      setCreated(result);
    },
  });
  const shape = CreateAccountBodySchema.shape;
  const onFinish = (v: Values) =>
    submit({
      username: v.username.trim().toLowerCase(),
      displayName: v.displayName.trim(),
      phone: v.phone?.trim() || undefined,
    });
  return (
    <>
      <FormModal {...modal} title={t('account.create')} submitId="account-submit">
        <Form form={form} layout="vertical" preserve={false} onFinish={onFinish}>
          <Form.Item
            name="username"
            label={t('account.username')}
            extra={t('common.validation.username')}
            rules={[requiredRule(t), contractRule(shape.username, t)]}
          >
            <Input maxLength={32} autoComplete="off" className="mono" data-testid="account-username" />
          </Form.Item>
          <Form.Item
            name="displayName"
            label={t('account.displayName')}
            rules={[requiredRule(t), contractRule(shape.displayName, t)]}
          >
            <Input maxLength={40} data-testid="account-display-name" />
          </Form.Item>
          <Form.Item name="phone" label={t('account.phone')} rules={[contractRule(shape.phone, t)]}>
            <Input maxLength={11} inputMode="numeric" />
          </Form.Item>
        </Form>
      </FormModal>
      <OneTimePasswordModal created={created} onClose={() => setCreated(null)} />
    </>
  );
};
