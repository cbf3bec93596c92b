import { SearchOutlined } from '@ant-design/icons';
import { Button, Card, Form, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Props<T> = {
  form: FormInstance<T>;
  onSearch: (values: T) => void;
  onReset: () => void;
  initialValues?: Partial<T>;
  children: ReactNode;
};

/** The filter row above a list: fields, then 查询 and 重置. */
export const FilterBar = <T extends object>({ form, onSearch, onReset, initialValues, children }: Props<T>) => {
  const { t } = useTranslation();
  return (
    <Card size="small" className="filter-card">
      <Form<T> form={form} layout="inline" onFinish={onSearch} initialValues={initialValues}>
        {children}
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            {t('common.actions.search')}
          </Button>
        </Form.Item>
        <Form.Item>
          <Button
            onClick={() => {
              form.resetFields();
              onReset();
            }}
          >
            {t('common.actions.reset')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
};
