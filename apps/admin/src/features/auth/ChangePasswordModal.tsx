import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../api/auth.ts';
import { FormErrorAlert } from '../../components/ErrorState.tsx';
import { applyServerErrors } from '../../components/validation.ts';
import { PasswordFields } from './PasswordFields.tsx';
import { showPasswordProblems } from './passwordProblems.ts';

type Values = { currentPassword: string; newPassword: string; confirmPassword: string };

export const ChangePasswordModal = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useMutation({
    mutationFn: (v: Values) =>
      authApi.changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword }),
    onSuccess: () => {
      void message.success(t('auth.password.changed'));
      onClose();
    },
    onError: (e) => {
      applyServerErrors(form, e, t);
      showPasswordProblems(form, e, t);
    },
  });
  return (
    <Modal
      open={open}
      title={t('auth.password.changeTitle')}
      okText={t('common.actions.save')}
      cancelText={t('common.actions.cancel')}
      confirmLoading={change.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => {
        form.resetFields();
        change.reset();
      }}
      destroyOnHidden
    >
      <FormErrorAlert error={change.error} />
      <Form form={form} layout="vertical" onFinish={(v) => change.mutate(v)} requiredMark>
        <Form.Item
          name="currentPassword"
          label={t('auth.password.currentPassword')}
          rules={[{ required: true, message: t('common.validation.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <PasswordFields idPrefix="change-password" />
      </Form>
    </Modal>
  );
};
