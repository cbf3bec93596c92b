import type { CivicCaseSummary } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, List, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BulkDispatchResult, civicCasesApi } from '../../api/civicCases.ts';
import { FormErrorAlert } from '../../components/ErrorState.tsx';
import { requiredRule } from '../../components/validation.ts';
import { type PickedUnit, UnitPicker } from './UnitPicker.tsx';

type Props = {
  /** The selected cases; null when the dialog is closed. */
  cases: CivicCaseSummary[] | null;
  onClose: () => void;
  /** After a dispatch that moved at least one case: refresh the list, clear the selection. */
  onDone: () => void;
};

type Values = { target: 'routed' | 'chosen'; unit?: PickedUnit };

const KNOWN_CODES = ['CIVIC_CASE_TRANSITION', 'FORBIDDEN', 'NOT_FOUND', 'VERSION_STALE', 'VALIDATION_FAILED'] as const;
type KnownCode = (typeof KNOWN_CODES)[number];
const isKnownCode = (c: string): c is KnownCode => (KNOWN_CODES as readonly string[]).includes(c);

/**
 * 批量派遣: every selected case goes to its routed unit, or all to one chosen unit. Each case is dispatched in its
 * own transaction on the server, so some may fail while the rest go through; the failures are listed by number.
 */
export const BulkDispatchModal = ({ cases, onClose, onDone }: Props) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<BulkDispatchResult | null>(null);
  const target = Form.useWatch('target', form);
  const list = cases ?? [];
  const compoundIds = [...new Set(list.map((c) => c.compoundId))];
  const sharedCompound = compoundIds.length === 1 ? compoundIds[0] : undefined;
  const dispatch = useMutation({
    mutationFn: (v: Values) =>
      civicCasesApi.bulkDispatch({
        caseIds: list.map((c) => c.id),
        ...(v.target === 'chosen' && v.unit ? { unit: { kind: v.unit.kind, id: v.unit.id } } : {}),
      }),
    onSuccess: (r) => {
      setResult(r);
      if (r.dispatched.length > 0) onDone();
    },
  });
  const numberOf = (id: string) => list.find((c) => c.id === id)?.number ?? id;
  const codeText = (code: string) => (isKnownCode(code) ? t(`civic.bulk.code.${code}`) : code);

  const footer = result ? (
    <Button type="primary" onClick={onClose} data-testid="civic-bulk-dispatch-close">
      {t('common.actions.close')}
    </Button>
  ) : undefined;

  return (
    <Modal
      open={cases !== null}
      title={t('civic.bulk.title', { n: list.length })}
      okText={t('civic.bulk.submit')}
      cancelText={t('common.actions.cancel')}
      confirmLoading={dispatch.isPending}
      okButtonProps={{ id: 'civic-bulk-dispatch-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => {
        dispatch.reset();
        setResult(null);
      }}
      footer={footer}
      destroyOnHidden
    >
      {result ? (
        <div data-testid="civic-bulk-result">
          <Alert
            type={result.failed.length === 0 ? 'success' : result.dispatched.length === 0 ? 'error' : 'warning'}
            showIcon
            title={t('civic.bulk.result', { ok: result.dispatched.length, failed: result.failed.length })}
            style={{ marginBottom: 12 }}
          />
          {result.failed.length > 0 && (
            <List
              size="small"
              bordered
              dataSource={result.failed}
              renderItem={(f) => (
                <List.Item data-testid="civic-bulk-failure">
                  <Typography.Text strong className="mono">
                    {numberOf(f.id)}
                  </Typography.Text>
                  <Typography.Text type="danger">{codeText(f.code)}</Typography.Text>
                </List.Item>
              )}
            />
          )}
        </div>
      ) : (
        <>
          <FormErrorAlert error={dispatch.error} />
          <Typography.Paragraph type="secondary">{t('civic.bulk.hint')}</Typography.Paragraph>
          <Form<Values>
            form={form}
            layout="vertical"
            preserve={false}
            initialValues={{ target: 'routed' }}
            onFinish={(v) => dispatch.mutate(v)}
          >
            <Form.Item name="target" label={t('civic.bulk.target')}>
              <Radio.Group
                options={[
                  { value: 'routed', label: t('civic.bulk.routed') },
                  { value: 'chosen', label: t('civic.bulk.chosen') },
                ]}
                data-testid="civic-bulk-target"
              />
            </Form.Item>
            {target === 'chosen' && (
              <Form.Item
                name="unit"
                label={t('civic.fields.unit')}
                extra={sharedCompound ? undefined : t('civic.bulk.manyCompounds')}
                rules={[requiredRule(t)]}
              >
                <UnitPicker compoundId={sharedCompound} data-testid="civic-bulk-unit" />
              </Form.Item>
            )}
          </Form>
        </>
      )}
    </Modal>
  );
};
