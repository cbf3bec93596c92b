import type { CaseAnswers, CategoryQuestion } from '@linli/contracts';
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { requiredRule } from '../../components/validation.ts';

/** What the answer fields hold before sending: a date picker holds a Dayjs. */
export type AnswerValues = Record<string, string | number | string[] | Dayjs | null | undefined>;

const isDayjs = (v: unknown): v is Dayjs => dayjs.isDayjs(v);

/** The answers as the contract takes them: blanks left out, dates as ISO timestamps, texts trimmed. */
export const toAnswers = (values: AnswerValues | undefined): CaseAnswers => {
  const out: CaseAnswers = {};
  for (const [code, v] of Object.entries(values ?? {})) {
    if (v === undefined || v === null) continue;
    if (isDayjs(v)) out[code] = v.toISOString();
    else if (typeof v === 'string') {
      if (v.trim()) out[code] = v.trim();
    } else if (Array.isArray(v)) {
      if (v.length > 0) out[code] = v;
    } else out[code] = v;
  }
  return out;
};

/**
 * The input of one question. Called as a function, not rendered as a component, so that the Form.Item around it
 * hands `value` and `onChange` to the input itself.
 */
const questionInput = (q: CategoryQuestion, t: TFunction) => {
  const testId = `civic-answer-${q.code}`;
  const options = q.options.map((o) => ({ value: o.key, label: o.name }));
  switch (q.type) {
    case 'string':
      return <Input maxLength={200} data-testid={testId} />;
    case 'text':
      return <Input.TextArea rows={3} maxLength={2000} showCount data-testid={testId} />;
    case 'number':
      return <InputNumber style={{ width: 200 }} data-testid={testId} />;
    case 'datetime':
      return <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid={testId} />;
    case 'singlevaluelist':
      return <Select allowClear options={options} placeholder={t('civic.file.choose')} data-testid={testId} />;
    case 'multivaluelist':
      return (
        <Select
          mode="multiple"
          allowClear
          options={options}
          placeholder={t('civic.file.choose')}
          data-testid={testId}
        />
      );
  }
};

/** The category's extra questions (Open311 attributes) as form fields under `answers.<code>`. */
export const QuestionFields = ({ questions }: { questions: readonly CategoryQuestion[] }) => {
  const { t } = useTranslation();
  if (questions.length === 0) return null;
  return (
    <>
      {questions.map((q) => {
        const rules: Rule[] = q.required ? [requiredRule(t)] : [];
        return (
          <Form.Item key={q.code} name={['answers', q.code]} label={q.label} extra={q.help} rules={rules}>
            {questionInput(q, t)}
          </Form.Item>
        );
      })}
    </>
  );
};
