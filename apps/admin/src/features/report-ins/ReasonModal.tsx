import { Form, Input, Modal, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../components/ErrorState.tsx';
import { requiredRule } from '../../components/validation.ts';

type Props = {
  open: boolean;
  title: ReactNode;
  /** What is being refused, shown above the reason. */
  subject?: ReactNode;
  okText: string;
  maxLength: number;
  saving: boolean;
  error: unknown;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
  afterClose?: () => void;
  'data-testid'?: string;
};

/** Asks why something is refused (驳回): the reason is required and goes back to the person refused. */
export const ReasonModal = ({ open, title, subject, okText, maxLength, saving, error, onSubmit, ...rest }: Props) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const testId = rest['data-testid'];
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('common.actions.cancel')}
      okButtonProps={{ danger: true, id: testId ? `${testId}-submit` : undefined }}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={rest.onCancel}
      afterClose={rest.afterClose}
      destroyOnHidden
    >
      <FormErrorAlert error={error} />
      {subject && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          {subject}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" preserve={false} onFinish={(v) => onSubmit(v.reason.trim())}>
        <Form.Item
          name="reason"
          label={t('reportIn.reason')}
          extra={t('reportIn.reasonHint')}
          rules={[requiredRule(t), { max: maxLength, message: t('common.validation.tooLong', { max: maxLength }) }]}
        >
          <Input.TextArea rows={3} maxLength={maxLength} showCount autoFocus data-testid={testId} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
