import { CreateVenueBodySchema } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CreateVenueBody, venuesApi } from '../../api/venues.ts';
import { CompoundSelect } from '../../components/CompoundSelect.tsx';
import { FormErrorAlert } from '../../components/ErrorState.tsx';
import { useIdempotencyKey } from '../../components/useIdempotencyKey.ts';
import { applyServerErrors, contractRule, requiredRule } from '../../components/validation.ts';
import { EquipmentField, toEquipment } from './EquipmentField.tsx';

type Values = { compoundId: string; name: string; address?: string; areaSqm: number; equipment?: string[] };

export const VenueCreateModal = (props: { open: boolean; onClose: () => void; onCreated: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const idem = useIdempotencyKey(props.open);
  const shape = CreateVenueBodySchema.shape;
  const create = useMutation({
    mutationFn: (body: CreateVenueBody) => venuesApi.create(body, idem.key),
    onSuccess: () => {
      void message.success(t('venue.created'));
      props.onClose();
      props.onCreated();
    },
    onError: (e) => {
      idem.afterError(e);
      applyServerErrors(form, e, t);
    },
  });
  const onFinish = (v: Values) =>
    create.mutate({
      compoundId: v.compoundId,
      name: v.name.trim(),
      address: v.address?.trim() || undefined,
      areaSqm: v.areaSqm,
      equipment: toEquipment(v.equipment),
    });
  return (
    <Modal
      open={props.open}
      width={640}
      title={t('venue.create')}
      okText={t('common.actions.save')}
      cancelText={t('common.actions.cancel')}
      confirmLoading={create.isPending}
      okButtonProps={{ id: 'venue-submit' }}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      afterClose={() => create.reset()}
      destroyOnHidden
    >
      <FormErrorAlert error={create.error} />
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
    </Modal>
  );
};
