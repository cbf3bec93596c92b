import { type DutyZoneDetail, DutyZoneKindSchema, UpdateDutyZoneBodySchema } from '@linli/contracts';
import { Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { dutyZonesApi, type UpdateDutyZoneBody } from '../../api/dutyZones.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { type EditDialogProps, useEditForm } from '../../components/useEditForm.ts';
import { contractRule, requiredRule } from '../../components/validation.ts';

type Values = { kind: DutyZoneDetail['kind']; name: string; description?: string; holderOrgId: string };

const valuesOf = (z: DutyZoneDetail): Values => ({
  kind: z.kind,
  name: z.name,
  description: z.description ?? '',
  holderOrgId: z.holderOrgId,
});

/** Only what changed; `description: ''` clears it. */
const toBody = (z: DutyZoneDetail, v: Values): UpdateDutyZoneBody => {
  const name = v.name.trim();
  const description = v.description?.trim() ?? '';
  return {
    ...(v.kind === z.kind ? {} : { kind: v.kind }),
    ...(name === z.name ? {} : { name }),
    ...(description === (z.description ?? '') ? {} : { description }),
    ...(v.holderOrgId === z.holderOrgId ? {} : { holderOrgId: v.holderOrgId }),
  };
};

type Props = EditDialogProps<DutyZoneDetail> & { zone: DutyZoneDetail | null };

/** `PATCH /duty-zones/:id` at the version read; a new holder must again be an organ Party organisation. */
export const DutyZoneEditModal = ({ zone, ...dialog }: Props) => {
  const { t } = useTranslation();
  const { form, onFinish, modal } = useEditForm({
    ...dialog,
    base: zone,
    valuesOf,
    toBody,
    schema: UpdateDutyZoneBodySchema,
    save: (z, body) => dutyZonesApi.update(z.id, body, z.version),
  });
  const shape = UpdateDutyZoneBodySchema.shape;

  return (
    <FormModal {...modal} title={t('dutyZone.editTitle')} submitId="duty-zone-edit-submit" width={680}>
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item name="kind" label={t('dutyZone.kind')} rules={[requiredRule(t)]}>
          <Radio.Group
            optionType="button"
            options={DutyZoneKindSchema.options.map((k) => ({ value: k, label: t(`common.enum.dutyZoneKind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('dutyZone.name')} rules={[requiredRule(t), contractRule(shape.name, t)]}>
          <Input maxLength={80} data-testid="duty-zone-edit-name" />
        </Form.Item>
        <Form.Item
          name="holderOrgId"
          label={t('dutyZone.holderLabel')}
          extra={t('dutyZone.holderChangeHint')}
          rules={[requiredRule(t)]}
        >
          <OrgTreeSelect
            style={{ width: '100%' }}
            selectable={(u) => u.sector === 'organ'}
            knownLabels={zone ? { [zone.holderOrgId]: zone.holderOrgName } : undefined}
            data-testid="duty-zone-edit-holder"
          />
        </Form.Item>
        <Form.Item name="description" label={t('dutyZone.description')} rules={[contractRule(shape.description, t)]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        <Form.Item label={t('dutyZone.geometry')}>
          <Typography.Text type="secondary">{t('dutyZone.geometryNotEditable')}</Typography.Text>
        </Form.Item>
      </Form>
    </FormModal>
  );
};
