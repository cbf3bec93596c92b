import {
  type CreateOrgUnitBody,
  CreateOrgUnitBodySchema,
  ORG_KINDS,
  type OrgKind,
  type OrgSector,
  OrgSectorSchema,
  type OrgUnit,
  UpdateOrgUnitBodySchema,
} from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type OrgUnitDetail, orgApi } from '../../api/organisation.ts';
import { FormErrorAlert } from '../../components/ErrorState.tsx';
import { FormModal, formModalState } from '../../components/FormModal.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { useCreateForm } from '../../components/useCreateForm.ts';
import { applyServerErrors, contractRule, requiredRule } from '../../components/validation.ts';

/** The usual kind one level below a node, as a starting value. */
const CHILD_KIND: Record<OrgKind, OrgKind> = {
  county_committee: 'party_committee',
  organization_department: 'party_committee',
  party_committee: 'general_branch',
  working_committee: 'general_branch',
  general_branch: 'branch',
  branch: 'party_group',
  party_group: 'party_group',
};

const useEnumOptions = () => {
  const { t } = useTranslation();
  return {
    kinds: ORG_KINDS.map((k) => ({ value: k, label: t(`common.enum.orgKind.${k}`) })),
    sectors: OrgSectorSchema.options.map((s) => ({ value: s, label: t(`common.enum.orgSector.${s}`) })),
    /** A compound's branch is created with its compound (小区 page), never by hand in the tree. */
    treeSectors: OrgSectorSchema.options
      .filter((s) => s !== 'compound')
      .map((s) => ({ value: s, label: t(`common.enum.orgSector.${s}`) })),
  };
};

type CreateValues = { kind: OrgKind; sector: OrgSector; name: string; sortOrder?: number | null };

export const CreateChildModal = (props: {
  open: boolean;
  parent: OrgUnitDetail;
  onClose: () => void;
  onCreated: (unit: OrgUnit) => void;
}) => {
  const { t } = useTranslation();
  const { kinds, treeSectors } = useEnumOptions();
  const { form, submit, modal } = useCreateForm<CreateValues, CreateOrgUnitBody, OrgUnit>({
    open: props.open,
    create: orgApi.create,
    createdText: t('org.tree.created'),
    onClose: props.onClose,
    onCreated: props.onCreated,
  });
  const shape = CreateOrgUnitBodySchema.shape;
  return (
    <FormModal {...modal} title={t('org.tree.createTitle')}>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          kind: CHILD_KIND[props.parent.kind],
          sector: props.parent.sector === 'compound' ? 'community' : props.parent.sector,
        }}
        onFinish={(v) =>
          submit({
            parentId: props.parent.id,
            kind: v.kind,
            sector: v.sector,
            name: v.name.trim(),
            sortOrder: v.sortOrder ?? undefined,
          })
        }
      >
        <Form.Item label={t('org.tree.parent')}>
          <Typography.Text strong>{props.parent.name}</Typography.Text>
        </Form.Item>
        <Form.Item name="name" label={t('org.tree.name')} rules={[requiredRule(t), contractRule(shape.name, t)]}>
          <Input maxLength={80} showCount autoFocus />
        </Form.Item>
        <Form.Item name="kind" label={t('org.tree.kind')} rules={[requiredRule(t)]}>
          <Select options={kinds} />
        </Form.Item>
        <Form.Item name="sector" label={t('org.tree.sector')} rules={[requiredRule(t)]}>
          <Select options={treeSectors} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('org.tree.sortOrder')}>
          <InputNumber min={0} max={100000} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
};

type RenameValues = { name: string; sector: OrgSector; sortOrder: number };

export const RenameModal = (props: {
  open: boolean;
  unit: OrgUnitDetail;
  onClose: () => void;
  onReload: () => Promise<unknown>;
  onSaved: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { sectors } = useEnumOptions();
  const [form] = Form.useForm<RenameValues>();
  const { unit } = props;
  const save = useMutation({
    mutationFn: (v: RenameValues) =>
      orgApi.update(unit.id, { name: v.name.trim(), sector: v.sector, sortOrder: v.sortOrder }, unit.version),
    onSuccess: async () => {
      void message.success(t('org.tree.renamed'));
      props.onClose();
      await props.onReload();
      props.onSaved();
    },
    onError: (e) => applyServerErrors(form, e, t),
  });
  useEffect(() => {
    if (props.open) form.setFieldsValue({ name: unit.name, sector: unit.sector, sortOrder: unit.sortOrder });
  }, [props.open, unit, form]);
  return (
    <FormModal
      {...formModalState({ open: props.open, form, save, onCancel: props.onClose, onReload: props.onReload })}
      title={t('org.tree.renameTitle')}
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="name"
          label={t('org.tree.name')}
          rules={[requiredRule(t), contractRule(UpdateOrgUnitBodySchema.shape.name, t)]}
        >
          <Input maxLength={80} showCount autoFocus />
        </Form.Item>
        <Form.Item name="sector" label={t('org.tree.sector')} rules={[requiredRule(t)]}>
          <Select options={sectors} disabled={unit.compoundId !== null} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('org.tree.sortOrder')} rules={[requiredRule(t)]}>
          <InputNumber min={0} max={100000} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
};

export const MoveModal = (props: {
  open: boolean;
  unit: OrgUnitDetail;
  onClose: () => void;
  onMoved: (newParentId: string) => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newParentId: string }>();
  const move = useMutation({
    mutationFn: ({ newParentId }: { newParentId: string }) => orgApi.move(props.unit.id, newParentId),
    onSuccess: (_u, { newParentId }) => {
      void message.success(t('org.tree.moved'));
      props.onClose();
      props.onMoved(newParentId);
    },
    onError: (e) => applyServerErrors(form, e, t),
  });
  return (
    <Modal
      open={props.open}
      title={t('org.tree.moveTitle')}
      okText={t('common.actions.confirm')}
      cancelText={t('common.actions.cancel')}
      confirmLoading={move.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      afterClose={() => move.reset()}
      destroyOnHidden
    >
      <FormErrorAlert error={move.error} />
      <Typography.Paragraph>
        <Typography.Text strong>{props.unit.name}</Typography.Text>
      </Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false} onFinish={(v) => move.mutate(v)}>
        <Form.Item
          name="newParentId"
          label={t('org.tree.newParent')}
          extra={t('org.tree.moveHint')}
          rules={[requiredRule(t)]}
        >
          <OrgTreeSelect
            excludeSubtreeOf={props.unit.id}
            selectable={(u) => u.id !== props.unit.parentId}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
};
