import { useMutation } from '@tanstack/react-query';
import { App, Form } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formModalState } from './FormModal.tsx';
import { applyIssues, applyServerErrors, issueMessage, type NamePath, type SafeParser } from './validation.ts';

/** What a detail drawer hands its edit dialog (`useEditableDetail(…).dialog`). */
export type EditDialogProps<R> = {
  open: boolean;
  onClose: () => void;
  /** Replaces the version being edited with the newest one (after a `412 VERSION_STALE`). */
  onReload: () => Promise<void>;
  onSaved: (saved: R) => void;
};

type Options<B, V, Body, R> = EditDialogProps<R> & {
  /** The object as read when the dialog opened (null while there is none). */
  base: B | null;
  /** The form's values for `base`. A module-level function: the form is filled again whenever it changes. */
  valuesOf: (base: B) => V;
  /** The PATCH body: only what changed, so `{}` means there is nothing to save. */
  toBody: (base: B, values: V) => Body;
  /** The body's contract (`Update…BodySchema`), checked before sending. */
  schema: SafeParser;
  /** The PATCH at the version read, e.g. `(z, body) => dutyZonesApi.update(z.id, body, z.version)`. */
  save: (base: B, body: Body) => Promise<R>;
  /** Body paths → form field paths (for both the contract's and the server's issues); null leaves an issue unplaced. */
  fieldPath?: (path: NamePath) => NamePath | null;
};

/**
 * An edit dialog over a versioned object (`PATCH` with `If-Match`): fills the form when it opens, sends only what
 * changed (nothing changed → 没有修改 and close), checks the body against its contract first (issues on the fields,
 * the ones without a field as a message), and puts server field errors on the fields. `modal` goes to `FormModal`.
 */
export const useEditForm = <B, V, Body extends object, R>(options: Options<B, V, Body, R>) => {
  const { open, base, valuesOf, toBody, schema, save, fieldPath, onClose, onReload, onSaved } = options;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const mutation = useMutation({
    mutationFn: ({ from, body }: { from: B; body: Body }) => save(from, body),
    onSuccess: (saved) => {
      void message.success(t('common.feedback.saved'));
      onClose();
      onSaved(saved);
    },
    onError: (e) => applyServerErrors(form, e, t, fieldPath),
  });

  useEffect(() => {
    if (open && base) form.setFieldsValue(valuesOf(base));
  }, [open, base, form, valuesOf]);

  const onFinish = (values: V) => {
    if (!base) return;
    const body = toBody(base, values);
    if (Object.keys(body).length === 0) {
      void message.info(t('common.feedback.noChanges'));
      onClose();
      return;
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const unplaced = applyIssues(form, parsed.error.issues, (i) => issueMessage(i, t), fieldPath);
      if (unplaced.length > 0) void message.error(unplaced.join(t('common.fmt.listSep')));
      return;
    }
    mutation.mutate({ from: base, body });
  };

  const modal = formModalState({ open, form, save: mutation, onCancel: onClose, onReload });
  return { form, onFinish, modal };
};
