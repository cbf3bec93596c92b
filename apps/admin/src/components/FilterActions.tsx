import { SearchOutlined } from '@ant-design/icons';
import { Button, Form } from 'antd';
import { useTranslation } from 'react-i18next';

/** 查询 (submits the filter form) and 重置, at the end of a filter row. */
export const FilterActions = ({ onReset }: { onReset: () => void }) => {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          {t('common.actions.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button onClick={onReset}>{t('common.actions.reset')}</Button>
      </Form.Item>
    </>
  );
};
