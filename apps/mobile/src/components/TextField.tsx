import type { InputHTMLAttributes, ReactNode } from 'react';

type Props = {
  id: string;
  label: string;
  /** Put on the native `<input>`, so tests can type into it. */
  testId?: string;
  error?: string | undefined;
  hint?: ReactNode;
  /** A button beside the input (e.g. 获取验证码). */
  addon?: ReactNode;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>;

/** A labelled native input: large, high-contrast, with its error read out by screen readers. */
export function TextField({ id, label, testId, error, hint, addon, className, ...input }: Props) {
  const messageId = `${id}-message`;
  const hasMessage = Boolean(error) || hint !== undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="field-row">
        <input
          id={id}
          data-testid={testId}
          className={`field-input${className ? ` ${className}` : ''}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={hasMessage ? messageId : undefined}
          {...input}
        />
        {addon}
      </div>
      {error ? (
        <div className="field-error" id={messageId} role="alert">
          {error}
        </div>
      ) : hint !== undefined ? (
        <div className="field-hint" id={messageId}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}
