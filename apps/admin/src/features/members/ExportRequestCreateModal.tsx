import { CreatePiiExportRequestBodySchema, type PiiExportRequest } from '@linli/contracts';
import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type CreatePiiExportRequestBody, exportRequestsApi, type MemberExportFilter } from '../../api/members.ts';
import { FormErrorAlert } from '../../components/ErrorState.tsx';
import { useCreateForm } from '../../components/useCreateForm.ts';
import { contractRule, requiredRule } from '../../components/validation.ts';
import { ExportFilterSummary } from './ExportFilterSummary.tsx';

type Values = { reason: string };

type Props = { open: boolean; filter: MemberExportFilter; onClose: () => void };

/** `POST /member-export-requests`: an unmasked export of the current filters, for a second person to approve (PI-4). */
export const ExportRequestCreateModal = ({ open, filter, onClose }: Props) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { form, submit, modal } = useCreateForm<Values, CreatePiiExportRequestBody, PiiExportRequest>({
    open,
    onClose,
    create: exportRequestsApi.create,
    createdText: t('member.exportRequest.created'),
    onCreated: () => navigate('/member-export-requests'),
    fieldPath: (p) => (p[0] === 'reason' ? p : null),
  });
  return (
    <Modal
      open={modal.open}
      title={t('member.exportRequest.createTitle')}
      width={600}
      okText={t('member.exportRequest.submit')}
      cancelText={t('common.actions.cancel')}
      confirmLoading={modal.saving}
      okButtonProps={{ id: 'export-request-submit' }}
      onOk={modal.onSubmit}
      onCancel={modal.onCancel}
      afterClose={modal.afterClose}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('member.exportRequest.createHint')} style={{ marginBottom: 16 }} />
      <FormErrorAlert error={modal.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) => submit({ filter, reason: v.reason.trim() })}
      >
        <Form.Item label={t('member.exportRequest.filter')}>
          <ExportFilterSummary filter={filter} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('member.exportRequest.reason')}
          extra={t('member.exportRequest.reasonHint')}
          rules={[requiredRule(t), contractRule(CreatePiiExportRequestBodySchema.shape.reason, t)]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="export-request-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
};
