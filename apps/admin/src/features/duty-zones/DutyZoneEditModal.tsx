import { type DutyZoneDetail, DutyZoneKindSchema, UpdateDutyZoneBodySchema } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Radio, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { dutyZonesApi, type UpdateDutyZoneBody } from '../../api/dutyZones.ts';
import { EditModal } from '../../components/EditModal.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import {
  applyIssues,
  applyServerErrors,
  contractRule,
  issueMessage,
  requiredRule,
} from '../../components/validation.ts';

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

type Props = {
  open: boolean;
  zone: DutyZoneDetail | null;
  onClose: () => void;
  onReload: () => Promise<void>;
  onSaved: (zone: DutyZoneDetail) => void;
};

/** `PATCH /duty-zones/:id` at the version read; a new holder must again be an organ Party organisation. */
export const DutyZoneEditModal = ({ open, zone, onClose, onReload, onSaved }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const shape = UpdateDutyZoneBodySchema.shape;
  const save = useMutation({
    mutationFn: ({ id, body, version }: { id: string; body: UpdateDutyZoneBody; version: number }) =>
      dutyZonesApi.update(id, body, version),
    onSuccess: (saved) => {
      void message.success(t('common.feedback.saved'));
      onClose();
      onSaved(saved);
    },
    onError: (e) => applyServerErrors(form, e, t),
  });

  useEffect(() => {
    if (open && zone) form.setFieldsValue(valuesOf(zone));
  }, [open, zone, form]);

  const onFinish = (v: Values) => {
    if (!zone) return;
    const body = toBody(zone, v);
    if (Object.keys(body).length === 0) {
      void message.info(t('common.feedback.noChanges'));
      onClose();
      return;
    }
    const parsed = UpdateDutyZoneBodySchema.safeParse(body);
    if (!parsed.success) {
      applyIssues(form, parsed.error.issues, (i) => issueMessage(i, t));
      return;
    }
    save.mutate({ id: zone.id, body, version: zone.version });
  };

  return (
    <EditModal
      open={open}
      title={t('dutyZone.editTitle')}
      submitId="duty-zone-edit-submit"
      saving={save.isPending}
      error={save.error}
      onSubmit={() => form.submit()}
      onCancel={onClose}
      onReload={() => void onReload().then(() => save.reset())}
      afterClose={() => save.reset()}
    >
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
    </EditModal>
  );
};
