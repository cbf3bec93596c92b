import { CreateVenueBodySchema } from '@linli/contracts';
import { Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CreateVenueBody, type Venue, venuesApi } from '../../api/venues.ts';
import { CompoundSelect } from '../../components/CompoundSelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { type CreateDialogProps, useCreateForm } from '../../components/useCreateForm.ts';
import { contractRule, requiredRule } from '../../components/validation.ts';
import { EquipmentField, toEquipment } from './EquipmentField.tsx';

type Values = { compoundId: string; name: string; address?: string; areaSqm: number; equipment?: string[] };

export const VenueCreateModal = (props: CreateDialogProps) => {
  const { t } = useTranslation();
  const { form, submit, modal } = useCreateForm<Values, CreateVenueBody, Venue>({
    ...props,
    create: venuesApi.create,
    createdText: t('venue.created'),
  });
  const shape = CreateVenueBodySchema.shape;
  const onFinish = (v: Values) =>
    submit({
      compoundId: v.compoundId,
      name: v.name.trim(),
      address: v.address?.trim() || undefined,
      areaSqm: v.areaSqm,
      equipment: toEquipment(v.equipment),
    });
  return (
    <FormModal {...modal} title={t('venue.create')} submitId="venue-submit" width={640}>
      <Form form={form} layout="vertical" preserve={false} onFinish={onFinish}>
        <Form.Item name="compoundId" label={t('venue.compound')} rules={[requiredRule(t)]}>
          <CompoundSelect style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="name" label={t('venue.name')} rules={[requiredRule(t), contractRule(shape.name, t)]}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="address" label={t('venue.address')} rules={[contractRule(shape.address, t)]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="areaSqm" label={t('venue.area')} rules={[requiredRule(t), contractRule(shape.areaSqm, t)]}>
          <InputNumber min={1} max={100000} precision={0} suffix={t('venue.areaUnit')} style={{ width: 200 }} />
        </Form.Item>
        <EquipmentField />
      </Form>
    </FormModal>
  );
};
