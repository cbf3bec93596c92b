import { useMutation } from '@tanstack/react-query';
import { App, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { formModalState } from './FormModal.tsx';
import { useIdempotencyKey } from './useIdempotencyKey.ts';
import { applyServerErrors, type NamePath } from './validation.ts';

/** What a list page hands its create dialog. */
export type CreateDialogProps = { open: boolean; onClose: () => void; onCreated: () => void };

type Options<Body, R> = {
  open: boolean;
  /** The POST, e.g. `venuesApi.create`; called with this opening's `Idempotency-Key`. */
  create: (body: Body, idempotencyKey: string) => Promise<R>;
  /** The toast after the create, e.g. `t('venue.created')`. */
  createdText: string;
  onClose: () => void;
  onCreated: (created: R) => void;
  /** Server field paths → form field paths, where the form names a field differently from the body. */
  fieldPath?: (path: NamePath) => NamePath | null;
};

/**
 * A create dialog's form and its POST: one `Idempotency-Key` per opening, the toast and close on success, server
 * field errors on the fields. `submit` sends a body; `modal` goes to `FormModal`.
 */
export const useCreateForm = <V, Body, R>({
  open,
  create,
  createdText,
  onClose,
  onCreated,
  fieldPath,
}: Options<Body, R>) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const idem = useIdempotencyKey(open);
  const mutation = useMutation({
    mutationFn: (body: Body) => create(body, idem.key),
    onSuccess: (created) => {
      void message.success(createdText);
      onClose();
      onCreated(created);
    },
    onError: (e) => {
      idem.afterError(e);
      applyServerErrors(form, e, t, fieldPath);
    },
  });
  const modal = formModalState({ open, form, save: mutation, onCancel: onClose });
  return { form, submit: (body: Body) => mutation.mutate(body), modal };
};
