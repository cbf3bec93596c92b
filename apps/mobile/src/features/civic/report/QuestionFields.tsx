import type { CategoryQuestion } from '@linli/contracts';
import { Selector } from 'antd-mobile';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../../../components/TextAreaField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import type { FormErrors, RawAnswers } from './case-form.ts';

type Props = {
  questions: readonly CategoryQuestion[];
  answers: RawAnswers;
  errors: FormErrors;
  onChange: (code: string, value: string | string[]) => void;
};

const TEXT_MAX = 2000;
const LINE_MAX = 200;

/** The label says whether the question may be skipped, so nobody wonders why the form will not submit. */
const labelOf = (question: CategoryQuestion, optionalHint: string) =>
  question.required || /选填|可不填|optional/i.test(question.label)
    ? question.label
    : `${question.label}${optionalHint}`;

function ListQuestion({ question, value, error, onChange, optionalHint }: QuestionProps) {
  const labelId = useId();
  const multiple = question.type === 'multivaluelist';
  const selected = Array.isArray(value) ? value : value ? [value] : [];
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <span className="field-label" id={labelId}>
        {labelOf(question, optionalHint)}
      </span>
      <Selector
        className="filter civic-choice"
        columns={2}
        multiple={multiple}
        options={question.options.map((option) => ({ value: option.key, label: option.name }))}
        value={selected}
        onChange={(values) => onChange(multiple ? values : (values[0] ?? ''))}
        aria-labelledby={labelId}
        data-testid={`civic-question-${question.code}`}
      />
      {error ? (
        <div className="field-error" role="alert">
          {error}
        </div>
      ) : question.help ? (
        <span className="field-hint">{question.help}</span>
      ) : null}
    </div>
  );
}

type QuestionProps = {
  question: CategoryQuestion;
  value: string | string[] | undefined;
  error: string | undefined;
  onChange: (value: string | string[]) => void;
  optionalHint: string;
};

function OneQuestion(props: QuestionProps) {
  const { question, value, error, onChange, optionalHint } = props;
  const id = `civic-q-${question.code}`;
  const text = typeof value === 'string' ? value : '';
  const common = { id, testId: `civic-question-${question.code}`, label: labelOf(question, optionalHint), error };
  switch (question.type) {
    case 'singlevaluelist':
    case 'multivaluelist':
      return <ListQuestion {...props} />;
    case 'text':
      return (
        <TextAreaField
          {...common}
          hint={question.help}
          value={text}
          maxLength={TEXT_MAX}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    case 'number':
      return (
        <TextField
          {...common}
          hint={question.help}
          inputMode="decimal"
          maxLength={20}
          value={text}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    case 'datetime':
      return (
        <TextField
          {...common}
          hint={question.help}
          type="datetime-local"
          value={text}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    case 'string':
      return (
        <TextField
          {...common}
          hint={question.help}
          maxLength={LINE_MAX}
          value={text}
          onChange={(event) => onChange(event.target.value)}
        />
      );
  }
}

/** The category's extra questions, each drawn by its type; required ones are checked before sending. */
export function QuestionFields({ questions, answers, errors, onChange }: Props) {
  const { t } = useTranslation();
  if (questions.length === 0) return null;
  return (
    <>
      {questions.map((question) => (
        <OneQuestion
          key={question.code}
          question={question}
          value={answers[question.code]}
          error={errors[`answers.${question.code}`]}
          onChange={(value) => onChange(question.code, value)}
          optionalHint={t('civic.report.questionHint')}
        />
      ))}
    </>
  );
}
