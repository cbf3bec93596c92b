import type { ReactNode, TextareaHTMLAttributes } from 'react';

type Props = {
  id: string;
  label: string;
  /** Put on the native `<textarea>`, so tests can type into it. */
  testId?: string;
  error?: string | undefined;
  hint?: ReactNode;
  value: string;
  maxLength: number;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'maxLength'>;

/** A labelled native multi-line input with a character count: the TextField of longer text. */
export function TextAreaField({ id, label, testId, error, hint, value, maxLength, className, ...area }: Props) {
  const messageId = `${id}-message`;
  const countId = `${id}-count`;
  const hasMessage = Boolean(error) || hint !== undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        data-testid={testId}
        className={`field-input field-textarea${className ? ` ${className}` : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={hasMessage ? `${messageId} ${countId}` : countId}
        value={value}
        maxLength={maxLength}
        rows={3}
        {...area}
      />
      <div className="field-foot">
        {error ? (
          <div className="field-error" id={messageId} role="alert">
            {error}
          </div>
        ) : hint !== undefined ? (
          <div className="field-hint" id={messageId}>
            {hint}
          </div>
        ) : (
          <span />
        )}
        <span className="field-count" id={countId}>
          {value.length}/{maxLength}
        </span>
      </div>
    </div>
  );
}
