import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { CreateBranchTermBodySchema, TERM_POSITIONS, TermMemberInputSchema } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Button, DatePicker, Flex, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { branchTermsApi, type CreateBranchTermBody } from '../../api/branchTerms.ts';
import { FormErrorAlert } from '../../components/ErrorState.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { useIdempotencyKey } from '../../components/useIdempotencyKey.ts';
import {
  applyIssues,
  applyServerErrors,
  contractRule,
  issueMessage,
  requiredRule,
} from '../../components/validation.ts';

type Position = (typeof TERM_POSITIONS)[number];
type Values = {
  branchOrgId: string;
  electedOn: Dayjs;
  term: [Dayjs, Dayjs];
  members: { name?: string; position?: Position }[];
};

const DATE = 'YYYY-MM-DD';

/** Body paths → form fields: the two term dates live in one range picker. */
const fieldPath = (p: (string | number)[]) => (p[0] === 'startsOn' || p[0] === 'endsOn' ? ['term'] : p);

export const BranchTermCreateModal = (props: { open: boolean; onClose: () => void; onCreated: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const idem = useIdempotencyKey(props.open);
  const create = useMutation({
    mutationFn: (body: CreateBranchTermBody) => branchTermsApi.create(body, idem.key),
    onSuccess: () => {
      void message.success(t('branchTerm.created'));
      props.onClose();
      props.onCreated();
    },
    onError: (e) => {
      idem.afterError(e);
      applyServerErrors(form, e, t, fieldPath);
    },
  });
  const positionOptions = TERM_POSITIONS.map((p) => ({ value: p, label: t(`common.enum.termPosition.${p}`) }));

  const onFinish = (v: Values) => {
    const body: CreateBranchTermBody = {
      branchOrgId: v.branchOrgId,
      electedOn: v.electedOn.format(DATE),
      startsOn: v.term[0].format(DATE),
      endsOn: v.term[1].format(DATE),
      members: v.members.map((m) => ({ name: (m.name ?? '').trim(), position: m.position ?? 'secretary' })),
    };
    const parsed = CreateBranchTermBodySchema.safeParse(body);
    if (!parsed.success) {
      const unplaced = applyIssues(
        form,
        parsed.error.issues,
        (i) => issueMessage(i, t),
        (p) => (p[0] === 'members' && p.length === 1 ? null : fieldPath(p)),
      );
      if (unplaced.length > 0) void message.error(unplaced.join('；'));
      return;
    }
    create.mutate(body);
  };

  return (
    <Modal
      open={props.open}
      width={680}
      title={t('branchTerm.create')}
      okText={t('common.actions.save')}
      cancelText={t('common.actions.cancel')}
      confirmLoading={create.isPending}
      okButtonProps={{ id: 'branch-term-submit' }}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      afterClose={() => create.reset()}
      destroyOnHidden
    >
      <FormErrorAlert error={create.error} />
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ members: TERM_POSITIONS.map((position) => ({ position })) }}
        onFinish={onFinish}
      >
        <Form.Item
          name="branchOrgId"
          label={t('branchTerm.branch')}
          extra={t('branchTerm.branchHint')}
          rules={[requiredRule(t)]}
        >
          <OrgTreeSelect style={{ width: '100%' }} selectable={(u) => u.kind === 'branch'} />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item name="electedOn" label={t('branchTerm.electedOn')} rules={[requiredRule(t)]} style={{ flex: 1 }}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="term" label={t('branchTerm.term')} rules={[requiredRule(t)]} style={{ flex: 2 }}>
            <DatePicker.RangePicker
              style={{ width: '100%' }}
              placeholder={[t('branchTerm.startsOn'), t('branchTerm.endsOn')]}
            />
          </Form.Item>
        </Flex>
        <Form.List
          name="members"
          rules={[
            {
              validator: async (_r, members: Values['members'] | undefined) => {
                const list = members ?? [];
                if (list.length < 1) throw new Error(t('common.validation.tooFewItems', { min: 1 }));
                if (list.filter((m) => m?.position === 'secretary').length !== 1) {
                  throw new Error(t('common.validation.termSecretary'));
                }
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <Form.Item label={t('branchTerm.members')} extra={t('branchTerm.membersHint')} required>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="flex-start">
                  <Form.Item
                    name={[field.name, 'position']}
                    rules={[requiredRule(t)]}
                    style={{ width: 160, marginBottom: 8 }}
                  >
                    <Select options={positionOptions} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'name']}
                    rules={[requiredRule(t), contractRule(TermMemberInputSchema.shape.name, t)]}
                    style={{ flex: 1, marginBottom: 8 }}
                  >
                    <Input maxLength={40} placeholder={t('branchTerm.memberName')} />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('common.actions.remove')}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({})}
                disabled={fields.length >= 15}
                block
              >
                {t('branchTerm.addMember')}
              </Button>
              <Form.ErrorList errors={errors} />
            </Form.Item>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
};
