import { type BranchTermDetail, UpdateBranchTermBodySchema } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { branchTermsApi, type UpdateBranchTermBody } from '../../api/branchTerms.ts';
import { EditModal } from '../../components/EditModal.tsx';
import { applyIssues, applyServerErrors, issueMessage } from '../../components/validation.ts';
import { DATE, TermDateFields, termFieldPath } from './TermDateFields.tsx';
import { type MemberRow, sortByPosition, TermMembersField, toMembers } from './TermMembersField.tsx';

type Values = { electedOn: Dayjs; term: [Dayjs, Dayjs]; members: MemberRow[] };

const recordedMembers = (term: BranchTermDetail) =>
  sortByPosition(term.members).map((m) => ({ name: m.name, position: m.position }));

const valuesOf = (term: BranchTermDetail): Values => ({
  electedOn: dayjs(term.electedOn),
  term: [dayjs(term.startsOn), dayjs(term.endsOn)],
  members: recordedMembers(term),
});

/** Only what changed: the dates (start and end together), and the whole member list when any member changed. */
const toBody = (term: BranchTermDetail, v: Values): UpdateBranchTermBody => {
  const electedOn = v.electedOn.format(DATE);
  const startsOn = v.term[0].format(DATE);
  const endsOn = v.term[1].format(DATE);
  const members = toMembers(v.members);
  const sameMembers = JSON.stringify(members) === JSON.stringify(recordedMembers(term));
  return {
    ...(electedOn === term.electedOn ? {} : { electedOn }),
    ...(startsOn === term.startsOn && endsOn === term.endsOn ? {} : { startsOn, endsOn }),
    ...(sameMembers ? {} : { members }),
  };
};

/** Member-list issues (`members`, e.g. not exactly one secretary) go under the list, not on a field. */
const fieldPath = (p: (string | number)[]) => (p[0] === 'members' && p.length === 1 ? null : termFieldPath(p));

type Props = {
  open: boolean;
  term: BranchTermDetail | null;
  onClose: () => void;
  onReload: () => Promise<void>;
  onSaved: (term: BranchTermDetail) => void;
};

/** `PATCH /branch-terms/:id` at the version read: corrects the dates and the elected committee. */
export const BranchTermEditModal = ({ open, term, onClose, onReload, onSaved }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: ({ id, body, version }: { id: string; body: UpdateBranchTermBody; version: number }) =>
      branchTermsApi.update(id, body, version),
    onSuccess: (saved) => {
      void message.success(t('common.feedback.saved'));
      onClose();
      onSaved(saved);
    },
    onError: (e) => applyServerErrors(form, e, t, fieldPath),
  });

  useEffect(() => {
    if (open && term) form.setFieldsValue(valuesOf(term));
  }, [open, term, form]);

  const onFinish = (v: Values) => {
    if (!term) return;
    const body = toBody(term, v);
    if (Object.keys(body).length === 0) {
      void message.info(t('common.feedback.noChanges'));
      onClose();
      return;
    }
    const parsed = UpdateBranchTermBodySchema.safeParse(body);
    if (!parsed.success) {
      const unplaced = applyIssues(form, parsed.error.issues, (i) => issueMessage(i, t), fieldPath);
      if (unplaced.length > 0) void message.error(unplaced.join(t('common.fmt.listSep')));
      return;
    }
    save.mutate({ id: term.id, body, version: term.version });
  };

  return (
    <EditModal
      open={open}
      title={t('branchTerm.editTitle')}
      submitId="branch-term-edit-submit"
      saving={save.isPending}
      error={save.error}
      onSubmit={() => form.submit()}
      onCancel={onClose}
      onReload={() => void onReload().then(() => save.reset())}
      afterClose={() => save.reset()}
    >
      <Alert type="info" showIcon title={t('branchTerm.editHint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item label={t('branchTerm.branch')} extra={t('branchTerm.branchFixed')}>
          <Typography.Text strong>{term?.branchName}</Typography.Text>
        </Form.Item>
        <TermDateFields />
        <TermMembersField testIdPrefix="branch-term-member" />
      </Form>
    </EditModal>
  );
};
