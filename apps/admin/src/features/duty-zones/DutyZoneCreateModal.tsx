import { CreateDutyZoneBodySchema, type DutyZone, DutyZoneKindSchema } from '@linli/contracts';
import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CreateDutyZoneBody, dutyZonesApi } from '../../api/dutyZones.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { type CreateDialogProps, useCreateForm } from '../../components/useCreateForm.ts';
import { contractRule, requiredRule } from '../../components/validation.ts';
import { parseGeometry } from './geometry.ts';

type Values = {
  kind: 'river' | 'street';
  name: string;
  description?: string;
  holderOrgId: string;
  geometryText?: string;
};

export const DutyZoneCreateModal = (props: CreateDialogProps) => {
  const { t } = useTranslation();
  const { form, submit, modal } = useCreateForm<Values, CreateDutyZoneBody, DutyZone>({
    ...props,
    create: dutyZonesApi.create,
    createdText: t('dutyZone.created'),
    fieldPath: (p) => (p[0] === 'geometry' ? ['geometryText'] : p),
  });
  const shape = CreateDutyZoneBodySchema.shape;
  const onFinish = (v: Values) => {
    const geo = parseGeometry(v.geometryText);
    submit({
      kind: v.kind,
      name: v.name.trim(),
      description: v.description?.trim() || undefined,
      holderOrgId: v.holderOrgId,
      geometry: geo.ok ? geo.geometry : undefined,
    });
  };
  return (
    <FormModal {...modal} title={t('dutyZone.create')} submitId="duty-zone-submit" width={680}>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ kind: 'river' }} onFinish={onFinish}>
        <Form.Item name="kind" label={t('dutyZone.kind')} rules={[requiredRule(t)]}>
          <Radio.Group
            optionType="button"
            options={DutyZoneKindSchema.options.map((k) => ({ value: k, label: t(`common.enum.dutyZoneKind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('dutyZone.name')} rules={[requiredRule(t), contractRule(shape.name, t)]}>
          <Input maxLength={80} data-testid="duty-zone-name" />
        </Form.Item>
        <Form.Item
          name="holderOrgId"
          label={t('dutyZone.holderLabel')}
          extra={t('dutyZone.holderHint')}
          rules={[requiredRule(t)]}
        >
          <OrgTreeSelect
            style={{ width: '100%' }}
            selectable={(u) => u.sector === 'organ'}
            data-testid="duty-zone-holder"
          />
        </Form.Item>
        <Form.Item name="description" label={t('dutyZone.description')} rules={[contractRule(shape.description, t)]}>
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
        <Form.Item
          name="geometryText"
          label={t('dutyZone.geometry')}
          extra={t('dutyZone.geometryHint')}
          rules={[
            {
              validator: async (_r, text: string | undefined) => {
                const geo = parseGeometry(text);
                if (geo.ok) return;
                throw new Error(
                  geo.reason === 'json'
                    ? t('dutyZone.geometryInvalidJson', { reason: geo.detail ?? '' })
                    : t('dutyZone.geometryInvalid'),
                );
              },
            },
          ]}
        >
          <Input.TextArea
            rows={6}
            className="mono"
            spellCheck={false}
            data-testid="duty-zone-geometry"
            placeholder={'{ "type": "LineString", "coordinates": [[117.36, 33.64], [117.38, 33.65]] }'}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
};
