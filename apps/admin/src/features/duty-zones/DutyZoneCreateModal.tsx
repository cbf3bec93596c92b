import { CreateDutyZoneBodySchema, DutyZoneKindSchema } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CreateDutyZoneBody, dutyZonesApi } from '../../api/dutyZones.ts';
import { FormErrorAlert } from '../../components/ErrorState.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { useIdempotencyKey } from '../../components/useIdempotencyKey.ts';
import { applyServerErrors, contractRule, requiredRule } from '../../components/validation.ts';
import { parseGeometry } from './geometry.ts';

type Values = {
  kind: 'river' | 'street';
  name: string;
  description?: string;
  holderOrgId: string;
  geometryText?: string;
};

export const DutyZoneCreateModal = ({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const idem = useIdempotencyKey(open);
  const shape = CreateDutyZoneBodySchema.shape;
  const create = useMutation({
    mutationFn: (body: CreateDutyZoneBody) => dutyZonesApi.create(body, idem.key),
    onSuccess: () => {
      void message.success(t('dutyZone.created'));
      onClose();
      onCreated();
    },
    onError: (e) => {
      idem.afterError(e);
      applyServerErrors(form, e, t, (p) => (p[0] === 'geometry' ? ['geometryText'] : p));
    },
  });
  const onFinish = (v: Values) => {
    const geo = parseGeometry(v.geometryText);
    create.mutate({
      kind: v.kind,
      name: v.name.trim(),
      description: v.description?.trim() || undefined,
      holderOrgId: v.holderOrgId,
      geometry: geo.ok ? geo.geometry : undefined,
    });
  };
  return (
    <Modal
      open={open}
      width={680}
      title={t('dutyZone.create')}
      okText={t('common.actions.save')}
      cancelText={t('common.actions.cancel')}
      confirmLoading={create.isPending}
      okButtonProps={{ id: 'duty-zone-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => create.reset()}
      destroyOnHidden
    >
      <FormErrorAlert error={create.error} />
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
    </Modal>
  );
};
