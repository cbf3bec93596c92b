import { UploadOutlined } from '@ant-design/icons';
import type { Mediation, StoredFile } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Input, Radio, Upload, type UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';
import { type MediationOutcomeBody, mediationApi } from '../../api/civicSettings.ts';
import { FormErrorAlert } from '../../components/ErrorState.tsx';
import { usePhotoUpload } from '../../components/PhotoUploadField.tsx';
import { useIdempotencyKey } from '../../components/useIdempotencyKey.ts';
import { applyServerErrors } from '../../components/validation.ts';

type Source = 'text' | 'scan' | 'none';
type Values = {
  outcome: 'agreed' | 'failed';
  source: Source;
  agreementText?: string;
  scan?: UploadFile<StoredFile>[];
};

const bodyOf = (v: Values): MediationOutcomeBody => {
  if (v.outcome === 'failed' || v.source === 'none') return { outcome: v.outcome };
  if (v.source === 'text') return { outcome: 'agreed', agreementText: (v.agreementText ?? '').trim() };
  const id = v.scan?.find((f) => f.status === 'done')?.response?.id;
  return { outcome: 'agreed', ...(id ? { agreementFileId: id } : {}) };
};

type Props = { caseId: string; mediation: Mediation; onSaved: (m: Mediation) => void; onCancel: () => void };

/**
 * 调解结果: agreed (with the agreement's text, from which the server generates the 调解协议书, or a photo of the
 * signed one) or failed. An agreed outcome is final, so it is confirmed first.
 */
export const OutcomeForm = ({ caseId, mediation, onSaved, onCancel }: Props) => {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const scanUpload = usePhotoUpload({
    type: (name) => t('civic.photos.type', { name }),
    tooBig: (name) => t('civic.photos.tooBig', { name }),
  });
  const [form] = Form.useForm<Values>();
  const idem = useIdempotencyKey();
  const outcome = Form.useWatch('outcome', form);
  const source = Form.useWatch('source', form);
  const save = useMutation({
    mutationFn: (body: MediationOutcomeBody) => mediationApi.recordOutcome(caseId, body, idem.key),
    onSuccess: (saved) => {
      void message.success(t('mediation.outcomeSaved'));
      onSaved(saved);
    },
    onError: (e) => {
      idem.afterError(e);
      applyServerErrors(form, e, t, (path) => (path[0] === 'agreementFileId' ? ['scan'] : path));
    },
  });

  const onFinish = (v: Values) => {
    const body = bodyOf(v);
    if (body.outcome === 'failed') {
      save.mutate(body);
      return;
    }
    modal.confirm({
      title: t('mediation.recordOutcome'),
      content: t('mediation.agreedFinal'),
      okText: t('common.actions.confirm'),
      cancelText: t('common.actions.cancel'),
      onOk: () => save.mutateAsync(body).catch(() => undefined),
    });
  };

  const needsParties = outcome === 'agreed' && source === 'text' && mediation.parties.length < 2;
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ outcome: 'agreed', source: 'text' }}
      onFinish={onFinish}
      style={{ padding: 12, background: '#fafafa', borderRadius: 6 }}
    >
      <FormErrorAlert error={save.error} />
      <Form.Item name="outcome" label={t('mediation.outcomeLabel')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'agreed', label: t('mediation.outcome.agreed') },
            { value: 'failed', label: t('mediation.outcome.failed') },
          ]}
          data-testid="mediation-outcome-value"
        />
      </Form.Item>
      {outcome === 'agreed' && (
        <>
          <Form.Item name="source" label={t('mediation.agreementSource')}>
            <Radio.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
              options={[
                { value: 'text', label: t('mediation.sourceText') },
                { value: 'scan', label: t('mediation.sourceScan') },
                { value: 'none', label: t('mediation.sourceNone') },
              ]}
            />
          </Form.Item>
          {source === 'text' && (
            <Form.Item
              name="agreementText"
              label={t('mediation.agreementText')}
              rules={[
                { required: true, whitespace: true, message: t('mediation.agreementTextRequired') },
                { max: 8000, message: t('common.validation.tooLong', { max: 8000 }) },
              ]}
            >
              <Input.TextArea
                rows={6}
                maxLength={8000}
                showCount
                placeholder={t('mediation.agreementTextPlaceholder')}
                data-testid="mediation-agreement-text"
              />
            </Form.Item>
          )}
          {source === 'scan' && (
            <Form.Item
              name="scan"
              label={t('mediation.agreementScan')}
              extra={t('civic.photos.hint')}
              valuePropName="fileList"
              getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
              rules={[
                {
                  validator: async (_r, files: UploadFile<StoredFile>[] | undefined) => {
                    if (files?.some((f) => f.status === 'uploading')) throw new Error(t('civic.photos.uploading'));
                    if (!files?.some((f) => f.status === 'done')) throw new Error(t('mediation.agreementScanRequired'));
                  },
                },
              ]}
            >
              <Upload<StoredFile> listType="picture" maxCount={1} {...scanUpload}>
                <Button icon={<UploadOutlined />} data-testid="mediation-agreement-scan">
                  {t('civic.photos.add')}
                </Button>
              </Upload>
            </Form.Item>
          )}
          {needsParties && (
            <Alert type="warning" showIcon title={t('mediation.needTwoParties')} style={{ marginBottom: 12 }} />
          )}
        </>
      )}
      <Flex gap={8} justify="flex-end">
        <Button onClick={onCancel}>{t('common.actions.cancel')}</Button>
        <Button
          type="primary"
          htmlType="submit"
          loading={save.isPending}
          disabled={needsParties}
          data-testid="mediation-outcome"
        >
          {t('common.actions.submit')}
        </Button>
      </Flex>
    </Form>
  );
};
