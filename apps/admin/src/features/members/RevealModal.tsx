import { type MemberReveal, MemberRevealBodySchema, type MemberRevealField } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, Checkbox, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { membersApi } from '../../api/members.ts';
import { FormErrorAlert } from '../../components/ErrorState.tsx';
import { applyServerErrors, contractRule, requiredRule } from '../../components/validation.ts';

type Values = { fields: MemberRevealField[]; reason: string };

type Props = {
  memberId: string;
  /** The fields that hold a value (a member without a phone has nothing to reveal there). */
  available: MemberRevealField[];
  /** The field whose 查看 opened the dialog (pre-ticked); null when closed. */
  initial: MemberRevealField | null;
  /** Shows the revealed seconds (from `useRevealTimer`). */
  seconds: number;
  onClose: () => void;
  onRevealed: (values: MemberReveal) => void;
};

/**
 * `POST /members/:id/reveal` with a reason (PI-3). The answer is never cached (`gcTime: 0`): the page keeps it in
 * memory for a short time only.
 */
export const RevealModal = ({ memberId, available, initial, seconds, onClose, onRevealed }: Props) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const reveal = useMutation({
    mutationFn: (v: Values) => membersApi.reveal(memberId, { fields: v.fields, reason: v.reason.trim() }),
    gcTime: 0,
    onSuccess: (values) => {
      onRevealed(values);
      onClose();
    },
    onError: (e) => applyServerErrors(form, e, t),
  });
  return (
    <Modal
      open={initial !== null}
      title={t('member.reveal.title')}
      okText={t('member.reveal.submit')}
      cancelText={t('common.actions.cancel')}
      confirmLoading={reveal.isPending}
      okButtonProps={{ id: 'member-reveal-submit', danger: true }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => reveal.reset()}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('member.reveal.notice', { seconds })} style={{ marginBottom: 16 }} />
      <FormErrorAlert error={reveal.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ fields: initial ? [initial] : [], reason: '' }}
        onFinish={(v) => reveal.mutate(v)}
      >
        <Form.Item name="fields" label={t('member.reveal.fields')} rules={[requiredRule(t)]}>
          <Checkbox.Group
            options={available.map((f) => ({ value: f, label: t(`member.reveal.field.${f}`) }))}
            data-testid="member-reveal-fields"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('member.reveal.reason')}
          rules={[requiredRule(t), contractRule(MemberRevealBodySchema.shape.reason, t)]}
          extra={t('member.reveal.reasonHint')}
        >
          <Input.TextArea rows={3} maxLength={200} showCount data-testid="member-reveal-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
};
