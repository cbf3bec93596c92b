import { type MemberDetail, UpdateMemberBodySchema } from '@linli/contracts';
import { Form } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { membersApi, type UpdateMemberBody } from '../../api/members.ts';
import { isVersionStale } from '../../components/errors.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { phoneChange } from '../../components/MaskedPhoneField.tsx';
import { type EditDialogProps, useEditForm } from '../../components/useEditForm.ts';
import { MemberFields, type MemberFormValues, memberFieldPath, toDateOnly } from './MemberFields.tsx';

const valuesOf = (m: MemberDetail): MemberFormValues => ({
  name: m.name,
  idNumber: '',
  phone: '',
  clearPhone: false,
  ethnicity: m.ethnicity,
  education: m.education ?? undefined,
  address: '',
  clearAddress: false,
  status: m.status,
  joinedOn: dayjs(m.joinedOn),
  fullMemberOn: m.fullMemberOn ? dayjs(m.fullMemberOn) : undefined,
  employment: m.employment,
  workUnitId: m.workUnitId ?? undefined,
  branchId: m.branchId ?? undefined,
  residenceCompoundId: m.compoundId ?? undefined,
  isMobile: m.isMobile,
  isLostContact: m.isLostContact,
});

/** Only what changed; the masked fields (ID, phone, address) only when a new value is typed or clearing is ticked. */
const toBody = (m: MemberDetail, v: MemberFormValues): UpdateMemberBody => {
  const body: UpdateMemberBody = {};
  const name = v.name.trim();
  if (name !== m.name) body.name = name;
  const idNumber = v.idNumber?.trim().toUpperCase();
  if (idNumber) body.idNumber = idNumber;
  const phone = phoneChange(v, m.phoneMasked !== null);
  if (phone !== undefined) body.phone = phone;
  if (v.ethnicity !== m.ethnicity) body.ethnicity = v.ethnicity;
  if ((v.education ?? null) !== m.education) body.education = v.education ?? null;
  const address = v.address?.trim();
  if (v.clearAddress && m.addressMasked !== null) body.address = null;
  else if (address) body.address = address;
  if (v.status !== m.status) body.status = v.status;
  const joinedOn = toDateOnly(v.joinedOn);
  if (joinedOn && joinedOn !== m.joinedOn) body.joinedOn = joinedOn;
  const fullMemberOn = v.status === 'full' ? (toDateOnly(v.fullMemberOn) ?? null) : null;
  if (fullMemberOn !== m.fullMemberOn) body.fullMemberOn = fullMemberOn;
  if (v.employment !== m.employment) body.employment = v.employment;
  if ((v.workUnitId ?? null) !== m.workUnitId) body.workUnitId = v.workUnitId ?? null;
  if ((v.branchId ?? null) !== m.branchId) body.branchId = v.branchId ?? null;
  const compoundId = v.residenceCompoundId ?? null;
  if (compoundId !== m.compoundId) {
    body.residenceCompoundId = compoundId;
    // The household lay in the old compound; moving out of it ends that link.
    if (m.householdId) body.householdId = null;
  }
  if (v.isMobile !== m.isMobile) body.isMobile = v.isMobile;
  if (v.isLostContact !== m.isLostContact) body.isLostContact = v.isLostContact;
  return body;
};

type Props = EditDialogProps<MemberDetail> & { member: MemberDetail | null };

/** `PATCH /members/:id` at the version read; a `412` offers to load the newest version. */
export const MemberEditModal = ({ member, ...dialog }: Props) => {
  const { t } = useTranslation();
  const { form, onFinish, modal } = useEditForm({
    ...dialog,
    base: member,
    valuesOf,
    toBody,
    schema: UpdateMemberBodySchema,
    save: (m, body) => membersApi.update(m.id, body, m.version),
    fieldPath: memberFieldPath,
  });
  // The form is long: after a 412, bring the 已被他人修改 notice (above the form) into view.
  const top = useRef<HTMLDivElement>(null);
  const stale = isVersionStale(modal.error);
  useEffect(() => {
    if (stale) top.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [stale]);
  return (
    <FormModal {...modal} title={t('member.editTitle')} submitId="member-edit-submit" width={880}>
      <div ref={top} />
      <Form<MemberFormValues> form={form} layout="vertical" onFinish={onFinish} scrollToFirstError>
        <MemberFields base={member} />
      </Form>
    </FormModal>
  );
};
