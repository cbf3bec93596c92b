import { DatePicker, Flex, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { requiredRule } from '../../components/validation.ts';

export const DATE = 'YYYY-MM-DD';

/** Body paths → form fields: the two term dates live in one range picker. */
export const termFieldPath = (p: (string | number)[]): (string | number)[] =>
  p[0] === 'startsOn' || p[0] === 'endsOn' ? ['term'] : p;

/** 选举日期 and the term (start ~ end) as one range, so the end can never precede the start. */
export const TermDateFields = () => {
  const { t } = useTranslation();
  return (
    <Flex gap={16}>
      <Form.Item name="electedOn" label={t('branchTerm.electedOn')} rules={[requiredRule(t)]} style={{ flex: 1 }}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="term" label={t('branchTerm.term')} rules={[requiredRule(t)]} style={{ flex: 2 }}>
        <DatePicker.RangePicker
          style={{ width: '100%' }}
          placeholder={[t('branchTerm.startsOn'), t('branchTerm.endsOn')]}
        />
      </Form.Item>
    </Flex>
  );
};
