import { UpdateVenueBodySchema, type VenueDetail } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type UpdateVenueBody, venuesApi } from '../../api/venues.ts';
import { EditModal } from '../../components/EditModal.tsx';
import {
  applyIssues,
  applyServerErrors,
  contractRule,
  issueMessage,
  requiredRule,
} from '../../components/validation.ts';
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

type Props = {
  open: boolean;
  venue: VenueDetail | null;
  onClose: () => void;
  onReload: () => Promise<void>;
  onSaved: (venue: VenueDetail) => void;
};

/** `PATCH /venues/:id` at the version read; the venue stays in its compound. */
export const VenueEditModal = ({ open, venue, onClose, onReload, onSaved }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const shape = UpdateVenueBodySchema.shape;
  const save = useMutation({
    mutationFn: ({ id, body, version }: { id: string; body: UpdateVenueBody; version: number }) =>
      venuesApi.update(id, body, version),
    onSuccess: (saved) => {
      void message.success(t('common.feedback.saved'));
      onClose();
      onSaved(saved);
    },
    onError: (e) => applyServerErrors(form, e, t),
  });

  useEffect(() => {
    if (open && venue) form.setFieldsValue(valuesOf(venue));
  }, [open, venue, form]);

  const onFinish = (v: Values) => {
    if (!venue) return;
    const body = toBody(venue, v);
    if (Object.keys(body).length === 0) {
      void message.info(t('common.feedback.noChanges'));
      onClose();
      return;
    }
    const parsed = UpdateVenueBodySchema.safeParse(body);
    if (!parsed.success) {
      applyIssues(form, parsed.error.issues, (i) => issueMessage(i, t));
      return;
    }
    save.mutate({ id: venue.id, body, version: venue.version });
  };

  return (
    <EditModal
      open={open}
      title={t('venue.editTitle')}
      submitId="venue-edit-submit"
      saving={save.isPending}
      error={save.error}
      onSubmit={() => form.submit()}
      onCancel={onClose}
      onReload={() => void onReload().then(() => save.reset())}
      afterClose={() => save.reset()}
      width={640}
    >
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
    </EditModal>
  );
};
