import { PiiExportDecisionBodySchema, type PiiExportRequest } from '@linli/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { exportRequestsApi } from '../../api/members.ts';
import { FormErrorAlert } from '../../components/ErrorState.tsx';
import { applyServerErrors, contractRule, requiredRule } from '../../components/validation.ts';
import { ExportFilterSummary } from './ExportFilterSummary.tsx';

export type Decision = 'approved' | 'rejected';
type Values = { note?: string };

type Props = { open: boolean; request: PiiExportRequest | null; decision: Decision; onClose: () => void };

/** 批准 / 驳回 an unmasked export (PI-4), with a note (required to reject). */
export const ExportDecisionModal = ({ open, request, decision, onClose }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const decide = useMutation({
    mutationFn: (v: Values) =>
      exportRequestsApi.decide(request?.id ?? '', { decision, note: v.note?.trim() || undefined }),
    onSuccess: () => {
      void message.success(t(`member.exportRequest.decided.${decision}`));
      void queryClient.invalidateQueries({ queryKey: ['member-export-requests'] });
      onClose();
    },
    onError: (e) => applyServerErrors(form, e, t),
  });
  const approving = decision === 'approved';
  return (
    <Modal
      open={open && request !== null}
      title={t(`member.exportRequest.decideTitle.${decision}`)}
      okText={t(`member.exportRequest.decide.${decision}`)}
      cancelText={t('common.actions.cancel')}
      okButtonProps={{ id: 'export-decision-submit', danger: !approving }}
      confirmLoading={decide.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => decide.reset()}
      destroyOnHidden
    >
      <FormErrorAlert error={decide.error} />
      {request && (
        <Form<Values> form={form} layout="vertical" preserve={false} onFinish={(v) => decide.mutate(v)}>
          <Form.Item label={t('member.exportRequest.requester')}>
            {t('member.exportRequest.requesterLine', { name: request.requestedByName })}
          </Form.Item>
          <Form.Item label={t('member.exportRequest.reason')}>{request.reason}</Form.Item>
          <Form.Item label={t('member.exportRequest.filter')}>
            <ExportFilterSummary filter={request.filter} />
          </Form.Item>
          <Form.Item
            name="note"
            label={t('member.exportRequest.note')}
            extra={approving ? t('member.exportRequest.approveHint') : undefined}
            rules={[...(approving ? [] : [requiredRule(t)]), contractRule(PiiExportDecisionBodySchema.shape.note, t)]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount data-testid="export-decision-note" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
};
