import { AnswerSupervisionBodySchema, type Supervision } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { supervisionsApi } from '../../api/civicCases.ts';
import { FormErrorAlert } from '../../components/ErrorState.tsx';
import { applyServerErrors, contractRule, requiredRule } from '../../components/validation.ts';

type Props = { supervision: Supervision | null; onClose: () => void; onAnswered: () => void };

/** The unit answers a 督办: what it has done and when the case will be finished. */
export const AnswerSupervisionModal = ({ supervision, onClose, onAnswered }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ answer: string }>();
  const answer = useMutation({
    mutationFn: (text: string) => supervisionsApi.answer(supervision?.id ?? '', { answer: text }),
    onSuccess: () => {
      void message.success(t('civic.supervision.answered'));
      onAnswered();
      onClose();
    },
    onError: (e) => applyServerErrors(form, e, t),
  });
  return (
    <Modal
      open={supervision !== null}
      title={t('civic.supervision.answerTitle', { number: supervision?.caseNumber ?? '' })}
      okText={t('common.actions.submit')}
      cancelText={t('common.actions.cancel')}
      confirmLoading={answer.isPending}
      okButtonProps={{ id: 'civic-supervision-answer-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => answer.reset()}
      destroyOnHidden
    >
      <FormErrorAlert error={answer.error} />
      {supervision && (
        <Typography.Paragraph type="secondary">
          {t('common.fmt.labelValue', { label: t('civic.supervision.reason'), value: supervision.reason })}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" preserve={false} onFinish={(v) => answer.mutate(v.answer.trim())}>
        <Form.Item
          name="answer"
          label={t('civic.supervision.answer')}
          extra={t('civic.supervision.answerHint')}
          rules={[requiredRule(t), contractRule(AnswerSupervisionBodySchema.shape.answer, t)]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount autoFocus data-testid="civic-supervision-answer-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
};
