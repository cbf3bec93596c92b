import type { ReactNode } from 'react';

/** The props every labelled field has; the message (error, else hint) is read out through `aria-describedby`. */
export type FieldBaseProps = {
  id: string;
  label: string;
  /** Put on the native control, so tests can type into it. */
  testId?: string;
  error?: string | undefined;
  hint?: ReactNode;
};

export const fieldMessageId = (id: string) => `${id}-message`;

export const hasFieldMessage = ({ error, hint }: Pick<FieldBaseProps, 'error' | 'hint'>) =>
  Boolean(error) || hint !== undefined;

/** `field-input`, then the variant's class (`field-textarea`), then the caller's. */
export const fieldInputClass = (className: string | undefined, variant?: string) =>
  ['field-input', variant, className].filter(Boolean).join(' ');

/** The frame of a field: its label above the control, red when invalid. */
export const FieldShell = ({ id, label, error, children }: Omit<FieldBaseProps, 'hint'> & { children: ReactNode }) => (
  <div className={`field${error ? ' field-invalid' : ''}`}>
    <label className="field-label" htmlFor={id}>
      {label}
    </label>
    {children}
  </div>
);

/** The error (announced) or else the hint under a field; `otherwise` when there is neither. */
export const FieldMessage = ({
  id,
  error,
  hint,
  otherwise = null,
}: Pick<FieldBaseProps, 'id' | 'error' | 'hint'> & { otherwise?: ReactNode }) =>
  error ? (
    <div className="field-error" id={fieldMessageId(id)} role="alert">
      {error}
    </div>
  ) : hint !== undefined ? (
    <div className="field-hint" id={fieldMessageId(id)}>
      {hint}
    </div>
  ) : (
    otherwise
  );
