import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { contractRule, requiredRule, type SafeParser } from '../../components/validation.ts';
import { PostCategorySelect } from './PostCategorySelect.tsx';

type Props = {
  /** Whose form it is: picks the labels (`service.<area>.…`) and the test ids (`<area>-category`, `<area>-title`). */
  area: 'post' | 'need';
  /** The contract's rule for the title. */
  titleSchema: SafeParser;
};

/** 类别 and 标题, the first two fields of both a post and a need (categories are the posts' 岗位类别). */
export const CategoryTitleFields = ({ area, titleSchema }: Props) => {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="categoryId" label={t(`service.${area}.category`)} rules={[requiredRule(t)]}>
        <PostCategorySelect activeOnly style={{ width: 280 }} data-testid={`${area}-category`} />
      </Form.Item>
      <Form.Item
        name="title"
        label={t(`service.${area}.titleField`)}
        rules={[requiredRule(t), contractRule(titleSchema, t)]}
      >
        <Input maxLength={60} placeholder={t(`service.${area}.titlePlaceholder`)} data-testid={`${area}-title`} />
      </Form.Item>
    </>
  );
};
