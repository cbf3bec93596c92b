import type { MemberDetail } from '@linli/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type CreateMemberBody, memberDetailKey, membersApi } from '../../api/members.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useCreateForm } from '../../components/useCreateForm.ts';
import { MemberFields, type MemberFormValues, memberFieldPath, toDateOnly } from './MemberFields.tsx';

const INITIAL: Partial<MemberFormValues> = {
  ethnicity: '汉族',
  status: 'full',
  employment: 'in_service',
  isMobile: false,
  isLostContact: false,
};

const toBody = (v: MemberFormValues): CreateMemberBody => ({
  name: v.name.trim(),
  idNumber: (v.idNumber ?? '').trim().toUpperCase(),
  phone: v.phone?.trim() || undefined,
  ethnicity: v.ethnicity,
  education: v.education,
  address: v.address?.trim() || undefined,
  status: v.status,
  joinedOn: toDateOnly(v.joinedOn) ?? '',
  fullMemberOn: v.status === 'full' ? toDateOnly(v.fullMemberOn) : undefined,
  employment: v.employment,
  workUnitId: v.workUnitId || undefined,
  branchId: v.branchId || undefined,
  residenceCompoundId: v.residenceCompoundId || undefined,
  isMobile: v.isMobile === true,
  isLostContact: v.isLostContact === true,
});

/** `POST /members`; the new member's page opens afterwards. */
export const MemberCreateModal = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { form, submit, modal } = useCreateForm<MemberFormValues, CreateMemberBody, MemberDetail>({
    open,
    onClose,
    create: membersApi.create,
    createdText: t('member.created'),
    fieldPath: memberFieldPath,
    onCreated: (created) => {
      queryClient.setQueryData(memberDetailKey(created.id), created);
      void queryClient.invalidateQueries({ queryKey: ['members', 'list'] });
      navigate(`/members/${created.id}`);
    },
  });
  return (
    <FormModal {...modal} title={t('member.create')} submitId="member-submit" width={880}>
      <Form<MemberFormValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={INITIAL}
        onFinish={(v) => submit(toBody(v))}
        scrollToFirstError
      >
        <MemberFields base={null} />
      </Form>
    </FormModal>
  );
};
