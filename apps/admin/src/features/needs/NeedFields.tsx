import { CreateNeedBodySchema } from '@linli/contracts';
import { DatePicker, Form, Input } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Option } from '../../components/RemoteSelect.tsx';
import { contractRule, requiredRule } from '../../components/validation.ts';
import { HouseholdSelect } from '../households/HouseholdSelect.tsx';
import { CategoryTitleFields } from '../posts/CategoryTitleFields.tsx';

type Props = { compoundId: string | undefined; knownHousehold?: Option | undefined };

/** The fields a need has in both its create and edit forms. */
export const NeedFields = ({ compoundId, knownHousehold }: Props) => {
  const { t } = useTranslation();
  const shape = CreateNeedBodySchema.shape;
  return (
    <>
      <CategoryTitleFields area="need" titleSchema={shape.title} />
      <Form.Item
        name="description"
        label={t('service.need.description')}
        rules={[requiredRule(t), contractRule(shape.description, t)]}
      >
        <Input.TextArea rows={4} maxLength={1000} showCount data-testid="need-description" />
      </Form.Item>
      <Form.Item
        name="householdId"
        label={t('service.need.household')}
        extra={compoundId ? t('service.need.householdHint') : t('service.post.pickCompoundFirst')}
      >
        <HouseholdSelect
          allowClear
          compoundId={compoundId}
          disabled={!compoundId}
          knownOptions={knownHousehold ? [knownHousehold] : undefined}
          style={{ width: '100%' }}
          data-testid="need-household"
        />
      </Form.Item>
      <Form.Item name="dueOn" label={t('service.need.dueOn')}>
        <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} data-testid="need-due-on" />
      </Form.Item>
    </>
  );
};
