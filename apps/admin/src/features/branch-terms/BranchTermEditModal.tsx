import { type BranchTermDetail, UpdateBranchTermBodySchema } from '@linli/contracts';
import { Alert, Form, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { branchTermsApi, type UpdateBranchTermBody } from '../../api/branchTerms.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { type EditDialogProps, useEditForm } from '../../components/useEditForm.ts';
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

type Props = EditDialogProps<BranchTermDetail> & { term: BranchTermDetail | null };

/** `PATCH /branch-terms/:id` at the version read: corrects the dates and the elected committee. */
export const BranchTermEditModal = ({ term, ...dialog }: Props) => {
  const { t } = useTranslation();
  const { form, onFinish, modal } = useEditForm({
    ...dialog,
    base: term,
    valuesOf,
    toBody,
    schema: UpdateBranchTermBodySchema,
    save: (b, body) => branchTermsApi.update(b.id, body, b.version),
    fieldPath,
  });

  return (
    <FormModal {...modal} title={t('branchTerm.editTitle')} submitId="branch-term-edit-submit" width={680}>
      <Alert type="info" showIcon title={t('branchTerm.editHint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item label={t('branchTerm.branch')} extra={t('branchTerm.branchFixed')}>
          <Typography.Text strong>{term?.branchName}</Typography.Text>
        </Form.Item>
        <TermDateFields />
        <TermMembersField testIdPrefix="branch-term-member" />
      </Form>
    </FormModal>
  );
};
