import type { InputHTMLAttributes, ReactNode } from 'react';
import {
  type FieldBaseProps,
  FieldMessage,
  FieldShell,
  fieldInputClass,
  fieldMessageId,
  hasFieldMessage,
} from './FieldShell.tsx';

type Props = FieldBaseProps & {
  /** A button beside the input (e.g. 获取验证码). */
  addon?: ReactNode;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>;

/** A labelled native input: large, high-contrast, with its error read out by screen readers. */
export function TextField({ id, label, testId, error, hint, addon, className, ...input }: Props) {
  return (
    <FieldShell id={id} label={label} error={error}>
      <div className="field-row">
        <input
          id={id}
          data-testid={testId}
          className={fieldInputClass(className)}
          aria-invalid={error ? true : undefined}
          aria-describedby={hasFieldMessage({ error, hint }) ? fieldMessageId(id) : undefined}
          {...input}
        />
        {addon}
      </div>
      <FieldMessage id={id} error={error} hint={hint} />
    </FieldShell>
  );
}
