import { Card, Form } from 'antd';
import type { ReactNode } from 'react';
import { FilterActions } from './FilterActions.tsx';

type Props<T> = {
  onSearch: (values: T) => void;
  onReset: () => void;
  initialValues?: Partial<T>;
  children: ReactNode;
};

/** The filter row above a list: fields, then 查询 and 重置 (which restores `initialValues`). */
export const FilterBar = <T extends object>({ onSearch, onReset, initialValues, children }: Props<T>) => {
  const [form] = Form.useForm<T>();
  return (
    <Card size="small" className="filter-card">
      <Form<T> form={form} layout="inline" onFinish={onSearch} initialValues={initialValues}>
        {children}
        <FilterActions
          onReset={() => {
            form.resetFields();
            onReset();
          }}
        />
      </Form>
    </Card>
  );
};
