import { CreateBranchTermBodySchema, TERM_POSITIONS } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { branchTermsApi, type CreateBranchTermBody } from '../../api/branchTerms.ts';
import { FormErrorAlert } from '../../components/ErrorState.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { useIdempotencyKey } from '../../components/useIdempotencyKey.ts';
import { applyIssues, applyServerErrors, issueMessage, requiredRule } from '../../components/validation.ts';
import { DATE, termFieldPath as fieldPath, TermDateFields } from './TermDateFields.tsx';
import { type MemberRow, TermMembersField, toMembers } from './TermMembersField.tsx';

type Values = {
  branchOrgId: string;
  electedOn: Dayjs;
  term: [Dayjs, Dayjs];
  members: MemberRow[];
};

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
  const onFinish = (v: Values) => {
    const body: CreateBranchTermBody = {
      branchOrgId: v.branchOrgId,
      electedOn: v.electedOn.format(DATE),
      startsOn: v.term[0].format(DATE),
      endsOn: v.term[1].format(DATE),
      members: toMembers(v.members),
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
        <TermDateFields />
        <TermMembersField />
      </Form>
    </Modal>
  );
};
