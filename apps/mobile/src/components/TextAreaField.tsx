import type { TextareaHTMLAttributes } from 'react';
import {
  type FieldBaseProps,
  FieldMessage,
  FieldShell,
  fieldInputClass,
  fieldMessageId,
  hasFieldMessage,
} from './FieldShell.tsx';

type Props = FieldBaseProps & {
  value: string;
  maxLength: number;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'maxLength'>;

/** A labelled native multi-line input with a character count: the TextField of longer text. */
export function TextAreaField({ id, label, testId, error, hint, value, maxLength, className, ...area }: Props) {
  const countId = `${id}-count`;
  return (
    <FieldShell id={id} label={label} error={error}>
      <textarea
        id={id}
        data-testid={testId}
        className={fieldInputClass(className, 'field-textarea')}
        aria-invalid={error ? true : undefined}
        aria-describedby={hasFieldMessage({ error, hint }) ? `${fieldMessageId(id)} ${countId}` : countId}
        value={value}
        maxLength={maxLength}
        rows={3}
        {...area}
      />
      <div className="field-foot">
        <FieldMessage id={id} error={error} hint={hint} otherwise={<span />} />
        <span className="field-count" id={countId}>
          {value.length}/{maxLength}
        </span>
      </div>
    </FieldShell>
  );
}
