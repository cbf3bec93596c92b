import { CreateBranchTermBodySchema, TERM_POSITIONS } from '@linli/contracts';
import { App, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type BranchTerm, branchTermsApi, type CreateBranchTermBody } from '../../api/branchTerms.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { type CreateDialogProps, useCreateForm } from '../../components/useCreateForm.ts';
import { applyIssues, issueMessage, requiredRule } from '../../components/validation.ts';
import { DATE, termFieldPath as fieldPath, TermDateFields } from './TermDateFields.tsx';
import { type MemberRow, TermMembersField, toMembers } from './TermMembersField.tsx';

type Values = {
  branchOrgId: string;
  electedOn: Dayjs;
  term: [Dayjs, Dayjs];
  members: MemberRow[];
};

export const BranchTermCreateModal = (props: CreateDialogProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { form, submit, modal } = useCreateForm<Values, CreateBranchTermBody, BranchTerm>({
    ...props,
    create: branchTermsApi.create,
    createdText: t('branchTerm.created'),
    fieldPath,
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
    submit(body);
  };

  return (
    <FormModal {...modal} title={t('branchTerm.create')} submitId="branch-term-submit" width={680}>
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
    </FormModal>
  );
};
