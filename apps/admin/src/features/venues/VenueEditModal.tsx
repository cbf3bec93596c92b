import { UpdateVenueBodySchema, type VenueDetail } from '@linli/contracts';
import { Form, Input, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type UpdateVenueBody, venuesApi } from '../../api/venues.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { type EditDialogProps, useEditForm } from '../../components/useEditForm.ts';
import { contractRule, requiredRule } from '../../components/validation.ts';
import { EquipmentField, toEquipment } from './EquipmentField.tsx';

type Values = { name: string; address?: string; areaSqm: number; equipment?: string[] };

const valuesOf = (v: VenueDetail): Values => ({
  name: v.name,
  address: v.address ?? '',
  areaSqm: v.areaSqm,
  equipment: v.equipment,
});

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Only what changed; `address: ''` clears it, `equipment` replaces the list. */
const toBody = (venue: VenueDetail, v: Values): UpdateVenueBody => {
  const name = v.name.trim();
  const address = v.address?.trim() ?? '';
  const equipment = toEquipment(v.equipment);
  return {
    ...(name === venue.name ? {} : { name }),
    ...(address === (venue.address ?? '') ? {} : { address }),
    ...(v.areaSqm === venue.areaSqm ? {} : { areaSqm: v.areaSqm }),
    ...(sameList(equipment, venue.equipment) ? {} : { equipment }),
  };
};

type Props = EditDialogProps<VenueDetail> & { venue: VenueDetail | null };

/** `PATCH /venues/:id` at the version read; the venue stays in its compound. */
export const VenueEditModal = ({ venue, ...dialog }: Props) => {
  const { t } = useTranslation();
  const { form, onFinish, modal } = useEditForm({
    ...dialog,
    base: venue,
    valuesOf,
    toBody,
    schema: UpdateVenueBodySchema,
    save: (v, body) => venuesApi.update(v.id, body, v.version),
  });
  const shape = UpdateVenueBodySchema.shape;

  return (
    <FormModal {...modal} title={t('venue.editTitle')} submitId="venue-edit-submit" width={640}>
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item label={t('venue.compound')} extra={t('venue.compoundFixed')}>
          <Typography.Text strong>{venue?.compoundName}</Typography.Text>
        </Form.Item>
        <Form.Item name="name" label={t('venue.name')} rules={[requiredRule(t), contractRule(shape.name, t)]}>
          <Input maxLength={80} data-testid="venue-edit-name" />
        </Form.Item>
        <Form.Item name="address" label={t('venue.address')} rules={[contractRule(shape.address, t)]}>
          <Input maxLength={200} allowClear />
        </Form.Item>
        <Form.Item name="areaSqm" label={t('venue.area')} rules={[requiredRule(t), contractRule(shape.areaSqm, t)]}>
          <InputNumber min={1} max={100000} precision={0} suffix={t('venue.areaUnit')} style={{ width: 200 }} />
        </Form.Item>
        <EquipmentField />
      </Form>
    </FormModal>
  );
};
