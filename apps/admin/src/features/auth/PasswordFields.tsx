import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { characterClasses, DEFAULT_MIN_CLASSES, DEFAULT_MIN_LENGTH, meetsPolicy } from './passwordRules.ts';

const Rule = ({ ok, text }: { ok: boolean; text: string }) => (
  <Typography.Text type={ok ? 'success' : 'secondary'} style={{ fontSize: 13 }}>
    {ok ? <CheckCircleFilled /> : <CloseCircleOutlined />} {text}
  </Typography.Text>
);

/** New password + confirmation, with the policy explained and checked as the user types. */
export const PasswordFields = ({ idPrefix }: { idPrefix: string }) => {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const value: string = Form.useWatch('newPassword', form) ?? '';
  return (
    <>
      <Form.Item
        name="newPassword"
        label={t('auth.password.newPassword')}
        rules={[
          { required: true, message: t('common.validation.required') },
          { max: 128, message: t('common.validation.tooLong', { max: 128 }) },
          {
            validator: async (_r, v: string | undefined) => {
              if (v && !meetsPolicy(v)) throw new Error(t('auth.password.policyNotMet'));
            },
          },
        ]}
      >
        <Input.Password id={`${idPrefix}-new`} data-testid={`${idPrefix}-new`} autoComplete="new-password" />
      </Form.Item>
      <Space orientation="vertical" size={0} style={{ marginTop: -12, marginBottom: 16 }}>
        <Typography.Text strong style={{ fontSize: 13 }}>
          {t('auth.password.policyTitle')}
        </Typography.Text>
        <Rule ok={[...value].length >= DEFAULT_MIN_LENGTH} text={t('auth.password.policyLength')} />
        <Rule ok={characterClasses(value) >= DEFAULT_MIN_CLASSES} text={t('auth.password.policyClasses')} />
      </Space>
      <Form.Item
        name="confirmPassword"
        label={t('auth.password.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('common.validation.required') },
          ({ getFieldValue }) => ({
            validator: async (_r, v: string | undefined) => {
              if (v && v !== getFieldValue('newPassword')) throw new Error(t('auth.password.mismatch'));
            },
          }),
        ]}
      >
        <Input.Password id={`${idPrefix}-confirm`} data-testid={`${idPrefix}-confirm`} autoComplete="new-password" />
      </Form.Item>
    </>
  );
};
