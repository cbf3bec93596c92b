import { Button, Popup } from 'antd-mobile';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from './TextAreaField.tsx';

type Props = {
  visible: boolean;
  title: string;
  /** A sentence above the text box: what is being decided, about whom. */
  description?: ReactNode;
  label: string;
  placeholder?: string;
  maxLength: number;
  /** A reason to reject must be given; a note to a claim may be left empty. */
  required: boolean;
  requiredMessage?: string;
  confirmText: string;
  confirmColor?: 'primary' | 'danger';
  busy: boolean;
  /** Shown under the text box when the last attempt failed. */
  failure?: string | undefined;
  onConfirm: (text: string) => void;
  onClose: () => void;
  testId: string;
};

/** A bottom sheet that asks for one piece of text (a note, a reason) before a decision. */
export function TextPromptPopup(props: Props) {
  const { t } = useTranslation();
  const { visible, title, description, label, placeholder, maxLength, required, busy, failure } = props;
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    if (visible) {
      setText('');
      setError(undefined);
    }
  }, [visible]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (required && trimmed.length === 0) {
      setError(props.requiredMessage ?? t('validation.required', { field: label }));
      return;
    }
    props.onConfirm(trimmed);
  };

  return (
    <Popup
      visible={visible}
      onMaskClick={busy ? undefined : props.onClose}
      onClose={props.onClose}
      bodyClassName="prompt-popup"
      destroyOnClose
    >
      <form className="form prompt" onSubmit={submit} noValidate data-testid={props.testId}>
        <h2 className="section-title">{title}</h2>
        {description ? <div className="prompt-description">{description}</div> : null}
        <TextAreaField
          id={`${props.testId}-text`}
          testId={`${props.testId}-text`}
          label={label}
          placeholder={placeholder}
          value={text}
          maxLength={maxLength}
          onChange={(event) => setText(event.target.value)}
          error={error ?? failure}
        />
        <div className="button-row">
          <Button size="large" onClick={props.onClose} disabled={busy} data-testid={`${props.testId}-cancel`}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            size="large"
            color={props.confirmColor ?? 'primary'}
            loading={busy}
            data-testid={`${props.testId}-confirm`}
          >
            {props.confirmText}
          </Button>
        </div>
      </form>
    </Popup>
  );
}
