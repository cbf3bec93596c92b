import { SearchOutlined } from '@ant-design/icons';
import { Form, Input } from 'antd';

type Props = { placeholder: string; width?: number; name?: string; maxLength?: number };

/** The free-text search box of a filter row (`q` unless named otherwise). */
export const SearchField = ({ placeholder, width = 220, name = 'q', maxLength = 50 }: Props) => (
  <Form.Item name={name}>
    <Input allowClear prefix={<SearchOutlined />} placeholder={placeholder} style={{ width }} maxLength={maxLength} />
  </Form.Item>
);

/** The filters as searched: the search text trimmed, and no `q` when it is blank. */
export const trimSearch = <F extends { q?: string | undefined }>(values: F): F => ({
  ...values,
  q: values.q?.trim() || undefined,
});
