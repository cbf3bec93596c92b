import type { HouseholdLink } from '@linli/contracts';
import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { householdsApi } from '../../api/households.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { type CreateDialogProps, useCreateForm } from '../../components/useCreateForm.ts';
import { requiredRule } from '../../components/validation.ts';
import { explained } from '../posts/conflicts.ts';
import { MemberSelect } from './MemberSelect.tsx';

type Props = CreateDialogProps & { householdId: string };

/** 党员联系住户: a Party member takes this household into their care (the same member twice is refused). */
export const LinkCreateModal = ({ householdId, ...props }: Props) => {
  const { t } = useTranslation();
  const { form, submit, modal } = useCreateForm<{ memberId: string }, string, HouseholdLink>({
    ...props,
    create: explained((memberId: string, key: string) => householdsApi.addLink(householdId, memberId, key), t),
    createdText: t('household.link.added'),
  });
  return (
    <FormModal {...modal} title={t('household.link.add')} submitId="household-link-submit">
      <Form form={form} layout="vertical" preserve={false} onFinish={(v) => submit(v.memberId)}>
        <Form.Item
          name="memberId"
          label={t('household.link.member')}
          extra={t('household.link.memberHint')}
          rules={[requiredRule(t)]}
        >
          <MemberSelect style={{ width: '100%' }} data-testid="household-link-member" />
        </Form.Item>
      </Form>
    </FormModal>
  );
};
