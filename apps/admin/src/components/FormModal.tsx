import { Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert, StaleVersionAlert } from './ErrorState.tsx';
import { isVersionStale } from './errors.ts';

/** The state of a dialog's save, as the frame shows it (from `useCreateForm`, `useEditForm` or `formModalState`). */
export type FormModalState = {
  open: boolean;
  saving: boolean;
  /** The save mutation's error: a `412 VERSION_STALE` turns into 已被他人修改 with a reload button. */
  error: unknown;
  onSubmit: () => void;
  onCancel: () => void;
  /** Loads the newest version into the form; the save button stays off until then (edits of versioned objects). */
  onReload?: () => void;
  afterClose: () => void;
};

/**
 * The frame's state for a dialog whose `form` runs the `save` mutation. With `onReload`, a `412 VERSION_STALE` offers
 * to load the newest version, and the stale error is cleared once it is in.
 */
export const formModalState = (options: {
  open: boolean;
  form: { submit: () => void };
  save: { isPending: boolean; error: unknown; reset: () => void };
  onCancel: () => void;
  onReload?: () => Promise<unknown>;
}): FormModalState => {
  const { open, form, save, onCancel, onReload } = options;
  return {
    open,
    saving: save.isPending,
    error: save.error,
    onSubmit: () => form.submit(),
    onCancel,
    ...(onReload ? { onReload: () => void onReload().then(() => save.reset()) } : {}),
    afterClose: () => save.reset(),
  };
};

type Props = FormModalState & {
  title: ReactNode;
  /** The `id` of the save button (`#…-submit`, `#…-edit-submit`), for tests. */
  submitId?: string;
  /** antd's own 520 when left out. */
  width?: number;
  children: ReactNode;
};

/**
 * The frame of a create or edit dialog: 保存 and 取消, and the save's refusal above the form (field errors go on the
 * fields themselves).
 */
export const FormModal = ({ open, title, submitId, saving, error, onSubmit, onCancel, onReload, ...rest }: Props) => {
  const { t } = useTranslation();
  const stale = isVersionStale(error);
  return (
    <Modal
      open={open}
      width={rest.width}
      title={title}
      okText={t('common.actions.save')}
      cancelText={t('common.actions.cancel')}
      confirmLoading={saving}
      okButtonProps={{ id: submitId, disabled: stale }}
      onOk={onSubmit}
      onCancel={onCancel}
      afterClose={rest.afterClose}
      destroyOnHidden
    >
      {stale && onReload ? <StaleVersionAlert onReload={onReload} /> : <FormErrorAlert error={error} />}
      {rest.children}
    </Modal>
  );
};
