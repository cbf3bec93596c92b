import { CreateOrgReportInBodySchema, type OrgReportIn, type OrgReportInTargetKind } from '@linli/contracts';
import { DatePicker, Flex, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type CreateOrgReportInBody, reportInsApi } from '../../api/reportIns.ts';
import { CountyCompoundSelect } from '../../components/CompoundSelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { type CreateDialogProps, useCreateForm } from '../../components/useCreateForm.ts';
import { contractRule, requiredRule } from '../../components/validation.ts';
import { explained } from '../posts/conflicts.ts';

type Values = {
  reportingOrgId: string;
  targetKind: OrgReportInTargetKind;
  targetId: string;
  contactName: string;
  contactPhone: string;
  resources: string;
  reportedOn: Dayjs;
};

/** 报到单: an organ Party organisation reports to a compound or a community, with what it offers. */
export const OrgReportInCreateModal = (props: CreateDialogProps) => {
  const { t } = useTranslation();
  const { form, submit, modal } = useCreateForm<Values, CreateOrgReportInBody, OrgReportIn>({
    ...props,
    create: explained(reportInsApi.createOrg, t),
    createdText: t('reportIn.org.created'),
  });
  const targetKind = Form.useWatch('targetKind', form);
  const shape = CreateOrgReportInBodySchema.shape;
  const onFinish = (v: Values) =>
    submit({
      reportingOrgId: v.reportingOrgId,
      targetKind: v.targetKind,
      targetId: v.targetId,
      contactName: v.contactName.trim(),
      contactPhone: v.contactPhone.trim(),
      resources: v.resources.trim(),
      reportedOn: v.reportedOn.format('YYYY-MM-DD'),
    });
  return (
    <FormModal {...modal} title={t('reportIn.org.create')} submitId="org-report-in-submit" width={680}>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ targetKind: 'compound', reportedOn: dayjs() }}
        onFinish={onFinish}
      >
        <Form.Item
          name="reportingOrgId"
          label={t('reportIn.org.reportingOrg')}
          extra={t('reportIn.org.reportingOrgHint')}
          rules={[requiredRule(t)]}
        >
          <OrgTreeSelect
            style={{ width: '100%' }}
            selectable={(u) => u.sector === 'organ'}
            data-testid="org-report-in-reporting-org"
          />
        </Form.Item>
        <Form.Item name="targetKind" label={t('reportIn.org.targetKind')} rules={[requiredRule(t)]}>
          <Radio.Group
            optionType="button"
            onChange={() => form.setFieldValue('targetId', undefined)}
            options={(['compound', 'community'] as const).map((k) => ({
              value: k,
              label: t(`reportIn.org.targetKinds.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="targetId"
          label={targetKind === 'community' ? t('reportIn.org.targetCommunity') : t('reportIn.org.targetCompound')}
          extra={targetKind === 'community' ? t('reportIn.org.targetCommunityHint') : undefined}
          rules={[requiredRule(t)]}
        >
          {targetKind === 'community' ? (
            <OrgTreeSelect
              style={{ width: '100%' }}
              selectable={(u) => u.sector !== 'organ'}
              data-testid="org-report-in-target"
            />
          ) : (
            <CountyCompoundSelect style={{ width: '100%' }} data-testid="org-report-in-target" />
          )}
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item
            name="contactName"
            style={{ flex: '1 1 200px' }}
            label={t('reportIn.org.contactName')}
            rules={[requiredRule(t), contractRule(shape.contactName, t)]}
          >
            <Input maxLength={40} data-testid="org-report-in-contact" />
          </Form.Item>
          <Form.Item
            name="contactPhone"
            style={{ flex: '1 1 200px' }}
            label={t('reportIn.org.contactPhone')}
            rules={[requiredRule(t), contractRule(shape.contactPhone, t)]}
          >
            <Input maxLength={11} inputMode="numeric" data-testid="org-report-in-phone" />
          </Form.Item>
        </Flex>
        <Form.Item
          name="resources"
          label={t('reportIn.org.resources')}
          extra={t('reportIn.org.resourcesHint')}
          rules={[requiredRule(t), contractRule(shape.resources, t)]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="org-report-in-resources" />
        </Form.Item>
        <Form.Item name="reportedOn" label={t('reportIn.org.reportedOn')} rules={[requiredRule(t)]}>
          <DatePicker allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </FormModal>
  );
};
