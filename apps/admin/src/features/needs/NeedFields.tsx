import { CreateNeedBodySchema } from '@linli/contracts';
import { DatePicker, Form, Input } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Option } from '../../components/RemoteSelect.tsx';
import { contractRule, requiredRule } from '../../components/validation.ts';
import { HouseholdSelect } from '../households/HouseholdSelect.tsx';
import { PostCategorySelect } from '../posts/PostCategorySelect.tsx';

type Props = { compoundId: string | undefined; knownHousehold?: Option | undefined };

/** The fields a need has in both its create and edit forms. */
export const NeedFields = ({ compoundId, knownHousehold }: Props) => {
  const { t } = useTranslation();
  const shape = CreateNeedBodySchema.shape;
  return (
    <>
      <Form.Item name="categoryId" label={t('service.need.category')} rules={[requiredRule(t)]}>
        <PostCategorySelect activeOnly style={{ width: 280 }} data-testid="need-category" />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('service.need.titleField')}
        rules={[requiredRule(t), contractRule(shape.title, t)]}
      >
        <Input maxLength={60} placeholder={t('service.need.titlePlaceholder')} data-testid="need-title" />
      </Form.Item>
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
