import { CreatePostBodySchema } from '@linli/contracts';
import { Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { contractRule, requiredRule } from '../../components/validation.ts';
import { CategoryTitleFields } from './CategoryTitleFields.tsx';

/** The fields a post has in both its create and edit forms: category, title, duties and seats. */
export const PostFields = ({ minSeats = 1 }: { minSeats?: number }) => {
  const { t } = useTranslation();
  const shape = CreatePostBodySchema.shape;
  return (
    <>
      <CategoryTitleFields area="post" titleSchema={shape.title} />
      <Form.Item
        name="duties"
        label={t('service.post.duties')}
        extra={t('service.post.dutiesHint')}
        rules={[requiredRule(t), contractRule(shape.duties, t)]}
      >
        <Input.TextArea rows={4} maxLength={1000} showCount data-testid="post-duties" />
      </Form.Item>
      <Form.Item
        name="seats"
        label={t('service.post.seats')}
        extra={minSeats > 1 ? t('service.post.seatsMin', { n: minSeats }) : t('service.post.seatsHint')}
        rules={[requiredRule(t), contractRule(shape.seats, t)]}
      >
        <InputNumber
          min={minSeats}
          max={100}
          precision={0}
          suffix={t('service.post.seatUnit')}
          style={{ width: 160 }}
          data-testid="post-seats"
        />
      </Form.Item>
    </>
  );
};
