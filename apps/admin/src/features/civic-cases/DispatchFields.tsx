import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { CaseActionBodySchema, CivicCaseDetail } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { civicRoutingApi } from '../../api/civicCases.ts';
import { contractRule, requiredRule } from '../../components/validation.ts';
import type { ActionValues } from './actionForm.ts';
import { UnitPicker } from './UnitPicker.tsx';

const MAX_ASSISTS = 5;

type Props = { detail: CivicCaseDetail; shape: (typeof CaseActionBodySchema)['shape'] };

/**
 * 派遣 / 改派: the lead unit (pre-filled with the routing rules' proposal for the case's compound and category) and
 * up to five assisting units (首接负责: one lead answers for the case, the others help).
 */
export const DispatchFields = ({ detail, shape }: Props) => {
  const { t } = useTranslation();
  const form = Form.useFormInstance<ActionValues>();
  const preview = useQuery({
    queryKey: ['civic-routing-preview', detail.compoundId, detail.categoryId],
    queryFn: () => civicRoutingApi.preview(detail.compoundId, detail.categoryId),
    staleTime: 60_000,
    retry: false,
  });
  const proposal = preview.data?.unit;
  useEffect(() => {
    if (!proposal || form.getFieldValue('unit')) return;
    // 改派 proposes the routed unit only when it is not the one the case already has.
    if (detail.unit && detail.unit.kind === proposal.kind && detail.unit.id === proposal.id) return;
    form.setFieldsValue({ unit: { kind: proposal.kind, id: proposal.id, name: proposal.name } });
  }, [proposal, form, detail.unit]);

  return (
    <>
      {proposal && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('civic.actionForm.routed', {
            unit: t('common.fmt.withNote', { text: proposal.name, note: t(`civic.unitKind.${proposal.kind}`) }),
          })}
          description={preview.data?.fallback ? t('civic.actionForm.routedFallback') : t('civic.actionForm.routedRule')}
          data-testid="civic-routing-proposal"
        />
      )}
      {detail.unit && (
        <Form.Item label={t('civic.actionForm.currentUnit')}>
          {t('common.fmt.withNote', { text: detail.unit.name, note: t(`civic.unitKind.${detail.unit.kind}`) })}
        </Form.Item>
      )}
      <Form.Item name="unit" label={t('civic.actionForm.leadUnit')} rules={[requiredRule(t)]}>
        <UnitPicker compoundId={detail.compoundId} data-testid="civic-action-unit" />
      </Form.Item>
      <Form.List name="assists">
        {(fields, { add, remove }) => (
          <Form.Item label={t('civic.actionForm.assists')} extra={t('civic.actionForm.assistsHint')}>
            <Flex vertical gap={8}>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="center">
                  <Form.Item name={field.name} noStyle rules={[requiredRule(t)]}>
                    <UnitPicker compoundId={detail.compoundId} data-testid={`civic-action-assist-${field.name}`} />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    aria-label={t('common.actions.remove')}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              {fields.length < MAX_ASSISTS && (
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add()}
                  data-testid="civic-action-assist-add"
                >
                  {t('civic.actionForm.addAssist')}
                </Button>
              )}
            </Flex>
          </Form.Item>
        )}
      </Form.List>
      <Form.Item
        name="internalNote"
        label={t('civic.actionForm.note.dispatch')}
        extra={t('civic.actionForm.noteHint.internal')}
        rules={[contractRule(shape.internalNote, t)]}
      >
        <Input.TextArea rows={2} maxLength={1000} showCount data-testid="civic-action-internalNote" />
      </Form.Item>
    </>
  );
};
